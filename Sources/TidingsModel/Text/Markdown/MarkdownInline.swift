/// One paragraph's inline Markdown as runs: code spans, emphasis, strikethrough, superscript, escapes,
/// links and bare URLs, then entities decoded in the plain text.
///
/// It scans once from left to right into a list of nodes, with CommonMark's delimiter list for emphasis
/// and a stack of `[` for links; nothing recurses, and every search for a closing mark is remembered so
/// that long runs of unmatched marks stay linear.
struct MarkdownInline {
    struct Node {
        enum Kind {
            /// Source text: entities are decoded.
            case text
            /// A character written with a backslash, shown as it is.
            case verbatim
            /// A code span's content, shown as it is.
            case code
            /// What is left of a run of `*`, `_` or `~~` after emphasis took its share: `count` marks.
            case delimiter
            /// A bare or `<…>` URL: shown without its backslashes.
            case url
        }

        var kind: Kind
        var start: Int
        var end: Int
        var count = 0
        /// Index into `targets`, or -1.
        var link = -1
    }

    /// An open `[`: its node, and the last delimiter before it, below which its link text cannot reach.
    private struct Bracket {
        var node: Int
        var delimiterBottom: Int
    }

    let bytes: [UInt8]
    var nodes: [Node] = []
    var targets: [String] = []
    var emphasis = MarkdownEmphasis()
    private var brackets: [Bracket] = []
    /// Brackets below this stack index are inactive: a link may not hold a link.
    private var activeFrom = 0
    private var closingParens: Set<Int> = []
    private var search = MarkdownSearch()

    /// The paragraph's runs, with link numbers taken from `links`.
    static func runs(_ text: [UInt8], links: inout MarkdownLinkTable) -> [StoryBody.Run] {
        // Most paragraphs have no markup at all: one run, without building nodes.
        let interesting = Self.interesting
        if !text.contains(where: { interesting[Int($0)] || $0 == Byte.ampersand }) {
            return text.isEmpty ? [] : [StoryBody.Run(String(decoding: text, as: UTF8.self))]
        }
        var parser = MarkdownInline(bytes: text)
        parser.scan()
        return parser.runs(links: &links)
    }

    /// The text alone, for table cells: emphasis marks and link targets gone, code spans kept as text.
    static func plainText(_ text: [UInt8]) -> String {
        var links = MarkdownLinkTable()
        return runs(text, links: &links).map(\.text).joined()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func scan() {
        let count = bytes.count
        let interesting = Self.interesting
        var index = 0
        var textStart = 0
        func flush(_ upTo: Int) {
            if textStart < upTo { nodes.append(Node(kind: .text, start: textStart, end: upTo)) }
        }
        while index < count {
            let byte = bytes[index]
            guard interesting[Int(byte)] else {
                index += 1
                continue
            }
            switch byte {
            case Byte.backslash:
                guard index + 1 < count, Byte.isPunctuation(bytes[index + 1]) else { index += 1; continue }
                flush(index)
                nodes.append(Node(kind: .verbatim, start: index + 1, end: index + 2))
                index += 2
                textStart = index
            case Byte.backtick:
                var runEnd = index
                while runEnd < count, bytes[runEnd] == Byte.backtick { runEnd += 1 }
                guard let close = search.backtickRun(length: runEnd - index, after: runEnd, in: bytes) else {
                    index = runEnd  // no closing run: the backticks are text
                    continue
                }
                flush(index)
                var contentStart = runEnd
                var contentEnd = close
                // One space on each side is padding, so that `` ` `` can hold a backtick at its edge.
                if contentEnd - contentStart >= 2, bytes[contentStart] == Byte.space, bytes[contentEnd - 1] == Byte.space,
                   bytes[contentStart..<contentEnd].contains(where: { $0 != Byte.space }) {
                    contentStart += 1
                    contentEnd -= 1
                }
                nodes.append(Node(kind: .code, start: contentStart, end: contentEnd))
                index = close + (runEnd - index)
                textStart = index
            case Byte.star, Byte.underscore, Byte.tilde:
                var runEnd = index
                while runEnd < count, bytes[runEnd] == byte { runEnd += 1 }
                let before = index == 0 ? Byte.space : bytes[index - 1]
                let after = runEnd == count ? Byte.space : bytes[runEnd]
                let (canOpen, canClose) = MarkdownEmphasis.flanking(byte, before: before, after: after)
                guard canOpen || canClose, byte != Byte.tilde || runEnd - index == 2 else {
                    index = runEnd
                    continue
                }
                flush(index)
                nodes.append(Node(kind: .delimiter, start: index, end: runEnd, count: runEnd - index))
                emphasis.push(node: nodes.count - 1, mark: byte, count: runEnd - index, canOpen: canOpen, canClose: canClose)
                index = runEnd
                textStart = index
            case Byte.openBracket:
                flush(index)
                nodes.append(Node(kind: .text, start: index, end: index + 1))
                brackets.append(Bracket(node: nodes.count - 1, delimiterBottom: emphasis.tail))
                index += 1
                textStart = index
            case Byte.closeBracket:
                guard let opener = brackets.popLast() else { index += 1; continue }
                let active = brackets.count >= activeFrom
                activeFrom = min(activeFrom, brackets.count)
                guard active, index + 1 < count, bytes[index + 1] == Byte.openParen,
                      let destination = search.linkDestination(from: index + 2, in: bytes) else {
                    index += 1
                    continue
                }
                flush(index)
                nodes[opener.node].end = nodes[opener.node].start  // the `[` is markup now
                emphasis.process(above: opener.delimiterBottom, nodes: &nodes)
                if let target = MarkdownLinkTable.target(destination.url) {
                    targets.append(target)
                    for node in opener.node + 1..<nodes.count { nodes[node].link = targets.count - 1 }
                }
                activeFrom = brackets.count
                index = destination.end
                textStart = index
            case Byte.less:
                guard let autolink = search.autolink(at: index, in: bytes) else { index += 1; continue }
                flush(index)
                appendURL(start: index + 1, end: autolink, target: nil)
                index = autolink + 1
                textStart = index
            case Byte.caret:
                // Superscript has no style on a terminal: `^word` shows the word, `^(some words)` the words.
                guard index + 1 < count, !Byte.isWhitespace(bytes[index + 1]), bytes[index + 1] != Byte.caret else { index += 1; continue }
                flush(index)
                if bytes[index + 1] == Byte.openParen, let close = search.next(Byte.closeParen, from: index + 2, in: bytes) {
                    closingParens.insert(close)
                    index += 2
                } else {
                    index += 1
                }
                textStart = index
            case Byte.closeParen:
                if !closingParens.isEmpty, closingParens.remove(index) != nil {
                    flush(index)
                    textStart = index + 1
                }
                index += 1
            default:  // h, H, w, W: perhaps a bare URL
                guard index == 0 || Self.precedesURL(bytes[index - 1]), let end = bareURLEnd(at: index) else {
                    index += 1
                    continue
                }
                flush(index)
                appendURL(start: index, end: end, target: bytes[index] | 0x20 == 0x77 ? "https://" : "")
                index = end
                textStart = index
            }
        }
        flush(count)
        emphasis.process(above: MarkdownEmphasis.bottom, nodes: &nodes)
    }

    private static let interesting: [Bool] = {
        var table = Array(repeating: false, count: 256)
        for byte in "\\`*_~[]<^)hHwW".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// A URL starts only at the start of a word.
    private static func precedesURL(_ byte: UInt8) -> Bool {
        byte < 0x80 && !Byte.isLetterOrDigit(byte) && byte != Byte.slash && byte != Byte.backslash && byte != Byte.dot
    }

    /// `http://…`, `https://…`, `www.…` at `start`: the end of the URL, trailing punctuation left to the text.
    private func bareURLEnd(at start: Int) -> Int? {
        let prefixes: [[UInt8]] = [Array("http://".utf8), Array("https://".utf8), Array("www.".utf8)]
        guard let prefix = prefixes.first(where: { prefix in
            start + prefix.count < bytes.count && prefix.indices.allSatisfy { bytes[start + $0] | 0x20 == prefix[$0] }
        }) else { return nil }
        var end = start + prefix.count
        var opens = 0
        var closes = 0
        while end < bytes.count {
            let byte = bytes[end]
            if Byte.isWhitespace(byte) || byte == Byte.less || byte == Byte.greater || byte == Byte.backtick || byte == Byte.quote { break }
            if byte == Byte.closeBracket, !brackets.isEmpty { break }
            if byte == Byte.openParen { opens += 1 } else if byte == Byte.closeParen { closes += 1 }
            end += 1
        }
        while end > start + prefix.count {
            let last = bytes[end - 1]
            if last == Byte.closeParen, closes > opens {
                closes -= 1
            } else if !".,:;!?'*_~".utf8.contains(last) {
                break
            }
            end -= 1
        }
        return end > start + prefix.count ? end : nil
    }

    /// A URL node; `target` nil for an autolink, whose text is the target when its scheme may be followed.
    private mutating func appendURL(start: Int, end: Int, target prefix: String?) {
        var node = Node(kind: .url, start: start, end: end)
        let text = Self.unescaped(bytes[start..<end])
        if let target = prefix.map({ $0 + text }) ?? MarkdownLinkTable.target(text) {
            targets.append(target)
            node.link = targets.count - 1
        }
        nodes.append(node)
    }

    /// The bytes with each backslash before punctuation dropped (`a\_b` → `a_b`), as a string.
    static func unescaped(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(Byte.backslash) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == Byte.backslash, index + 1 < bytes.endIndex, Byte.isPunctuation(bytes[index + 1]) { index += 1 }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Adjacent nodes with the same emphasis and link merged into runs.
    private func runs(links: inout MarkdownLinkTable) -> [StoryBody.Run] {
        let styles = emphasis.styles(nodeCount: nodes.count)
        var runs: [StoryBody.Run] = []
        var pending: [UInt8] = []
        var pendingEmphasis = StoryBody.Run.Emphasis.none
        var pendingLink: Int? = nil
        func finish() {
            if !pending.isEmpty { runs.append(StoryBody.Run(String(decoding: pending, as: UTF8.self), emphasis: pendingEmphasis, link: pendingLink)) }
            pending.removeAll(keepingCapacity: true)
        }
        for (index, node) in nodes.enumerated() {
            guard node.end > node.start, node.kind != .delimiter || node.count > 0 else { continue }
            let style = node.kind == .code ? .code : styles?[index] ?? .none
            let link = node.link >= 0 ? links.number(for: targets[node.link]) : nil
            if style != pendingEmphasis || link != pendingLink {
                finish()
                pendingEmphasis = style
                pendingLink = link
            }
            switch node.kind {
            case .text:
                let slice = bytes[node.start..<node.end]
                if slice.contains(Byte.ampersand) {
                    pending += HTMLEntities.decode(String(decoding: slice, as: UTF8.self)).utf8
                } else {
                    pending += slice
                }
            case .verbatim, .code:
                pending += bytes[node.start..<node.end]
            case .delimiter:
                pending += repeatElement(bytes[node.start], count: node.count)
            case .url:
                pending += Self.unescaped(bytes[node.start..<node.end]).utf8
            }
        }
        finish()
        return runs
    }
}
