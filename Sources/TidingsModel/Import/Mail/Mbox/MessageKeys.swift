import Foundation

/// What threading a message of an archive needs to list it, read from its header block without making a
/// string: its Message-ID and the ids it answers as hashes (`KeptMessage.key`, as a Maildir's messages are
/// kept), its comment id, date and read mark. An archive of 40,000 messages is listed from these; only each
/// thread's first message is read again in full (`MailImporter`).
struct MessageKeys {
    /// The Message-ID's hash, never 0.
    var id: UInt64
    var commentID: CommentID
    var date: Date?
    var seen: Bool

    /// Nil when the bytes do not start with a header block, or the message has no Message-ID: such a
    /// message is read in full (`MailEnvelope.parse`), as it is named by what it says.
    /// `parents` is emptied and given the ids it answers, oldest first, the direct parent last (References,
    /// then In-Reply-To ids); the caller drops repeats (`KeyedThreadIDs.addParents`). One array is reused for
    /// every message of an archive.
    static func read(_ buffer: UnsafeBufferPointer<UInt8>, parents: inout [UInt64]) -> MessageKeys? {
        parents.removeAll(keepingCapacity: true)
        let head = HeaderBlockStart(buffer)
        guard head.startsWithField else { return nil }
        var keys = MessageKeys(id: 0, commentID: CommentID(value: 0), date: nil, seen: false)
        // In-Reply-To comes before or after References; its ids go after theirs. One id nearly always.
        var replyTo: UInt64 = 0
        var moreReplyTo: [UInt64] = []
        var dateField: HeaderField?
        var postedField: HeaderField?
        var scanner = HeaderBlockScanner(buffer, from: head.offset, to: buffer.count)
        while let field = scanner.next() {
            guard let name = MailHeaderName.identify(buffer, from: field.nameStart, to: field.nameEnd) else { continue }
            switch name {
            case .messageID:
                guard keys.id == 0 else { continue }
                HeaderBlockScanner.withValue(buffer, field) { value in
                    MessageIDs.withNormalised(bytes: value) { id in
                        keys.id = key(id)
                        keys.commentID = commentID(id)
                    }
                }
            case .references:
                HeaderBlockScanner.withValue(buffer, field) { value in
                    MessageIDs.forEachID(in: value) { token in MessageIDs.withNormalised(bytes: token) { parents.append(key($0)) } }
                }
            case .inReplyTo:
                HeaderBlockScanner.withValue(buffer, field) { value in
                    MessageIDs.forEachID(in: value) { token in
                        MessageIDs.withNormalised(bytes: token) { id in
                            if replyTo == 0 { replyTo = key(id) } else { moreReplyTo.append(key(id)) }
                        }
                    }
                }
            case .date:
                if dateField == nil { dateField = field }
            case .posted:
                if postedField == nil { postedField = field }
            case .status, .xStatus:
                if buffer[field.valueStart..<field.valueEnd].contains(UInt8(ascii: "R")) { keys.seen = true }
            default:
                continue
            }
        }
        guard keys.id != 0 else { return nil }
        if replyTo != 0 { parents.append(replyTo) }
        parents += moreReplyTo
        keys.date = head.date(buffer, dateField: dateField, postedField: postedField)
        return keys
    }

    /// A hash as the name threading knows it by: eleven characters (a small string, never allocated),
    /// written by hand (a radix conversion costs more than reading the message's headers).
    static func name(_ key: UInt64) -> String {
        String(unsafeUninitializedCapacity: 11) { out in
            let digits: StaticString = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
            var rest = key
            for index in 0..<11 {
                out[index] = digits.utf8Start[Int(rest & 63)]
                rest >>= 6
            }
            return 11
        }
    }

    /// The name of a Message-ID's hash (`name` of `key` of the id's string).
    static func name(of id: String) -> String { name(KeptMessage.key(id)) }

    /// An id's hash as kept messages have it (`KeptMessage.key` of the id's string).
    static func key(_ id: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = StableHash()
        hash.add(bytes: UnsafeRawBufferPointer(id))
        return max(1, hash.value)
    }

    /// The comment id of a message with this Message-ID (`MailThreads.commentID`: of "mail:" and the id).
    static func commentID(_ id: UnsafeBufferPointer<UInt8>) -> CommentID {
        let prefix: StaticString = "mail:"
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: prefix.utf8CodeUnitCount + id.count) { name in
            let base = name.baseAddress!
            base.initialize(from: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
            (base + prefix.utf8CodeUnitCount).initialize(from: id.baseAddress!, count: id.count)
            return ServiceIDs.comment(bytes: UnsafeRawBufferPointer(name))
        }
    }
}
