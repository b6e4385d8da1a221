/// Writes JSON string literals; every control character is escaped, so output is safe to print.
public enum JSONText {
    public static func appendString(_ text: String, to out: inout String) {
        out += "\""
        var pending = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        var index = pending
        while index != scalars.endIndex {
            let scalar = scalars[index]
            if let escape = escape(scalar) {
                out.unicodeScalars.append(contentsOf: scalars[pending..<index])
                out += escape
                pending = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        out.unicodeScalars.append(contentsOf: scalars[pending..<scalars.endIndex])
        out += "\""
    }

    public static func appendOptional(_ text: String?, to out: inout String) {
        if let text { appendString(text, to: &out) } else { out += "null" }
    }

    static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029:
            return "\\u" + String(String(scalar.value, radix: 16).leftPadded(to: 4))
        default:
            return UntrustedText.isInvisibleOrDirectional(scalar) ? "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4) : nil
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
