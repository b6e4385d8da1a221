/// A `message/rfc822` part shown in place (a forwarded message, a digest's entries), as mutt shows it: a
/// short header block of the enclosed message (From, Date, Subject, decoded) and then its own text, chosen
/// as a top-level message's is, its own attachments listed with the others.
enum EnclosedMessage {
    /// Messages inside messages are opened this deep; a deeper one is listed. Each level opened is a call
    /// (a message's MIME tree is walked without recursion, but opening the message inside it is another
    /// parse), so the depth is capped well below what a thread's stack allows.
    static let maximumDepth = 16

    static let label = "[forwarded message]"

    /// The enclosed message's header block and text, or nil when its bytes are no message (they are listed).
    static func open(_ bytes: ArraySlice<UInt8>, depth: Int) -> MailMessage? {
        guard var message = MailMessage.parse(bytes, depth: depth) else { return nil }
        var body = StoryBody(blocks: [headerBlock(bytes)])
        body.append(message.body)
        message.body = body
        return message
    }

    /// `[forwarded message]`, then `From:`, `Date:` and `Subject:` as written (encoded words decoded,
    /// folding and runs of spaces made one space), each on its own row; the fields it lacks are left out.
    static func headerBlock(_ bytes: ArraySlice<UInt8>) -> StoryBody.Block {
        var from: String?, date: String?, subject: String?
        bytes.withUnsafeBufferPointer { buffer in
            let head = HeaderBlockStart(buffer)
            guard head.startsWithField else { return }
            var scanner = HeaderBlockScanner(buffer, from: head.offset, to: buffer.count)
            while let field = scanner.next() {
                switch MailHeaderName.identify(buffer, from: field.nameStart, to: field.nameEnd) {
                case .from where from == nil: from = HeaderBlockScanner.withValue(buffer, field) { HeaderSyntax.text($0) }
                case .date where date == nil: date = HeaderBlockScanner.withValue(buffer, field) { HeaderSyntax.text($0) }
                case .subject where subject == nil: subject = HeaderBlockScanner.withValue(buffer, field) { HeaderSyntax.text($0) }
                default: continue
                }
            }
        }
        var runs = [StoryBody.Run(label, emphasis: .italic)]
        for (name, value) in [("From", from), ("Date", date), ("Subject", subject)] {
            guard let value, !value.isEmpty else { continue }
            runs += [StoryBody.Run("\n"), StoryBody.Run(name + ": ", emphasis: .bold), StoryBody.Run(value)]
        }
        return StoryBody.Block(.paragraph, runs)
    }
}
