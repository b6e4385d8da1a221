/// The name of a message without a Message-ID: a hash of what it says, its sender, subject, `Date:` as
/// written and body (cron's mails say the same every day but for their dates), so
/// messages without ids are told apart and each keeps its marks from run to run. The header block's bytes
/// are not hashed: a mail client rewrites its `Status:` and `X-Status:` lines as the message is read, which
/// must not rename it. Copies that say the same are told apart by their order (`MailThreads`: `#2`, `#3`).
enum UnnamedMessage {
    /// The bytes are hashed in pieces of this size from the message's start, so a message read whole and
    /// one read from an archive too large to hold piece by piece get the same name.
    static let pieceSize = 1 << 20

    /// The name as written in ids: `no-id-` and the hash in base 36.
    static func text(_ hash: UInt64) -> String { "no-id-" + String(hash, radix: 36) }

    /// The name's hash (kept in place of the text: 400,000 held messages pay no string each).
    static func name(_ bytes: ArraySlice<UInt8>, envelope: MailEnvelope) -> UInt64 {
        name(count: bytes.count, envelope: envelope) { bytes[(bytes.startIndex + $0.lowerBound)..<(bytes.startIndex + $0.upperBound)] }
    }

    /// `read` gives the bytes of a range of the message (offsets from its start, after its mbox separator).
    static func name(count: Int, envelope: MailEnvelope, read: (Range<Int>) throws -> ArraySlice<UInt8>) rethrows -> UInt64 {
        var hash = StableHash()
        hash.add("mail without id")
        hash.add(envelope.fromAddress ?? envelope.fromName ?? "")
        hash.add(envelope.subject ?? "")
        var offset = 0
        repeat {
            var piece = try read(offset..<min(count, offset + pieceSize))
            // The body alone: after the header block, when the message starts with one (one without headers
            // is all body).
            if offset == 0, !envelope.hasNoHeaders {
                let head = headerBlock(piece)
                if let date = head.date { piece[date].withUnsafeBytes { hash.add(bytes: $0) } }
                piece = piece.dropFirst(head.bodyStart)
            }
            piece.withUnsafeBytes { hash.add(bytes: $0) }
            offset += pieceSize
        } while offset < count
        return hash.value
    }

    /// Where the body starts in the message's first bytes (after its header block, else at once), and
    /// where its first `Date:` value lies in them (indices of `bytes`).
    private static func headerBlock(_ bytes: ArraySlice<UInt8>) -> (bodyStart: Int, date: Range<Int>?) {
        bytes.withUnsafeBufferPointer { buffer in
            let head = HeaderBlockStart(buffer)
            guard head.startsWithField else { return (0, nil) }
            var scanner = HeaderBlockScanner(buffer, from: head.offset, to: buffer.count)
            var date: Range<Int>?
            while let field = scanner.next() {
                if date == nil, MailHeaderName.identify(buffer, from: field.nameStart, to: field.nameEnd) == .date {
                    date = (bytes.startIndex + field.valueStart)..<(bytes.startIndex + field.valueEnd)
                }
            }
            return (scanner.bodyOffset ?? buffer.count, date)
        }
    }
}
