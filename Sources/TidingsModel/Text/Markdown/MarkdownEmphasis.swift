/// Pairs runs of `*`, `_` and `~~` into emphasis with CommonMark's delimiter list: each closer looks back
/// for an opener of its kind, never below where an earlier search for that kind already failed, so the
/// work stays linear however many unmatched marks there are.
struct MarkdownEmphasis {
    struct Delimiter {
        var node: Int
        var mark: UInt8
        var count: Int
        var original: Int
        var canOpen: Bool
        var canClose: Bool
        var previous: Int
        var next: Int
    }

    /// A span of nodes (`from..<to`) in one style.
    struct Span {
        var from: Int
        var to: Int
        var style: StoryBody.Run.Emphasis
    }

    /// Index of the list's head, a sentinel that is never removed: the bottom of a whole paragraph.
    static let bottom = 0
    /// Empty until the first push, so that paragraphs without marks allocate nothing.
    private var delimiters: [Delimiter] = []
    private(set) var tail = bottom
    private var spans: [Span] = []

    /// Which side of a run of `mark` can open or close emphasis, from the characters around it. An `_`
    /// inside a word does neither, so `snake_case_name` stays as written.
    static func flanking(_ mark: UInt8, before: UInt8, after: UInt8) -> (canOpen: Bool, canClose: Bool) {
        let left = !Byte.isWhitespace(after) && (!Byte.isPunctuation(after) || Byte.isWhitespace(before) || Byte.isPunctuation(before))
        let right = !Byte.isWhitespace(before) && (!Byte.isPunctuation(before) || Byte.isWhitespace(after) || Byte.isPunctuation(after))
        if mark == Byte.underscore {
            return (left && (!right || Byte.isPunctuation(before)), right && (!left || Byte.isPunctuation(after)))
        }
        return (left, right)
    }

    mutating func push(node: Int, mark: UInt8, count: Int, canOpen: Bool, canClose: Bool) {
        if delimiters.isEmpty {
            delimiters.append(Delimiter(node: -1, mark: 0, count: 0, original: 0, canOpen: false, canClose: false, previous: -1, next: -1))
        }
        delimiters.append(Delimiter(node: node, mark: mark, count: count, original: count, canOpen: canOpen, canClose: canClose,
                                    previous: tail, next: -1))
        delimiters[tail].next = delimiters.count - 1
        tail = delimiters.count - 1
    }

    /// Matches the delimiters above `stackBottom` (all of a paragraph, or a link's text), records the spans,
    /// leaves what is unmatched as text in `nodes`, and removes those delimiters from the list.
    mutating func process(above stackBottom: Int, nodes: inout [MarkdownInline.Node]) {
        guard !delimiters.isEmpty else { return }
        // Per kind of closer (mark, whether it can open, length mod 3): below this, no opener was found.
        var openersBottom = Array(repeating: stackBottom, count: 18)
        var closer = delimiters[stackBottom].next
        while closer != -1 {
            let current = delimiters[closer]
            guard current.canClose else {
                closer = current.next
                continue
            }
            let key = (current.mark == Byte.star ? 0 : current.mark == Byte.underscore ? 6 : 12) + (current.canOpen ? 3 : 0) + current.original % 3
            var opener = current.previous
            var found = false
            while opener > openersBottom[key] {
                let candidate = delimiters[opener]
                if candidate.canOpen, candidate.mark == current.mark {
                    // CommonMark's rule of three: `*foo**bar*` is not `*foo*` + `*bar*`.
                    let oddMatch = current.mark != Byte.tilde && (candidate.canClose || current.canOpen)
                        && (candidate.original + current.original) % 3 == 0 && !(candidate.original % 3 == 0 && current.original % 3 == 0)
                    if !oddMatch {
                        found = true
                        break
                    }
                }
                opener = candidate.previous
            }
            guard found else {
                openersBottom[key] = current.previous
                let next = current.next
                if !current.canOpen { unlink(closer) }
                closer = next
                continue
            }
            let used = current.mark == Byte.tilde || (delimiters[opener].count >= 2 && current.count >= 2) ? 2 : 1
            let style: StoryBody.Run.Emphasis = current.mark == Byte.tilde ? .strikethrough : used == 2 ? .bold : .italic
            spans.append(Span(from: delimiters[opener].node + 1, to: current.node, style: style))
            delimiters[opener].count -= used
            delimiters[closer].count -= used
            nodes[delimiters[opener].node].count = delimiters[opener].count
            nodes[current.node].count = delimiters[closer].count
            // Marks between the pair can no longer match anything.
            var between = delimiters[closer].previous
            while between != opener {
                let previous = delimiters[between].previous
                unlink(between)
                between = previous
            }
            if delimiters[opener].count == 0 { unlink(opener) }
            if delimiters[closer].count == 0 {
                let next = delimiters[closer].next
                unlink(closer)
                closer = next
            }
        }
        // Whatever is left above the bottom stays text.
        delimiters[stackBottom].next = -1
        tail = stackBottom
    }

    private mutating func unlink(_ index: Int) {
        let delimiter = delimiters[index]
        if delimiter.previous != -1 { delimiters[delimiter.previous].next = delimiter.next }
        if delimiter.next != -1 { delimiters[delimiter.next].previous = delimiter.previous } else { tail = delimiter.previous }
    }

    /// Each node's style (nil: all plain): bold over italic over strikethrough where spans overlap (`***x***` is bold).
    func styles(nodeCount: Int) -> [StoryBody.Run.Emphasis]? {
        guard !spans.isEmpty else { return nil }
        var styles = Array(repeating: StoryBody.Run.Emphasis.none, count: nodeCount)
        var bold = Array(repeating: 0, count: nodeCount + 1)
        var italic = bold
        var strike = bold
        for span in spans where span.from < span.to {
            switch span.style {
            case .bold: bold[span.from] += 1; bold[span.to] -= 1
            case .italic: italic[span.from] += 1; italic[span.to] -= 1
            default: strike[span.from] += 1; strike[span.to] -= 1
            }
        }
        var (inBold, inItalic, inStrike) = (0, 0, 0)
        for index in 0..<nodeCount {
            inBold += bold[index]
            inItalic += italic[index]
            inStrike += strike[index]
            styles[index] = inBold > 0 ? .bold : inItalic > 0 ? .italic : inStrike > 0 ? .strikethrough : .none
        }
        return styles
    }
}
