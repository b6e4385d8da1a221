/// `format=flowed` text (RFC 3676) turned back into its paragraphs: soft line breaks joined, space-stuffing
/// removed, the quote depth of each paragraph counted from its `>` marks before the stuffing is taken off,
/// so a stuffed ` >not a quote` stays text.
public enum FlowedText {
    /// The text's paragraphs, each one line of `bytes` with its quote depth.
    struct Paragraphs {
        var bytes: [UInt8] = []
        var lines: [(depth: Int, text: Range<Int>)] = []
    }

    /// The text with each flowed paragraph on one line, a quoted one after its `>` marks and one space. (The
    /// marks are written again: a paragraph whose text starts with `>` reads as deeper here; `MailText`
    /// takes the depths from `paragraphs` instead.)
    public static func unflow(_ text: String, delSp: Bool) -> String {
        let paragraphs = paragraphs(text, delSp: delSp)
        var out: [UInt8] = []
        out.reserveCapacity(paragraphs.bytes.count &+ 16)
        for line in paragraphs.lines {
            if line.depth > 0 {
                out.append(contentsOf: repeatElement(UInt8(ascii: ">"), count: line.depth))
                out.append(0x20)
            }
            out.append(contentsOf: paragraphs.bytes[line.text])
            out.append(0x0A)
        }
        if text.utf8.last != 0x0A, out.last == 0x0A { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Each paragraph's depth and text. A line ending in a space is soft (joined to the next) unless it is
    /// the signature separator `-- `; a soft line followed by a line of another quote depth ends there.
    /// With `delSp` the space before a soft break is deleted. CRs before line ends go.
    static func paragraphs(_ text: String, delSp: Bool) -> Paragraphs {
        let bytes = Array(text.utf8)
        var result = Paragraphs()
        result.bytes.reserveCapacity(bytes.count)
        // The quote depth and start of the paragraph being joined, or nil when the last line was hard.
        var open: (depth: Int, start: Int)?
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let next = end + 1
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            var depth = 0
            var content = start
            while content < end, bytes[content] == UInt8(ascii: ">") {
                depth += 1
                content += 1
            }
            // Space-stuffing: one space after the quote marks (or at the start) was added by the sender.
            if content < end, bytes[content] == 0x20 { content += 1 }
            let isSignature = end - content == 3 && bytes[content] == UInt8(ascii: "-")
                && bytes[content + 1] == UInt8(ascii: "-") && bytes[content + 2] == 0x20
            let isSoft = !isSignature && end > content && bytes[end - 1] == 0x20

            if let paragraph = open, paragraph.depth != depth {
                result.lines.append((paragraph.depth, paragraph.start..<result.bytes.count))
                open = nil
            }
            let paragraphStart = open?.start ?? result.bytes.count
            result.bytes.append(contentsOf: bytes[content..<(isSoft && delSp ? end - 1 : end)])
            if isSoft {
                open = (depth, paragraphStart)
            } else {
                result.lines.append((depth, paragraphStart..<result.bytes.count))
                open = nil
            }
            start = next
        }
        if let paragraph = open { result.lines.append((paragraph.depth, paragraph.start..<result.bytes.count)) }
        return result
    }
}
