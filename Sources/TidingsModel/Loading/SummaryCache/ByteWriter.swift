import Foundation

/// Appends little-endian numbers and length-prefixed strings to a byte array (`SummaryCoding`).
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func i64(_ value: Int64) { u64(UInt64(bitPattern: value)) }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            u32(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// A flag byte, then the string when there is one.
    mutating func optionalString(_ text: String?) {
        guard let text else { return u8(0) }
        u8(1)
        string(text)
    }

    mutating func optionalInt(_ value: Int?) {
        guard let value else { return u8(0) }
        u8(1)
        i64(Int64(value))
    }

    mutating func commentIDs(_ ids: [CommentID]) {
        u32(UInt32(ids.count))
        bytes.reserveCapacity(bytes.count + ids.count * 8)
        for id in ids { u64(id.value) }
    }
}
