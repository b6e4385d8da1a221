/// Reddit Markdown's block structure, line by line, with an explicit stack of open containers (quotes and
/// list items) and at most one open leaf (paragraph, code, table) inside the innermost: no recursion, so
/// nesting depth costs nothing but the stack, which stops growing at `maximumDepth`.
struct MarkdownBlockParser {
    /// Deeper `>` marks are read and dropped; deeper list markers stay text.
    static let maximumDepth = 32

    private struct Container {
        var isQuote: Bool
        /// List items: where the marker stands and where the item's text starts, in columns of the line.
        var markerColumn = 0
        var contentColumn = 0
        var marker: String?
        var serial = 0
        var blocksWritten = 0
    }

    private enum Leaf {
        case none, paragraph, fenced, indented, table
    }

    /// A list being continued at one depth: later items of the same kind count up from its first number.
    private struct OpenList {
        var kind: UInt8
        var next: Int
    }

    private let bytes: [UInt8]
    private var stack: [Container] = []
    /// By depth; grown on first use, as most bodies have no list.
    private var lists: [OpenList?] = []
    private var serials = 0
    private var leaf = Leaf.none
    private var leafLines: [Range<Int>] = []
    private var fence = MarkdownLineSyntax.Fence(mark: 0, length: 0)
    private var fenceIndent = 0
    private var headerCells = 0
    private var writer = MarkdownBlockWriter()

    static func parse(_ source: MarkdownSource) -> StoryBody {
        var parser = MarkdownBlockParser(bytes: source.bytes)
        for line in source.lines { parser.line(line) }
        parser.closeContainers(from: 0)
        parser.closeLeaf()
        return parser.writer.body
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func line(_ range: Range<Int>) {
        let start = range.lowerBound
        let end = range.upperBound
        var position = start
        var matched = 0

        // Which open containers this line continues: `>` for a quote, indentation past the marker for an item.
        while matched < stack.count {
            let container = stack[matched]
            let first = Byte.skipSpaces(bytes, position, end)
            if container.isQuote {
                guard first - position <= 3, first < end, bytes[first] == Byte.greater else { break }
                position = first + 1
                if position < end, bytes[position] == Byte.space { position += 1 }
            } else if first < end {
                guard first - start > container.markerColumn else { break }
                position = max(position, min(first, start + container.contentColumn))
            }
            matched += 1
        }

        // An open code block takes the line as it is, if every container goes on.
        if matched == stack.count {
            if leaf == .fenced {
                let first = Byte.skipSpaces(bytes, position, end)
                if first - position <= 3, MarkdownLineSyntax.closes(fence, bytes, first, end) {
                    closeLeaf()
                } else {
                    leafLines.append(min(first, position + fenceIndent)..<end)
                }
                return
            }
            if leaf == .indented {
                let first = Byte.skipSpaces(bytes, position, end)
                if first == end || first - position >= 4 {
                    leafLines.append(min(first, position + 4)..<end)
                    return
                }
                closeLeaf()
            }
        } else if leaf == .fenced || leaf == .indented {
            closeLeaf()
        }

        // New containers: `>` and list markers, several on one line (`> > - text`).
        var opened = false
        while true {
            let first = Byte.skipSpaces(bytes, position, end)
            guard first < end, first - position < 4 else { break }
            if bytes[first] == Byte.greater {
                closeContainers(from: matched)
                closeLeaf()
                if stack.count < Self.maximumDepth {
                    endList(at: stack.count)
                    stack.append(Container(isQuote: true))
                }
                matched = stack.count
                position = first + 1
                if position < end, bytes[position] == Byte.space { position += 1 }
                opened = true
                continue
            }
            guard stack.count < Self.maximumDepth, !MarkdownLineSyntax.isThematicBreak(bytes, first, end),
                  let marker = MarkdownLineSyntax.listMarker(bytes, first, end) else { break }
            let depth = matched
            if lists.isEmpty { lists = Array(repeating: nil, count: Self.maximumDepth + 2) }
            let continuesList = lists[depth].map { $0.kind == marker.kind } ?? false
            let textStart = Byte.skipSpaces(bytes, marker.end, end)
            // A list starts inside a running paragraph only with a bullet or `1.`, and not empty, so that
            // a wrapped line starting "2019. The year" stays text.
            if leaf == .paragraph, !opened, !continuesList, textStart == end || (marker.number ?? 1) != 1 { break }
            closeContainers(from: matched)
            closeLeaf()
            var number = marker.number
            if let written = number {
                if continuesList, let list = lists[depth] { number = list.next }
                lists[depth] = OpenList(kind: marker.kind, next: (number ?? written) + 1)
            } else {
                lists[depth] = OpenList(kind: marker.kind, next: 0)
            }
            // Text more than four spaces past the marker is indented code: the item's text starts one space in.
            let contentStart = textStart == end || textStart - marker.end > 4 ? marker.end + 1 : textStart
            serials += 1
            stack.append(Container(isQuote: false, markerColumn: first - start, contentColumn: contentStart - start,
                                   marker: number.map { "\($0)." }, serial: serials))
            endList(at: stack.count)
            matched = stack.count
            position = min(contentStart, end)
            opened = true
        }

        let first = Byte.skipSpaces(bytes, position, end)
        let indent = first - position
        if first == end {
            // A blank line ends a paragraph or table, and every container it did not continue.
            closeContainers(from: matched)
            closeLeaf()
            return
        }
        if !opened, leaf == .paragraph {
            if matched == stack.count, indent < 4 {
                if MarkdownLineSyntax.isSetextUnderline(bytes, first, end) {
                    closeLeaf(heading: true)
                    return
                }
                if let header = leafLines.last, MarkdownLineSyntax.isTableDelimiter(bytes, first, end, cells: headerCells(header)) {
                    leafLines.removeLast()
                    closeLeaf()
                    leaf = .table
                    leafLines = [header]
                    return
                }
            }
            if indent >= 4 || !startsBlock(first, end) {
                leafLines.append(first..<end)  // continuation, lazily when containers were not continued
                return
            }
        }
        if !opened, leaf == .table, matched == stack.count, bytes[first..<end].contains(Byte.pipe) {
            leafLines.append(first..<end)
            return
        }

        closeContainers(from: matched)
        closeLeaf()
        endList(at: stack.count)
        if indent >= 4 {
            leaf = .indented
            leafLines = [position + 4..<end]
        } else if let opening = MarkdownLineSyntax.openingFence(bytes, first, end) {
            leaf = .fenced
            fence = opening
            fenceIndent = indent
            leafLines = []
        } else if let heading = MarkdownLineSyntax.atxHeading(bytes, first, end) {
            writeParagraph(Array(bytes[heading]), heading: true)
        } else if MarkdownLineSyntax.isThematicBreak(bytes, first, end) {
            // A rule is a section break, shown as an HTML `<hr>` is.
            writeParagraph(Array("* * *".utf8), heading: false)
        } else {
            leaf = .paragraph
            leafLines = [first..<end]
        }
    }

    /// No list goes on at `depth`: a later item there starts a new one.
    private mutating func endList(at depth: Int) {
        if depth < lists.count { lists[depth] = nil }
    }

    /// Lines that end a paragraph instead of continuing it.
    private func startsBlock(_ first: Int, _ end: Int) -> Bool {
        MarkdownLineSyntax.openingFence(bytes, first, end) != nil || MarkdownLineSyntax.atxHeading(bytes, first, end) != nil
            || MarkdownLineSyntax.isThematicBreak(bytes, first, end)
    }

    private func headerCells(_ line: Range<Int>) -> Int {
        guard bytes[line].contains(Byte.pipe) else { return -1 }
        return MarkdownTable.cells(bytes, line.lowerBound, line.upperBound).count
    }

    /// Closes the open leaf, then the containers from `depth` up.
    private mutating func closeContainers(from depth: Int) {
        guard depth < stack.count else { return }
        closeLeaf()
        while stack.count > depth {
            stack.removeLast()
            endList(at: stack.count + 1)
        }
    }

    private mutating func closeLeaf(heading: Bool = false) {
        let lines = leafLines
        let kind = leaf
        leaf = .none
        leafLines = []
        switch kind {
        case .none:
            return
        case .paragraph:
            writeParagraph(Self.joined(bytes, lines), heading: heading)
        case .fenced, .indented:
            var kept = lines[...]
            if kind == .indented {
                while let last = kept.last, Byte.skipSpaces(bytes, last.lowerBound, last.upperBound) == last.upperBound { kept.removeLast() }
            }
            let text = kept.map { String(decoding: bytes[$0], as: UTF8.self) }.joined(separator: "\n")
            writer.code(text, in: context())
            markWritten()
        case .table:
            let rows = lines.map { line in
                MarkdownTable.cells(bytes, line.lowerBound, line.upperBound).map { cell in
                    let first = Byte.skipSpaces(bytes, cell.lowerBound, cell.upperBound)
                    let runs = MarkdownInline.runs(Array(bytes[first..<Byte.trimEnd(bytes, first, cell.upperBound)]), links: &writer.links)
                    return Self.cellText(runs)
                }
            }
            writer.table(rows, in: context())
            markWritten()
        }
    }

    /// A table cell's text: its runs as written, a link's number after its text (`cell [2]`), as the reader
    /// shows links elsewhere; a cell is laid out as plain text, so the number is part of it.
    static func cellText(_ runs: [StoryBody.Run]) -> String {
        var text = ""
        for (index, run) in runs.enumerated() {
            text += run.text
            if let link = run.link, index + 1 == runs.count || runs[index + 1].link != link { text += " [\(link + 1)]" }
        }
        return text
    }

    private mutating func writeParagraph(_ text: [UInt8], heading: Bool) {
        writer.paragraph(text, heading: heading, in: context())
        markWritten()
    }

    private mutating func markWritten() {
        if let index = stack.lastIndex(where: { !$0.isQuote }) { stack[index].blocksWritten += 1 }
    }

    /// A paragraph's lines as one text: a line break where a line ends in two spaces, else a space.
    static func joined(_ bytes: [UInt8], _ lines: [Range<Int>]) -> [UInt8] {
        var text: [UInt8] = []
        for (index, line) in lines.enumerated() {
            let first = Byte.skipSpaces(bytes, line.lowerBound, line.upperBound)
            let last = Byte.trimEnd(bytes, first, line.upperBound)
            text += bytes[first..<last]
            if index + 1 < lines.count {
                text.append(line.upperBound - last >= 2 && bytes[line.upperBound - 1] == Byte.space ? Byte.newline : Byte.space)
            }
        }
        return text
    }

    private func context() -> MarkdownBlockWriter.Context {
        var context = MarkdownBlockWriter.Context()
        for container in stack {
            if container.isQuote {
                context.quotes += 1
                context.itemsInsideQuote = 0
            } else {
                context.items += 1
                context.itemsInsideQuote += 1
                context.item = container.serial
                context.marker = container.marker
                context.isFirstInItem = container.blocksWritten == 0
            }
        }
        return context
    }
}
