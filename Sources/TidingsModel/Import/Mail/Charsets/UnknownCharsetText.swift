extension MailCharsets {
    /// Text in a charset no decoder knows: ASCII kept, each run of other bytes one U+FFFD. Text shifted into
    /// another character set (ISO 2022's escape sequences and SO) looks like ASCII but is not: it is one
    /// U+FFFD up to the shift back (`ESC ( B`, SI) or the line's end, where ISO 2022 mail returns to ASCII.
    static func replacingNonASCII(_ bytes: ArraySlice<UInt8>) -> String {
        var out = String.UnicodeScalarView()
        var shifted = false
        var index = bytes.startIndex
        let end = bytes.endIndex
        func replaceOnce() {
            if out.last != "\u{FFFD}" { out.append("\u{FFFD}") }
        }
        while index < end {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x1B:
                // ESC, intermediate bytes (0x20-0x2F), a final byte.
                let intermediates = index
                while index < end, bytes[index] >= 0x20, bytes[index] <= 0x2F { index += 1 }
                let designation = Array(bytes[intermediates..<index])
                let final = index < end ? bytes[index] : 0
                if index < end { index += 1 }
                if designation == [0x28], final == UInt8(ascii: "B") || final == UInt8(ascii: "J") {
                    shifted = false
                } else if designation.first == 0x28 || designation == [0x24] || designation == [0x24, 0x28] {
                    // A set other than ASCII designated as G0: what follows is that set's.
                    replaceOnce()
                    shifted = true
                }
                // Other sequences designate G1-G3 (ISO-2022-KR's header line), which only SO shifts into.
            case 0x0E:
                replaceOnce()
                shifted = true
            case 0x0F:
                shifted = false
            case 0x0A:
                out.append("\n")
                shifted = false
            case 0x80...:
                replaceOnce()
            default:
                if !shifted { out.append(Unicode.Scalar(byte)) }
            }
        }
        return String(out)
    }
}
