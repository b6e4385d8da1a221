/// XML character data to UTF-8: character references (`&#233;`, `&#xE9;`), the five predefined entities,
/// and the HTML names real feeds use without declaring them (`&nbsp;`, `&eacute;`); a name nobody defines
/// stays as written. Line ends become LF, as XML says. Nothing is ever expanded from a DOCTYPE.
enum XMLText {
    /// Appends the decoded text of `bytes[range]` to `out`.
    static func appendDecoded(_ bytes: [UInt8], _ range: Range<Int>, encoding: XMLEncoding, to out: inout [UInt8]) {
        var index = range.lowerBound
        let end = range.upperBound
        var chunk = index
        while index < end {
            let byte = bytes[index]
            guard byte == ampersand || byte == carriageReturn else {
                index += 1
                continue
            }
            encoding.append(bytes, chunk..<index, to: &out)
            if byte == carriageReturn {
                out.append(lineFeed)
                index += 1
                if index < end, bytes[index] == lineFeed { index += 1 }
            } else if let (value, next) = reference(bytes, at: index, end: end) {
                HTMLEntities.appendUTF8(value, to: &out)
                index = next
            } else {
                out.append(ampersand)
                index += 1
            }
            chunk = index
        }
        encoding.append(bytes, chunk..<end, to: &out)
    }

    /// Appends the inside of a CDATA section (taken as written, line ends made LF).
    static func appendLiteral(_ bytes: [UInt8], _ range: Range<Int>, encoding: XMLEncoding, to out: inout [UInt8]) {
        var chunk = range.lowerBound
        var index = chunk
        while index < range.upperBound {
            if bytes[index] == carriageReturn {
                encoding.append(bytes, chunk..<index, to: &out)
                out.append(lineFeed)
                index += 1
                if index < range.upperBound, bytes[index] == lineFeed { index += 1 }
                chunk = index
            } else {
                index += 1
            }
        }
        encoding.append(bytes, chunk..<range.upperBound, to: &out)
    }

    /// Decoded text as a string.
    static func decoded(_ bytes: [UInt8], _ range: Range<Int>, encoding: XMLEncoding) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        appendDecoded(bytes, range, encoding: encoding, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static let ampersand = UInt8(ascii: "&")
    static let carriageReturn: UInt8 = 0x0D
    static let lineFeed: UInt8 = 0x0A

    /// The code point of the reference at `start` (an `&`) and the index past its `;`, or nil when it is
    /// none or names nothing known.
    static func reference(_ bytes: [UInt8], at start: Int, end: Int) -> (UInt32, Int)? {
        var index = start + 1
        guard index < end else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < end && (bytes[index] == UInt8(ascii: "x") || bytes[index] == UInt8(ascii: "X"))
            if hex { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < end, let digit = digit(bytes[index], hex: hex) {
                // Past Unicode the value is only ever replaced: it stops growing instead of overflowing.
                if value <= 0x10FFFF { value = value &* (hex ? 16 : 10) &+ digit }
                index += 1
            }
            guard index > digitsStart, index < end, bytes[index] == UInt8(ascii: ";") else { return nil }
            // A control written as a reference (`&#27;[31m`, which XML does not allow) is kept, for the one
            // gate to every screen to show as the body's HTML shows it: a whole escape sequence as one ␛.
            return (isXMLCharacter(value) || (0x01..<0x20).contains(value) ? value : 0xFFFD, index + 1)
        }
        let nameStart = index
        while index < end, index - nameStart <= HTMLEntityTable.longestName, bytes[index].isASCIIAlphanumeric {
            index += 1
        }
        guard index > nameStart, index < end, bytes[index] == UInt8(ascii: ";") else { return nil }
        let name = bytes[nameStart..<index]
        let value: UInt32?
        switch name.count {
        case 2 where name.elementsEqual("lt".utf8): value = 0x3C
        case 2 where name.elementsEqual("gt".utf8): value = 0x3E
        case 3 where name.elementsEqual("amp".utf8): value = 0x26
        case 4 where name.elementsEqual("quot".utf8): value = 0x22
        case 4 where name.elementsEqual("apos".utf8): value = 0x27
        default: value = HTMLEntityTable.codePoints[String(decoding: name, as: UTF8.self)]
        }
        return value.map { ($0, index + 1) }
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// XML 1.0's `Char`: what a character reference may name.
    static func isXMLCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
