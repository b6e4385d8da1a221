/// The name of a message without a Message-ID: a hash of what it says, its header block and body (after its
/// mbox separator line), so messages without ids are told apart and each keeps its marks from run to run.
/// Byte-identical copies share the name and are told apart by their order (`MailThreads`: `#2`, `#3`).
enum UnnamedMessage {
    /// The bytes are hashed in pieces of this size from the message's start, so a message read whole and
    /// one read from an archive too large to hold piece by piece get the same name.
    static let pieceSize = 1 << 20

    static func name(_ bytes: ArraySlice<UInt8>) -> String {
        name(count: bytes.count) { bytes[(bytes.startIndex + $0.lowerBound)..<(bytes.startIndex + $0.upperBound)] }
    }

    /// `read` gives the bytes of a range of the message (offsets from its start).
    static func name(count: Int, read: (Range<Int>) throws -> ArraySlice<UInt8>) rethrows -> String {
        var hash = StableHash()
        hash.add("mail without id")
        var offset = 0
        repeat {
            let piece = try read(offset..<min(count, offset + pieceSize))
            piece.withUnsafeBytes { hash.add(bytes: $0) }
            offset += pieceSize
        } while offset < count
        return "no-id-" + String(hash.value, radix: 36)
    }
}
