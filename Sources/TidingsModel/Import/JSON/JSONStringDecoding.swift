/// Decodes the inside of a JSON string with backslash escapes. Lone or broken surrogates and bad escapes
/// become U+FFFD: text is never refused for them, and nothing is lost around them.
enum JSONStringDecoding {
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        let end = bytes.endIndex
        func appendScalar(_ value: UInt32) {
            HTMLEntities.appendUTF8(Unicode.Scalar(value) == nil ? 0xFFFD : value, to: &out)
        }
        func hex4(at position: Int) -> UInt32? {
            guard position + 4 <= end else { return nil }
            var value: UInt32 = 0
            for byte in bytes[position..<position + 4] {
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: return nil
                }
                value = value << 4 | digit
            }
            return value
        }
        while index < end {
            let byte = bytes[index]
            guard byte == 0x5C, index + 1 < end else {
                out.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case 0x6E: out.append(0x0A)
            case 0x74: out.append(0x09)
            case 0x72: out.append(0x0D)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x75:
                guard let unit = hex4(at: index) else {
                    appendScalar(0xFFFD)
                    continue
                }
                index += 4
                if (0xD800...0xDBFF).contains(unit), index + 6 <= end, bytes[index] == 0x5C, bytes[index + 1] == 0x75,
                   let low = hex4(at: index + 2), (0xDC00...0xDFFF).contains(low) {
                    index += 6
                    appendScalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                } else {
                    appendScalar(unit)  // a lone surrogate is not a scalar: U+FFFD
                }
            default: out.append(escape)  // `\"`, `\\`, `\/`, and anything else as itself
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
