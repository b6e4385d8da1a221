import Foundation

/// Where a title sorts: titles compare lower-cased, byte by byte in UTF-8 (not by the locale's rules, so the
/// same on every machine; `key`). Kept with each list entry as the start of that key, its first 32 bytes as
/// four big-endian numbers and its length, worked out once as the entry is made: a sort of 100,000 titles
/// then compares numbers, and only titles whose first 32 bytes agree are compared in full.
public struct TitleSortKey: Sendable, Equatable {
    public let k0: UInt64, k1: UInt64, k2: UInt64, k3: UInt64
    /// The whole key's length in bytes when it is no longer than the start; more than the start's length
    /// otherwise. Two starts alike of keys no longer than the start are the same key.
    public let length: Int

    /// How many bytes of the key the start holds.
    public static let startBytes = 32

    /// An untitled story's (or one titled with nothing but spaces): larger than any title's start (UTF-8 has no byte 0xFF), so it sorts last.
    public static let untitled = TitleSortKey(k0: .max, k1: .max, k2: .max, k3: .max, length: 0)

    public var titled: Bool { k0 != .max }

    /// A title of nothing but spaces: shown as "(untitled)", and sorted with those.
    public static func isBlank(_ title: String) -> Bool {
        title.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Whether the start is the whole key: then equal starts are equal keys.
    public var isWhole: Bool { length <= Self.startBytes }

    init(k0: UInt64, k1: UInt64, k2: UInt64, k3: UInt64, length: Int) {
        (self.k0, self.k1, self.k2, self.k3, self.length) = (k0, k1, k2, k3, length)
    }

    public init(_ title: String?) {
        guard var title, !Self.isBlank(title) else {
            self = .untitled
            return
        }
        self = withUnsafeTemporaryAllocation(byteCount: Self.startBytes, alignment: 8) { start in
            start.initializeMemory(as: UInt8.self, repeating: 0)
            let length = title.withUTF8 { bytes in
                // Beyond ASCII: folded character by character, as far as the start and one byte more (enough to
                // tell whether the start is the whole key).
                Self.asciiStart(bytes, into: start) ?? withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.startBytes + 1) { folded in
                    let count = Self.fold(bytes, into: folded.baseAddress!, limit: Self.startBytes + 1)
                    start.initializeMemory(as: UInt8.self, repeating: 0)
                    start.baseAddress!.copyMemory(from: folded.baseAddress!, byteCount: min(count, Self.startBytes))
                    return count
                }
            }
            func word(_ from: Int) -> UInt64 { UInt64(bigEndian: start.loadUnaligned(fromByteOffset: from, as: UInt64.self)) }
            return TitleSortKey(k0: word(0), k1: word(8), k2: word(16), k3: word(24), length: length)
        }
    }

    /// For an ASCII title (most are), its key's start lower-cased into `start` eight bytes at a time, and its
    /// length; nil for any other title.
    private static func asciiStart(_ bytes: UnsafeBufferPointer<UInt8>, into start: UnsafeMutableRawBufferPointer) -> Int? {
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var high: UInt64 = 0
        var offset = 0
        while offset + 8 <= count {
            high |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < count {
            high |= UInt64(bytes[offset])
            offset += 1
        }
        guard high & 0x8080_8080_8080_8080 == 0 else { return nil }
        start.baseAddress!.copyMemory(from: raw, byteCount: min(count, startBytes))
        for word in stride(from: 0, to: startBytes, by: 8) {
            // Each byte below 0x80: adding 0x3F sets its top bit from 'A' on, adding 0x25 from '[' on, and no
            // sum carries into the next byte; a capital gets 0x20 added.
            let value = start.loadUnaligned(fromByteOffset: word, as: UInt64.self)
            let capitals = (value &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(value &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
            start.storeBytes(of: value | (capitals >> 2), toByteOffset: word, as: UInt64.self)
        }
        return count
    }

    /// Negative, zero or positive as this start sorts before, with or after `other`'s.
    public func compareStart(_ other: TitleSortKey) -> Int {
        if k0 != other.k0 { return k0 < other.k0 ? -1 : 1 }
        if k1 != other.k1 { return k1 < other.k1 ? -1 : 1 }
        if k2 != other.k2 { return k2 < other.k2 ? -1 : 1 }
        if k3 != other.k3 { return k3 < other.k3 ? -1 : 1 }
        return 0
    }

    /// What titles are compared by: lower-cased UTF-8, byte by byte (code point order), as `lowercased()`
    /// gives it.
    public static func key(_ title: String) -> [UInt8] {
        var title = title
        return title.withUTF8 { bytes in
            // Lower-casing makes at most three bytes of one (U+0130, two bytes, is "i" and a combining dot).
            let room = bytes.count * 3
            return [UInt8](unsafeUninitializedCapacity: room) { out, initialized in
                initialized = room == 0 ? 0 : fold(bytes, into: out.baseAddress!, limit: room)
            }
        }
    }

    /// The UTF-8 of a string, lower-cased as `lowercased()` does (each character by its lower-case mapping),
    /// written to `out` up to `limit` bytes; returns how many were written. ASCII, Latin-1 and Russian
    /// Cyrillic, whose capitals are their small letters less a fixed step, and characters known to have no
    /// case (kana, CJK, Hangul, punctuation, emoji) are folded without asking Unicode's tables. A test holds
    /// it to `lowercased()`.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, limit: Int) -> Int {
        var written = 0
        // A character's bytes, as many as there is room for (a start cut inside a character holds its first
        // bytes, as the whole key does).
        func emit(_ value: UInt32) {
            var encoded: (UInt8, UInt8, UInt8, UInt8)
            let length: Int
            switch value {
            case 0..<0x80: (encoded, length) = ((UInt8(value), 0, 0, 0), 1)
            case 0x80..<0x800:
                (encoded, length) = ((UInt8(0xC0 | (value >> 6)), UInt8(0x80 | (value & 0x3F)), 0, 0), 2)
            case 0x800..<0x10000:
                (encoded, length) = ((UInt8(0xE0 | (value >> 12)), UInt8(0x80 | ((value >> 6) & 0x3F)), UInt8(0x80 | (value & 0x3F)), 0), 3)
            default:
                (encoded, length) = ((UInt8(0xF0 | (value >> 18)), UInt8(0x80 | ((value >> 12) & 0x3F)),
                                      UInt8(0x80 | ((value >> 6) & 0x3F)), UInt8(0x80 | (value & 0x3F))), 4)
            }
            withUnsafeBytes(of: &encoded) { encodedBytes in
                for offset in 0..<length where written < limit {
                    out[written] = encodedBytes[offset]
                    written += 1
                }
            }
        }
        var index = 0
        let count = bytes.count
        while index < count, written < limit {
            let first = bytes[index]
            if first < 0x80 {
                out[written] = first &- 0x41 < 26 ? first | 0x20 : first
                written += 1
                index += 1
                continue
            }
            // A string's UTF-8 is valid: the length of each sequence is in its first byte.
            let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
            guard index + length <= count else { break }
            var value = UInt32(first) & (first >= 0xF0 ? 0x07 : first >= 0xE0 ? 0x0F : 0x1F)
            for next in 1..<length { value = value << 6 | UInt32(bytes[index + next] & 0x3F) }
            index += length
            switch value {
            case 0xC0...0xD6, 0xD8...0xDE, 0x410...0x42F: emit(value + 0x20)
            case 0x400...0x40F: emit(value + 0x50)
            // No case: the rest of Latin-1, small Cyrillic, punctuation, arrows, shapes and dingbats, kana, CJK,
            // Hangul, emoji.
            case 0x80...0xFF, 0x430...0x45F, 0x2000...0x206F, 0x2190...0x23FF, 0x2500...0x27BF, 0x3000...0x30FF,
                 0x3130...0x318F, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFE00...0xFE0F, 0x1F300...0x1FAFF:
                emit(value)
            default:
                guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else {
                    emit(value)
                    continue
                }
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { emit(lower.value) }
            }
        }
        return written
    }

    /// Negative, zero or positive as `one` sorts before, with or after `two`: `memcmp` on the common part,
    /// then the shorter first.
    public static func compareBytes(_ one: [UInt8], _ two: [UInt8]) -> Int {
        let common = min(one.count, two.count)
        let order = one.withUnsafeBytes { a in two.withUnsafeBytes { b in common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common) } }
        return order != 0 ? Int(order) : one.count - two.count
    }
}
