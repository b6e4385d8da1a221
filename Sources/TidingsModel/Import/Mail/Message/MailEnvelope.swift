import Foundation

/// What threading and the story list need of a message, read from its header block only.
public struct MailEnvelope: Sendable, Equatable {
    /// Normalised Message-ID (see `MessageIDs`); nil when missing or empty.
    public var messageID: String?
    /// Ancestors, oldest first, the direct parent last: the ids of `References` in order, then the ids of
    /// `In-Reply-To` not already listed (normalised, duplicates removed keeping the first). Repeated
    /// `References` / `In-Reply-To` headers (patch series write two) are all read, in header order.
    public var parents: [String]
    /// Decoded subject (RFC 2047, unfolded, runs of whitespace made one space, trimmed); nil when missing.
    public var subject: String?
    /// The sender's display name (decoded, quotes removed) and address; either may be nil.
    public var fromName: String?
    public var fromAddress: String?
    public var date: Date?
    /// The mail client marked it read: an mbox `Status:` (or `X-Status:`) header containing `R`.
    /// (Maildir flags are in the file name; the importer handles those.)
    public var seen: Bool
    /// `Newsgroups:` when present (comma list, trimmed), for news articles.
    public var newsgroups: [String]
    /// Byte offset (within the slice given to `parse`) where the body starts (after the empty line), or the
    /// end when there is no body.
    public var bodyOffset: Int
    /// The header block ran past 1 MiB or 10,000 lines, and what followed is taken for the body
    /// (`HeaderBlockScanner`): the reader is told, as the fields there were not read.
    public var headerCut = false
    /// A Maildir's file without a header block (or with none of a message's fields): all of it is its
    /// text, and all of it names it (`UnnamedMessage`).
    var hasNoHeaders = false

    /// No field a message is known by: no id, answer, subject, sender, date or newsgroup (`Reminder: call
    /// the bank` read as a header block).
    var saysNothing: Bool {
        messageID == nil && parents.isEmpty && subject == nil && sender == nil && date == nil && newsgroups.isEmpty
    }

    public init(messageID: String? = nil, parents: [String] = [], subject: String? = nil, fromName: String? = nil,
                fromAddress: String? = nil, date: Date? = nil, seen: Bool = false, newsgroups: [String] = [],
                bodyOffset: Int = 0) {
        self.messageID = messageID
        self.parents = parents
        self.subject = subject
        self.fromName = fromName
        self.fromAddress = fromAddress
        self.date = date
        self.seen = seen
        self.newsgroups = newsgroups
        self.bodyOffset = bodyOffset
    }

    /// Nil when the bytes are not a message: the first line is not a header field (`Name: value`, name of
    /// printable ASCII without spaces), unless it is an A-news article. A leading mbox `From ` line is
    /// skipped (its date is used when there is no `Date:`).
    public static func parse(_ bytes: ArraySlice<UInt8>) -> MailEnvelope? {
        bytes.withUnsafeBufferPointer { EnvelopeReader.read($0, collectingMIME: false)?.envelope }
    }

    /// Only what threading needs (ids, date, the read mark): subject, sender and newsgroups are left out,
    /// for the many messages of an archive that turn out to be replies (their thread's start is read again
    /// in full).
    static func parseForThreading(_ bytes: ArraySlice<UInt8>) -> MailEnvelope? {
        bytes.withUnsafeBufferPointer { EnvelopeReader.read($0, collectingMIME: false, threadingOnly: true)?.envelope }
    }

    /// The sender to show: the name, else the address, else nil.
    public var sender: String? { fromName ?? fromAddress }
}
