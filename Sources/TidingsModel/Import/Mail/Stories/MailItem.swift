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

    /// What listing needs of a message held with 400,000 others, and little else: the first and last of its
    /// parents (threading needs the direct parent, and the first names a missing thread start), its subject
    /// and sender only when it may start a thread (a reply's are read again in the rare thread whose start
    /// is missing).
    var keptForListing: MailItem {
        var item = self
        if item.envelope.parents.count > 2 {
            item.envelope.parents = [item.envelope.parents[0], item.envelope.parents[item.envelope.parents.count - 1]]
        }
        // A message without a Message-ID is named by its sender, date and subject (`MailThreads.hashName`).
        if !item.envelope.parents.isEmpty, item.envelope.messageID != nil {
            item.envelope.subject = nil
            item.envelope.fromName = nil
            item.envelope.fromAddress = nil
        }
        return item
    }
}
