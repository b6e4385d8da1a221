/// Writes JSON string literals as UTF-8 bytes; every control, bidi and invisible character is escaped,
/// so output is safe to print.
public enum JSONText {
    public static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        var copy = text
        copy.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte >= 0x20, byte < 0x7F {
                    if byte == 0x22 || byte == 0x5C { out.append(0x5C) }
                    out.append(byte)
                    index += 1
                    continue
                }
                if byte < 0x80 {
                    switch byte {
                    case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                    case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                    case 0x09: out.append(contentsOf: [0x5C, 0x74])
                    default: appendEscape(UInt32(byte), to: &out)
                    }
                    index += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length where index + offset < count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                if let scalar = Unicode.Scalar(value), needsEscape(scalar) {
                    if value > 0xFFFF {
                        let shifted = value - 0x10000
                        appendEscape(0xD800 + (shifted >> 10), to: &out)
                        appendEscape(0xDC00 + (shifted & 0x3FF), to: &out)
                    } else {
                        appendEscape(value, to: &out)
                    }
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<min(count, index + length)]))
                }
                index += length
            }
        }
        out.append(0x22)
    }

    public static func appendOptional(_ text: String?, to out: inout [UInt8]) {
        if let text { appendString(text, to: &out) } else { out.append(contentsOf: Array("null".utf8)) }
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return UntrustedText.isInvisibleOrDirectional(scalar)
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    static func appendEscape(_ unit: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: [0x5C, 0x75, hex[Int(unit >> 12 & 15)], hex[Int(unit >> 8 & 15)],
                                hex[Int(unit >> 4 & 15)], hex[Int(unit & 15)]])
    }
}
