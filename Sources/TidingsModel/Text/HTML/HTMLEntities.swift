/// Decodes HTML character references (`&amp;`, `&#8217;`, `&#x1F600;`) in text.
public enum HTMLEntities {
    /// The text with every numeric reference and every known named reference replaced by its character.
    /// A reference needs its `;`; unknown names stay as written, invalid numbers become U+FFFD.
    public static func decode(_ text: some StringProtocol) -> String {
        let utf8 = Array(text.utf8)
        guard utf8.contains(0x26) else { return String(text) }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == 0x26, let (scalar, length) = reference(utf8, at: index) {
                out.append(contentsOf: String(Character(scalar)).utf8)
                index += length
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The character of the reference starting with `&` at `start`, and the reference's length in bytes.
    private static func reference(_ bytes: [UInt8], at start: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        // Long enough for every name in the table and for `&#x10FFFF;` with leading zeros; no need to look further.
        let limit = min(bytes.count, start + 32)
        if index < limit, bytes[index] == 0x23 {  // #
            index += 1
            var hex = false
            if index < limit, bytes[index] | 0x20 == 0x78 { hex = true; index += 1 }  // x or X
            let digitsStart = index
            var value: UInt32 = 0
            while index < limit, let digit = digitValue(bytes[index], hex: hex) {
                // Saturate instead of overflowing: any value this large is invalid anyway.
                value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
                index += 1
            }
            guard index > digitsStart, index < limit, bytes[index] == 0x3B else { return nil }
            let valid = value != 0 && value <= 0x10FFFF && !(0xD800...0xDFFF).contains(value)
            return (valid ? Unicode.Scalar(value)! : "\u{FFFD}", index + 1 - start)
        }
        let nameStart = index
        while index < limit, isAlphanumeric(bytes[index]) { index += 1 }
        guard index > nameStart, index < limit, bytes[index] == 0x3B else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        guard let value = named[name] else { return nil }
        return (Unicode.Scalar(value)!, index + 1 - start)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x61...0x66 where hex: return UInt32(byte - 0x61 + 10)
        case 0x41...0x46 where hex: return UInt32(byte - 0x41 + 10)
        default: return nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0,
        "hellip": 0x2026, "mdash": 0x2014, "ndash": 0x2013, "lsquo": 0x2018, "rsquo": 0x2019,
        "ldquo": 0x201C, "rdquo": 0x201D, "laquo": 0xAB, "raquo": 0xBB, "bull": 0x2022, "middot": 0xB7,
        "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "euro": 0x20AC, "pound": 0xA3, "yen": 0xA5, "cent": 0xA2,
        "sect": 0xA7, "para": 0xB6, "deg": 0xB0, "plusmn": 0xB1, "times": 0xD7, "divide": 0xF7,
        "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE, "shy": 0xAD, "iexcl": 0xA1, "iquest": 0xBF,
        "larr": 0x2190, "rarr": 0x2192, "uarr": 0x2191, "darr": 0x2193, "hearts": 0x2665,
        "eacute": 0xE9, "egrave": 0xE8, "aacute": 0xE1, "agrave": 0xE0, "ouml": 0xF6, "uuml": 0xFC, "auml": 0xE4,
        "szlig": 0xDF, "ccedil": 0xE7, "ntilde": 0xF1, "zwj": 0x200D, "zwnj": 0x200C, "thinsp": 0x2009,
        "ensp": 0x2002, "emsp": 0x2003,
    ]
}
