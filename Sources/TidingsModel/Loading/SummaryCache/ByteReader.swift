import Foundation

/// Reads what `ByteWriter` wrote, checking every length against the bytes left: a damaged or truncated
/// cache file reads as nil, never as a crash.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    mutating func u8() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u32() -> UInt32? {
        guard bytes.count - offset >= 4 else { return nil }
        defer { offset += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func u64() -> UInt64? {
        guard bytes.count - offset >= 8 else { return nil }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func i64() -> Int64? { u64().map { Int64(bitPattern: $0) } }

    mutating func string() -> String? {
        guard let count = u32().map(Int.init), bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
    }

    /// `.some(nil)` for a string that is absent, nil for damaged bytes.
    mutating func optionalString() -> String?? {
        switch u8() {
        case 0: return .some(nil)
        case 1: return string().map { .some($0) }
        default: return nil
        }
    }

    mutating func optionalInt() -> Int?? {
        switch u8() {
        case 0: return .some(nil)
        case 1: return i64().map { .some(Int($0)) }
        default: return nil
        }
    }

    mutating func commentIDs() -> [CommentID]? {
        guard let count = u32().map(Int.init), (bytes.count - offset) / 8 >= count else { return nil }
        let start = offset
        offset += count * 8
        return [CommentID](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                let value = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: start + index * 8, as: UInt64.self))
                buffer.initializeElement(at: index, to: CommentID(value: value))
            }
            initialized = count
        }
    }
}
