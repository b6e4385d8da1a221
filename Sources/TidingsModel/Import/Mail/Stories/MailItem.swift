import Foundation

/// A message as the mail importer keeps it between reading and threading: its envelope, whether the mail
/// client marked it read, and where its bytes are.
struct MailItem: Sendable {
    var envelope: MailEnvelope
    /// Marked read by the mail client (Maildir `S` flag, mbox `Status: R`).
    var seen: Bool
    /// Which of the files read together holds it (0 in an mbox).
    var file: Int
    /// Its bytes in that file: after its mbox separator line up to the next, or the whole file.
    var range: Range<Int>
    /// For a message without a Message-ID, its name made of its bytes (`UnnamedMessage`); nil otherwise.
    var unnamedID: UInt64?
}

/// What listing keeps of a message saved in a file of its own, held with 400,000 others (a Maildir): its
/// ids as hashes, its comment id, date and mark; strings only for a message that may start a thread. A
/// thread whose start is missing reads its first reply's file again for its subject and the start's id.
final class KeptMessage: Sendable {
    // Hashes with 0 for none, and the date in seconds with NaN for none: 400,000 of these are held, and
    // optionals would double their size. A class: the held file keeps one pointer to it.
    private let idKey: UInt64
    private let firstParentKey: UInt64
    private let lastParentKey: UInt64
    private let seconds: Double
    let commentID: CommentID
    let seen: Bool
    /// The envelope, only for a message without parents (it starts a thread) or without a Message-ID: by
    /// reference, so the many replies pay one pointer for it.
    let start: Start?

    final class Start: Sendable {
        let envelope: MailEnvelope
        let unnamedID: UInt64?
        init(_ envelope: MailEnvelope, unnamedID: UInt64?) {
            self.envelope = envelope
            self.unnamedID = unnamedID
        }
    }

    init(_ item: MailItem, commentID: CommentID) {
        let envelope = item.envelope
        idKey = envelope.messageID.map(Self.key) ?? 0
        firstParentKey = envelope.parents.first.map(Self.key) ?? 0
        lastParentKey = envelope.parents.last.map(Self.key) ?? 0
        self.commentID = commentID
        seconds = envelope.date?.timeIntervalSince1970 ?? .nan
        seen = item.seen
        start = envelope.parents.isEmpty || envelope.messageID == nil ? Start(envelope, unnamedID: item.unnamedID) : nil
    }

    var date: Date? { seconds.isNaN ? nil : Date(timeIntervalSince1970: seconds) }

    /// What its copies in other files share (`MessageCopies`): its id's hash, else its name; nil for neither.
    var copyKey: MessageCopies.HashedKey? {
        if idKey != 0 { return MessageCopies.HashedKey(isID: true, value: idKey, date: MessageCopies.dateBits(date)) }
        return start?.unnamedID.map { MessageCopies.HashedKey(isID: false, value: $0) }
    }

    /// A hash of an id, never 0 (which stands for none).
    static func key(_ id: String) -> UInt64 {
        max(1, HeldFile.hash(id))
    }

    /// A hash as a string short enough to be stored without an allocation (at most 13 characters).
    static func name(_ key: UInt64) -> String { String(key, radix: 36) }

    /// Adds its id and parents to what threading reads (named as `name` writes them).
    func add(to keys: inout KeyedThreadIDs) {
        keys.addMessage(idKey)
        keys.addParent(firstParentKey)
        keys.addParent(lastParentKey)
    }

    /// The name of the id it answers first, as a placeholder for it is named.
    var firstParentName: String? { firstParentKey == 0 ? nil : Self.name(firstParentKey) }

    /// The item threading and the summary work with: the envelope when kept, else only the date.
    func item(file: Int) -> MailItem {
        MailItem(envelope: start?.envelope ?? MailEnvelope(date: date), seen: seen, file: file, range: 0..<0, unnamedID: start?.unnamedID)
    }
}
