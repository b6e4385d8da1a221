/// Markdown text brought to one shape before block parsing: LF line ends, Reddit's three HTML escapes
/// (`&amp;` `&lt;` `&gt;`) undone, and tabs in a line's indentation turned into spaces.
///
/// Reddit sends bodies with `&`, `<` and `>` escaped unless asked for raw JSON; undoing the escapes first
/// makes both forms parse the same (`&gt; quote` is a quote either way). Tabs become spaces so that
/// indentation is counted in columns by byte offsets alone.
struct MarkdownSource {
    /// The normalized text; lines are separated by LF.
    var bytes: [UInt8]
    /// Each line's bytes, without its LF.
    var lines: [Range<Int>]

    init(_ text: String) {
        var text = text
        self = text.withUTF8 { Self(utf8: $0) }
    }

    private init(utf8 input: UnsafeBufferPointer<UInt8>) {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var lines: [Range<Int>] = []
        var lineStart = 0
        var inIndent = true
        var index = 0
        func endLine() {
            lines.append(lineStart..<out.count)
            out.append(Byte.newline)
            lineStart = out.count
            inIndent = true
        }
        while index < input.count {
            let byte = input[index]
            index += 1
            switch byte {
            case Byte.newline:
                endLine()
            case Byte.carriageReturn:
                if index < input.count, input[index] == Byte.newline { index += 1 }
                endLine()
            case Byte.tab where inIndent:
                let column = out.count - lineStart
                out.append(contentsOf: repeatElement(Byte.space, count: 4 - column % 4))
            case Byte.ampersand:
                if let (decoded, length) = Self.redditEscape(input, at: index - 1) {
                    out.append(decoded)
                    index += length - 1
                    if decoded != Byte.greater { inIndent = false }
                } else {
                    out.append(byte)
                    inIndent = false
                }
            default:
                out.append(byte)
                if byte != Byte.space && byte != Byte.greater { inIndent = false }
            }
        }
        if lineStart < out.count { lines.append(lineStart..<out.count) }
        self.bytes = out
        self.lines = lines
    }

    /// `&amp;`, `&lt;` or `&gt;` at `start`: the byte it stands for and the escape's length.
    private static func redditEscape(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (UInt8, Int)? {
        func matches(_ name: [UInt8]) -> Bool {
            guard start + 1 + name.count < bytes.count, bytes[start + 1 + name.count] == Byte.semicolon else { return false }
            for (offset, letter) in name.enumerated() where bytes[start + 1 + offset] != letter { return false }
            return true
        }
        if matches([0x61, 0x6D, 0x70]) { return (Byte.ampersand, 5) }  // amp
        if matches([0x6C, 0x74]) { return (Byte.less, 4) }  // lt
        if matches([0x67, 0x74]) { return (Byte.greater, 4) }  // gt
        return nil
    }
}
