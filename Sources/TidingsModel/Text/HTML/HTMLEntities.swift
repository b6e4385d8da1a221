/// Decodes HTML character references (`&amp;`, `&#39;`, `&#x27;`) the way browsers do.
public enum HTMLEntities {
    /// The text with every character reference replaced by its character. A reference that names nothing
    /// or lacks its `;` stays as written (except `&amp`, `&lt`, `&gt`, `&quot`, `&nbsp`, `&copy`, `&reg`
    /// before anything but a letter, digit or `=`). Control characters such as ESC come through: the
    /// screen's gate (`UntrustedText.sanitize`) deals with them.
    public static func decode(_ text: some StringProtocol) -> String {
        guard text.utf8.contains(ampersand) else { return String(text) }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        append(bytes, bytes.indices, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static let ampersand = UInt8(ascii: "&")

    /// Appends `bytes[range]`, decoded, to `out`: the byte-level decoder the HTML renderer shares.
    static func append(_ bytes: [UInt8], _ range: Range<Int>, to out: inout [UInt8]) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            if byte != ampersand {
                out.append(byte)
                index += 1
                continue
            }
            if let (value, next) = reference(in: bytes, at: index, end: end) {
                appendUTF8(value, to: &out)
                index = next
            } else {
                out.append(byte)
                index += 1
            }
        }
    }

    /// The code point of the reference starting with the `&` at `start`, and the index just past it.
    private static func reference(in bytes: [UInt8], at start: Int, end: Int) -> (UInt32, Int)? {
        var index = start + 1
        guard index < end else { return nil }
        if bytes[index] == UInt8(ascii: "#") { return numeric(in: bytes, at: index + 1, end: end) }
        let nameStart = index
        while index < end, index - nameStart <= HTMLEntityTable.longestName, bytes[index].isASCIIAlphanumeric {
            index += 1
        }
        guard index > nameStart, index - nameStart <= HTMLEntityTable.longestName else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        guard let value = HTMLEntityTable.codePoints[name] else { return nil }
        if index < end, bytes[index] == UInt8(ascii: ";") { return (value, index + 1) }
        // Without `;` only the legacy names count, and not before `=`: `?a=1&copy=2` is a query string.
        let nextIsEquals = index < end && bytes[index] == UInt8(ascii: "=")
        guard HTMLEntityTable.legacyWithoutSemicolon.contains(name), !nextIsEquals else { return nil }
        return (value, index)
    }

    /// `&#39;` or `&#x27;` (after the `#`): digits, then a `;`, else nothing.
    private static func numeric(in bytes: [UInt8], at start: Int, end: Int) -> (UInt32, Int)? {
        var index = start
        var isHex = false
        if index < end, bytes[index] == UInt8(ascii: "x") || bytes[index] == UInt8(ascii: "X") {
            isHex = true
            index += 1
        }
        let digitsStart = index
        var value: UInt32 = 0
        while index < end, let digit = digitValue(bytes[index], hex: isHex) {
            // Past U+10FFFF the value is only ever replaced, so it stops growing instead of overflowing.
            if value <= 0x10FFFF { value = value * (isHex ? 16 : 10) + digit }
            index += 1
        }
        guard index > digitsStart, index < end, bytes[index] == UInt8(ascii: ";") else { return nil }
        return (replacement(for: value), index + 1)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Raw C1 controls (U+0080–U+009F) read as the Windows-1252 characters they almost always are: text
    /// decoded as Latin-1 somewhere on its way (`don\u{92}t` is `don’t`). The five holes stay, for the gate.
    public static func repairingC1(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x80...0x9F).contains(scalar.value), let repaired = Unicode.Scalar(windows1252[Int(scalar.value - 0x80)]) {
                scalars.append(repaired)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// HTML5's rules for numbers that are no character: NUL, surrogates and values past Unicode become
    /// U+FFFD; 0x80–0x9F are read as the Windows-1252 characters old pages meant by them.
    static func replacement(for value: UInt32) -> UInt32 {
        switch value {
        case 0, 0xD800...0xDFFF, 0x110000...: return 0xFFFD
        case 0x80...0x9F: return windows1252[Int(value - 0x80)]
        default: return value
        }
    }

    /// 0x80–0x9F in Windows-1252; the five holes keep their C1 value, as HTML5 says.
    private static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D,
        0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A,
        0x153, 0x9D, 0x17E, 0x178,
    ]

    /// Appends a code point (already checked to be a scalar) as UTF-8.
    static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | value >> 6))
            out.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | value >> 12))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        default:
            out.append(UInt8(0xF0 | value >> 18))
            out.append(UInt8(0x80 | value >> 12 & 0x3F))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        }
    }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool { isASCIILetter || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    var isASCIILetter: Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self | 0x20) }
    /// HTML's whitespace: space, tab, LF, FF, CR.
    var isHTMLSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D }
}
