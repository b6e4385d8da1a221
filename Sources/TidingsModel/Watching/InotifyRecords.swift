/// One notification as the kernel writes it to an inotify descriptor: the watch it concerns, what happened,
/// and the name inside the watched folder (empty when it concerns the folder itself).
struct InotifyRecord: Equatable, Sendable {
    var watch: Int32
    var mask: UInt32
    var name: String
}

/// Reads the records of an inotify buffer: `struct inotify_event` one after another, each a 16-byte head
/// (watch, mask, cookie, name length) and a name padded with NULs. Bytes are checked, never trusted: a
/// record cut short ends the reading, and a name that is not UTF-8 is passed over (no path could name it,
/// as the loader cannot open one either).
enum InotifyRecords {
    static let headSize = 16

    static func decode(_ bytes: UnsafeRawBufferPointer) -> [InotifyRecord] {
        var records: [InotifyRecord] = []
        var offset = 0
        while bytes.count - offset >= headSize {
            let watch = Int32(bitPattern: word(bytes, offset))
            let mask = word(bytes, offset + 4)
            let length = Int(word(bytes, offset + 12))
            // A length past the buffer is not a record (the kernel writes whole records only).
            guard length <= bytes.count - offset - headSize else { break }
            let nameBytes = UnsafeRawBufferPointer(rebasing: bytes[(offset + headSize)..<(offset + headSize + length)])
            let used = nameBytes.firstIndex(of: 0) ?? nameBytes.count
            let name = String(decoding: nameBytes.prefix(used), as: UTF8.self)
            offset += headSize + length
            guard name.utf8.elementsEqual(nameBytes.prefix(used)) else { continue }
            records.append(InotifyRecord(watch: watch, mask: mask, name: name))
        }
        return records
    }

    /// A 32-bit number in the machine's byte order, read without assuming alignment.
    private static func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        var value: UInt32 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 4)])) }
        return value
    }
}
