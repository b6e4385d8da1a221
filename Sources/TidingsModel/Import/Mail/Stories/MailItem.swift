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
}
