/// Base64 (RFC 2045 §6.8) decoding, lenient as mail readers are: whitespace and stray characters are
/// skipped, decoding stops at the first `=`.
public enum MIMEBase64 {
    /// The decoded bytes; `valid` is false when characters other than whitespace were skipped, or the data
    /// ends with a lone character (cut short).
    public static func decode(_ bytes: ArraySlice<UInt8>) -> (bytes: [UInt8], valid: Bool) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 4 &* 3 &+ 3)
        var valid = true
        var accumulator: UInt32 = 0
        var count = 0
        for byte in bytes {
            let value = table[Int(byte)]
            if value < 64 {
                accumulator = accumulator << 6 | UInt32(value)
                count += 1
                if count == 4 {
                    out.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                    out.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                    out.append(UInt8(truncatingIfNeeded: accumulator))
                    accumulator = 0
                    count = 0
                }
            } else if byte == UInt8(ascii: "=") {
                break
            } else if value == whitespace {
                continue
            } else {
                valid = false
            }
        }
        // Two or three characters left make one or two bytes (the padding left out, as some writers do); a
        // single one holds too few bits for a byte: the data was cut short, and the note says so.
        if count == 1 {
            valid = false
        } else if count == 2 {
            out.append(UInt8(truncatingIfNeeded: accumulator >> 4))
        } else if count == 3 {
            out.append(UInt8(truncatingIfNeeded: accumulator >> 10))
            out.append(UInt8(truncatingIfNeeded: accumulator >> 2))
        }
        return (out, valid)
    }

    /// Whether a body labelled base64 is text instead (a client's mistake): base64 is written in lines
    /// without spaces inside them, so a body where half its lines have words apart (`hello world`) is
    /// text, as is one where more than a quarter of the characters, whitespace aside, are outside the
    /// alphabet (punctuation, accents); both up to the first `=`, where the data ends. A damaged base64
    /// body (a stray `*`) is neither.
    public static func isText(_ bytes: ArraySlice<UInt8>) -> Bool {
        var alphabet = 0, stray = 0
        var lines = 0, spacedLines = 0
        // The line being read: whether it has had a character, and a space after one.
        var lineHasText = false, spaceAfterText = false, lineIsSpaced = false
        func endLine() {
            if lineHasText { lines += 1 }
            if lineIsSpaced { spacedLines += 1 }
            (lineHasText, spaceAfterText, lineIsSpaced) = (false, false, false)
        }
        for byte in bytes {
            let value = table[Int(byte)]
            if byte == 0x0A {
                endLine()
                continue
            }
            if value == whitespace {
                if lineHasText { spaceAfterText = true }
                continue
            }
            // The data ends at the first `=` (what follows is not decoded either).
            if byte == UInt8(ascii: "=") { break }
            if spaceAfterText { lineIsSpaced = true }
            lineHasText = true
            if value < 64 { alphabet += 1 } else { stray += 1 }
        }
        endLine()
        return stray * 4 > alphabet + stray || (lines > 0 && spacedLines * 2 >= lines)
    }

    private static let whitespace: UInt8 = 0xFE
    private static let other: UInt8 = 0xFF

    /// Each byte's six-bit value, or `whitespace`, or `other`.
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: other, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        for byte in [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C] { table[byte] = whitespace }
        return table
    }()
}
