/// A whole message: envelope, text as blocks, attachments.
public struct MailMessage: Sendable, Equatable {
    public var envelope: MailEnvelope
    public var body: StoryBody
    public var attachments: [Comment.Attachment]
    /// Problems met while decoding that the reader should know (an unknown charset shown with U+FFFD,
    /// invalid base64): short phrases, may be empty. Never thrown.
    public var notes: [String]

    public init(envelope: MailEnvelope, body: StoryBody, attachments: [Comment.Attachment] = [], notes: [String] = []) {
        self.envelope = envelope
        self.body = body
        self.attachments = attachments
        self.notes = notes
    }

    /// Nil when the bytes are not a message (as `MailEnvelope.parse`); otherwise the text chosen from the
    /// MIME tree (plain preferred to HTML), the other parts listed as attachments.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> MailMessage? {
        parse(bytes, depth: 0)
    }

    /// `depth`: how many messages enclose this one (`EnclosedMessage`).
    static func parse(_ bytes: ArraySlice<UInt8>, depth: Int) -> MailMessage? {
        bytes.withUnsafeBufferPointer { buffer -> MailMessage? in
            guard let (envelope, headers, isANews) = EnvelopeReader.read(buffer, collectingMIME: true) else { return nil }
            let tree = MIMETree(buffer, headers: isANews ? MIMEHeaderValues() : headers, bodyStart: envelope.bodyOffset)
            var selection = MIMESelection(buffer: buffer, parts: tree.parts, depth: depth)
            selection.select()
            if envelope.headerCut {
                selection.note("header block longer than 10,000 lines or 1 MiB: the rest is shown as text, its fields not read")
            }
            if tree.tooDeep { selection.note("MIME parts nested more than \(MIMETree.maximumDepth) deep are not opened") }
            if let rest = tree.cutRemainder {
                selection.note("only the first \(MIMETree.maximumParts) MIME parts are read")
                selection.attachments.append(Comment.Attachment(name: "…", type: "multipart/mixed", size: rest.count))
            }
            return MailMessage(envelope: envelope, body: selection.body, attachments: selection.attachments, notes: selection.notes)
        }
    }
}
