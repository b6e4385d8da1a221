/// `format=flowed` text (RFC 3676) turned back into its paragraphs: soft line breaks joined, space-stuffing
/// removed, quote depth kept as `>` marks so that quotes read as quotes afterwards.
public enum FlowedText {
    /// The text with each flowed paragraph on one line. A line ending in a space is soft (joined to the
    /// next) unless it is the signature separator `-- `; a soft line followed by a line of another quote
    /// depth ends there. With `delSp` the space before a soft break is deleted. CRs before line ends go;
    /// quoted lines come out as their `>` marks and one space.
    public static func unflow(_ text: String, delSp: Bool) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count &+ 16)
        // The quote depth of the paragraph being joined, or nil when the last line was hard.
        var openDepth: Int?
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

            if let open = openDepth, open != depth {
                out.append(0x0A)
                openDepth = nil
            }
            if openDepth == nil, depth > 0 {
                out.append(contentsOf: repeatElement(UInt8(ascii: ">"), count: depth))
                out.append(0x20)
            }
            out.append(contentsOf: bytes[content..<(isSoft && delSp ? end - 1 : end)])
            if isSoft {
                openDepth = depth
            } else {
                out.append(0x0A)
                openDepth = nil
            }
            start = next
        }
        if openDepth != nil { out.append(0x0A) }
        if bytes.last != 0x0A, out.last == 0x0A { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
