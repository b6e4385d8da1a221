/// FNV-1a, 64 bits: a fixed, platform-independent hash for ids that must survive restarts.
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte: byte) }
        add(byte: 0x1F)  // field separator, so ("ab","c") and ("a","bc") differ
    }

    public mutating func add(_ number: UInt64) {
        var rest = number
        for _ in 0..<8 {
            add(byte: UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
    }

    @inline(__always)
    public mutating func add(byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }
}

/// URL-safe base64 digits for fixed-width ids (`A–Z a–z 0–9 - _`), most significant digit first.
public enum Base64URL {
    static let digits: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    public static func encode(_ value: UInt64, characters: Int) -> String {
        var bytes = [UInt8](repeating: 0, count: characters)
        var rest = value
        for position in stride(from: characters - 1, through: 0, by: -1) {
            bytes[position] = digits[Int(rest & 63)]
            rest >>= 6
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func decode(_ text: some StringProtocol) -> UInt64? {
        var value: UInt64 = 0
        for byte in text.utf8 {
            guard let digit = digitValue(byte) else { return nil }
            value = value << 6 | UInt64(digit)
        }
        return value
    }

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
