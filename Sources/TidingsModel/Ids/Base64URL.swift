/// URL-safe base64 digits for fixed-width ids (`A–Z a–z 0–9 - _`), most significant digit first.
public enum Base64URL {
    static let digits: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    public static func encode(_ value: UInt64, characters: Int) -> String {
        var bytes = [UInt8](repeating: 0, count: characters)
        append(value, characters: characters, to: &bytes, at: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `characters` digits of `value` into `bytes` starting at `start`.
    @inline(__always)
    public static func append(_ value: UInt64, characters: Int, to bytes: inout [UInt8], at start: Int) {
        var rest = value
        for position in stride(from: start + characters - 1, through: start, by: -1) {
            bytes[position] = digits[Int(rest & 63)]
            rest >>= 6
        }
    }

    public static func decode(_ text: some StringProtocol) -> UInt64? {
        var value: UInt64 = 0
        for byte in text.utf8 {
            guard let digit = digitValue(byte) else { return nil }
            value = value << 6 | UInt64(digit)
        }
        return value
    }

    /// Digit values by byte; 0xFF marks a byte that is not a digit.
    static let digitTable: [UInt8] = (0..<256).map { digitValue(UInt8($0)) ?? 0xFF }

    @inline(__always)
    static func digitValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): return 62
        case UInt8(ascii: "_"): return 63
        default: return nil
        }
    }
}
