/// Quoted-printable (RFC 2045 §6.7) decoding, lenient as mail readers are: soft line breaks with CRLF or
/// LF, lowercase hex accepted, a bad escape kept as written.
public enum QuotedPrintable {
    /// The decoded bytes of a body; `valid` is false when an `=` began no escape or soft break. Hard line
    /// breaks come out as LF; whitespace at the end of a line is dropped (transport added it, RFC 2045).
    public static func decode(_ bytes: ArraySlice<UInt8>) -> (bytes: [UInt8], valid: Bool) {
        decode(bytes, header: false)
    }

    /// With `header`, the Q encoding of RFC 2047: `_` is a space, and there are no line breaks.
    static func decode(_ bytes: ArraySlice<UInt8>, header: Bool) -> (bytes: [UInt8], valid: Bool) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var valid = true
        // Where trailing whitespace may begin: the start of the line's output, or after its last escape
        // (an encoded `=20` is the author's, not the transport's).
        var lineStart = 0
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "="):
                if let high = hexValue(at: index + 1, in: bytes), let low = hexValue(at: index + 2, in: bytes) {
                    out.append(high << 4 | low)
                    lineStart = out.count
                    index += 3
                    continue
                }
                // A soft break: `=`, then optional transport whitespace, then the line end (or the end).
                var after = index + 1
                while after < end, bytes[after] == 0x20 || bytes[after] == 0x09 { after += 1 }
                if !header, after == end {
                    index = after
                    continue
                }
                if !header, bytes[after] == 0x0A || bytes[after] == 0x0D {
                    if bytes[after] == 0x0D, after + 1 < end, bytes[after + 1] == 0x0A { after += 1 }
                    lineStart = out.count
                    index = after + 1
                    continue
                }
                valid = false
                out.append(byte)
                index += 1
            case 0x0D where !header:
                // CRLF or a lone CR: one line break.
                trimTrailingWhitespace(&out, from: lineStart)
                out.append(0x0A)
                lineStart = out.count
                index += index + 1 < end && bytes[index + 1] == 0x0A ? 2 : 1
            case 0x0A where !header:
                trimTrailingWhitespace(&out, from: lineStart)
                out.append(0x0A)
                lineStart = out.count
                index += 1
            case UInt8(ascii: "_") where header:
                out.append(0x20)
                index += 1
            default:
                out.append(byte)
                index += 1
            }
        }
        if !header { trimTrailingWhitespace(&out, from: lineStart) }
        return (out, valid)
    }

    private static func hexValue(at index: Int, in bytes: ArraySlice<UInt8>) -> UInt8? {
        guard index < bytes.endIndex else { return nil }
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    private static func trimTrailingWhitespace(_ out: inout [UInt8], from lineStart: Int) {
        while out.count > lineStart, let last = out.last, last == 0x20 || last == 0x09 { out.removeLast() }
    }
}
