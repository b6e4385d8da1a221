/// A fixed, platform-independent 64-bit hash for ids that must survive restarts and Swift versions
/// (unlike `Hasher`). It takes eight bytes per step, so hashing a whole corpus stays cheap.
public struct StableHash: Sendable {
    private var state: UInt64 = 0x243F_6A88_85A3_08D3

    public init() {}

    /// The finished hash: the state run through a final avalanche so every input bit moves every output bit.
    public var value: UInt64 {
        var x = state
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    public mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    public mutating func add(_ number: UInt64) {
        mix(number)
        mix(8)
    }

    /// Adds a field: its bytes, then its length, so ("ab", "c") and ("a", "bc") differ.
    public mutating func add(bytes: UnsafeRawBufferPointer) {
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        if shift > 0 { mix(tail) }
        mix(UInt64(count))
    }

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        let mixed = state ^ (word &* 0x9E37_79B9_7F4A_7C15)
        state = (mixed &<< 29 | mixed &>> 35) &* 0xBF58_476D_1CE4_E5B9
    }
}

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
