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
