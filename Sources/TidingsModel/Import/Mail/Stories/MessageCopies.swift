import Foundation

/// The same message saved in two files read together (a news article copied into each group it was
/// crossposted to, a Usenet archive beside a spool that holds it, a mail kept in two folders) is one message,
/// as slrn, tin and notmuch show it: threaded once, from the first file that holds it, and read at the source
/// when any copy is. Copies inside one file (an mbox holding a message twice) are the mbox's own and stay
/// apart, numbered `#2` (`MailThreads`), as the archive counts them.
///
/// Without this a copy was numbered by its place among the files read together, so its id changed with the
/// files read with it: opened alone it was the first copy, and its marks never stuck to its row.
enum MessageCopies {
    /// For each message, the earlier message it is a copy of (same key, another file); nil for a message
    /// kept. `key` is a message's Message-ID and date, or for one without an id, the name made of what it
    /// says (`key(_:)`).
    static func copyOf<Key: Hashable>(count: Int, file: (Int) -> Int, key: (Int) -> Key?) -> [Int?] {
        var first: [Key: Int] = [:]
        var copyOf = [Int?](repeating: nil, count: count)
        for index in 0..<count {
            guard let key = key(index) else { continue }
            guard let earlier = first[key] else {
                first[key] = index
                continue
            }
            if file(earlier) != file(index) { copyOf[index] = earlier }
        }
        return copyOf
    }

    /// The messages without their copies in other files; a copy's mail-client mark is its first's too.
    static func dropped(_ items: [MailItem], copyOf: [Int?]) -> [MailItem] {
        var items = items
        for (index, original) in copyOf.enumerated() {
            if let original, items[index].seen { items[original].seen = true }
        }
        return items.indices.filter { copyOf[$0] == nil }.map { items[$0] }
    }

    /// A kept message's key as hashes (`KeptMessage.copyKey`): an id's and a name's never meet.
    struct HashedKey: Hashable {
        var isID: Bool
        var value: UInt64
        /// With an id, its date's bits (`dateBits`).
        var date: UInt64 = 0
    }

    /// A message's key: its Message-ID and date, else its name (made of all it says). Two messages that
    /// share an id but not a date are two messages (a client that reused an id, a hand-made copy edited):
    /// both are shown, the later one numbered `#2` as in an mbox, not one hidden without a word. A copy
    /// (a crosspost, a second folder) has its first's Date header.
    static func key(_ item: MailItem) -> Key? {
        if let id = item.envelope.messageID { return Key(text: id, date: dateBits(item.envelope.date)) }
        return item.unnamedID.map { Key(text: UnnamedMessage.text($0), date: 0) }
    }

    struct Key: Hashable {
        var text: String
        var date: UInt64
    }

    /// A date as bits to compare (the same for no date, unlike NaN).
    static func dateBits(_ date: Date?) -> UInt64 {
        date.map { $0.timeIntervalSince1970.bitPattern } ?? UInt64.max
    }
}
