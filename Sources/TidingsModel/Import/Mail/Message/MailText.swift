/// Plain mail text as blocks the reader shows with their line breaks: quoted runs (`>`, `> >`, `|>`) as
/// `.quote` blocks by depth, other paragraphs as `.preserved` blocks, the signature (from the last `-- `
/// line) as one `.signature` block; the web addresses in it are its links.
public enum MailText {
    /// Deeper quotes are shown at this level (as HTML's are capped), so hostile nesting stays drawable.
    static let maximumQuoteLevel = 32

    /// The blocks of decoded text. CRs are removed; leading, trailing and repeated empty lines go.
    public static func body(_ text: String) -> StoryBody {
        var bytes = Array(text.utf8)
        if bytes.contains(0x0D) { bytes.removeAll { $0 == 0x0D } }
        var lines: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lines.append(start..<end)
            start = end + 1
        }
        return body(bytes, lines, depths: nil)
    }

    /// The blocks of `format=flowed` text: each paragraph's quote depth is the one the flowed decoder
    /// counted, so a line whose text starts with `>` after its stuffing space was taken off stays text.
    static func body(flowed text: String, delSp: Bool) -> StoryBody {
        let paragraphs = FlowedText.paragraphs(text, delSp: delSp)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(paragraphs.bytes.count)
        var lines: [Range<Int>] = []
        lines.reserveCapacity(paragraphs.lines.count)
        for line in paragraphs.lines {
            let start = bytes.count
            bytes.append(contentsOf: paragraphs.bytes[line.text].lazy.filter { $0 != 0x0D })
            lines.append(start..<bytes.count)
        }
        return body(bytes, lines, depths: paragraphs.lines.map(\.depth))
    }

    /// The blocks of `lines` of `bytes`; `depths` gives each line's quote depth (its text then has no
    /// marks), else the depth is read from the line's marks.
    private static func body(_ bytes: [UInt8], _ lines: [Range<Int>], depths: [Int]?) -> StoryBody {
        let signatureStart = signatureLine(bytes, lines, depths: depths)
        var builder = BlockBuilder(bytes: bytes)
        // From a patch's start on, the text is one block: its empty context lines do not split it (the
        // layout breaks the patch's lines as code from its start), and a context line ` > x` is no quote.
        var inPatch = false
        for (index, line) in lines[..<(signatureStart ?? lines.count)].enumerated() {
            var (depth, content) = depths.map { ($0[index], line.lowerBound) } ?? quoteDepth(bytes, line)
            if depths == nil, !inPatch, PatchLines.startsPatch(bytes[line]) { inPatch = true }
            if inPatch, line.isEmpty || bytes[line.lowerBound] != UInt8(ascii: ">") { (depth, content) = (0, line.lowerBound) }
            let text = content..<trimmedEnd(bytes, content..<line.upperBound)
            if depth > 0 {
                builder.add(text, depth: depth)
            } else if text.isEmpty {
                if inPatch { builder.add(text, depth: 0) } else { builder.flush() }
            } else {
                builder.add(line.lowerBound..<text.upperBound, depth: 0)
            }
        }
        builder.flush()
        var blocks = builder.blocks
        if let signatureStart {
            var signature = Array(lines[signatureStart...])
            while let last = signature.last, signature.count > 1, trimmedEnd(bytes, last) == last.lowerBound { signature.removeLast() }
            let text = signature.enumerated().map { offset, line in
                String(decoding: bytes[line.lowerBound..<(offset == 0 ? line.upperBound : trimmedEnd(bytes, line))], as: UTF8.self)
            }.joined(separator: "\n")
            var block = StoryBody.Block(.signature, text: text)
            // Right under the text, as written: no blank row is put before it.
            let before = signatureStart - 1
            block.followsWithoutBlank = before >= 0 && !blocks.isEmpty && trimmedEnd(bytes, lines[before]) != lines[before].lowerBound
            blocks.append(block)
        }
        // The addresses in the text, quotes and signature included, numbered where they stand (the text
        // itself is shown as written) to be opened by their numbers.
        return PlainTextLinks.marked(blocks)
    }

    /// The last line that is exactly `-- `, else the last `--` with at most ten lines after it (trailing
    /// empty lines not counted); only an unquoted line, when `depths` are given. In a patch, a `-- ` with
    /// diff lines after it is a removed `- ` line, not a signature (git's own `-- ` comes after the patch).
    private static func signatureLine(_ bytes: [UInt8], _ lines: [Range<Int>], depths: [Int]?) -> Int? {
        var lastDashes: Int?
        for (index, line) in lines.enumerated().reversed() where depths?[index] ?? 0 == 0 {
            let text = bytes[line]
            if text.count == 3, text.elementsEqual([0x2D, 0x2D, 0x20]) {
                if depths == nil, lines[(index + 1)...].contains(where: { PatchLines.isDiffLine(bytes[$0]) }),
                   lines[..<index].contains(where: { PatchLines.startsPatch(bytes[$0]) }) { continue }
                return index
            }
            if lastDashes == nil, text.count == 2, text.elementsEqual([0x2D, 0x2D]) { lastDashes = index }
        }
        guard let dashes = lastDashes else { return nil }
        var end = lines.count
        while end > dashes + 1, trimmedEnd(bytes, lines[end - 1]) == lines[end - 1].lowerBound { end -= 1 }
        return end - dashes - 1 <= 10 ? dashes : nil
    }

    /// The quote depth of a line and where its text starts: `>` marks, with spaces between them or not,
    /// `|>` and `| >` as one mark each, at most one space before the first, one space after the last dropped.
    static func quoteDepth(_ bytes: [UInt8], _ line: Range<Int>) -> (depth: Int, content: Int) {
        var index = line.lowerBound
        let end = line.upperBound
        func markLength(at position: Int) -> Int {
            guard position < end else { return 0 }
            if bytes[position] == UInt8(ascii: ">") { return 1 }
            if bytes[position] == UInt8(ascii: "|"), position + 1 < end {
                if bytes[position + 1] == UInt8(ascii: ">") { return 2 }
                if bytes[position + 1] == 0x20, position + 2 < end, bytes[position + 2] == UInt8(ascii: ">") { return 3 }
            }
            return 0
        }
        if index < end, bytes[index] == 0x20, markLength(at: index + 1) > 0 { index += 1 }
        var depth = 0
        while true {
            let length = markLength(at: index)
            guard length > 0 else { break }
            depth += 1
            index += length
            var after = index
            while after < end, bytes[after] == 0x20 { after += 1 }
            if markLength(at: after) > 0 {
                index = after
            } else {
                if index < end, bytes[index] == 0x20 { index += 1 }
                break
            }
        }
        return (depth, index)
    }

    static func trimmedEnd(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return end
    }
}

/// Gathers lines into blocks: a run of lines at one quote depth (0 for plain text) is one block.
private struct BlockBuilder {
    let bytes: [UInt8]
    var blocks: [StoryBody.Block] = []
    private var lines: [Range<Int>] = []
    private var depth = 0
    /// The next block starts on the line after the last one's (a change of quote depth, not an empty line).
    private var adjoins = false

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func add(_ line: Range<Int>, depth: Int) {
        if !lines.isEmpty, depth != self.depth {
            // Only a block that ended on a line with text is adjoined by the next.
            let endsWithText = lines.last.map { !$0.isEmpty } ?? false
            flush()
            adjoins = endsWithText
        }
        self.depth = depth
        lines.append(line)
    }

    /// Ends the block being gathered. A quote's empty lines stay inside it but not at its ends.
    mutating func flush() {
        defer {
            lines.removeAll(keepingCapacity: true)
            adjoins = false
        }
        var first = 0, last = lines.count
        while first < last, lines[first].isEmpty { first += 1 }
        while last > first, lines[last - 1].isEmpty { last -= 1 }
        guard first < last else { return }
        let text = lines[first..<last].map { String(decoding: bytes[$0], as: UTF8.self) }.joined(separator: "\n")
        var block = depth > 0 ? StoryBody.Block(.quote, [StoryBody.Run(text)], level: min(depth - 1, MailText.maximumQuoteLevel))
            : StoryBody.Block(.preserved, text: text)
        block.followsWithoutBlank = adjoins && first == 0 && !blocks.isEmpty
        blocks.append(block)
    }
}
