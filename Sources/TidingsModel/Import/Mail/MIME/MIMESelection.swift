/// Chooses what of a MIME tree is the text and what is attached, without recursion: multipart/alternative
/// shows its plain text, else its HTML, else its first part; other multiparts show their first text part,
/// append further plain text without a file name, text parts marked `inline` (a patch, a named file) and
/// enclosed messages not marked `attachment` (`EnclosedMessage`), and list everything else as attachments.
struct MIMESelection {
    let buffer: UnsafeBufferPointer<UInt8>
    let parts: [MIMEPart]
    private(set) var body = StoryBody(blocks: [])
    var attachments: [Comment.Attachment] = []
    private(set) var notes: [String] = []
    private var hasBody = false
    /// How many messages enclose this one: an enclosed message deeper than `EnclosedMessage.maximumDepth`
    /// is listed, not opened.
    private let depth: Int

    /// What text a part would show: its own kind for a leaf, its chosen text for a multipart.
    private enum TextKind { case none, plain, html }

    init(buffer: UnsafeBufferPointer<UInt8>, parts: [MIMEPart], depth: Int = 0) {
        self.buffer = buffer
        self.parts = parts
        self.depth = depth
    }

    mutating func note(_ text: String) {
        if !notes.contains(text) { notes.append(text) }
    }

    mutating func select() {
        let kinds = textKinds()
        var stack = [0]
        while let index = stack.popLast() {
            let part = parts[index]
            if part.isSplit {
                if part.type == "multipart/alternative" {
                    let children = part.children
                    if let chosen = children.first(where: { kinds[$0] == .plain }) ?? children.first(where: { kinds[$0] == .html })
                        ?? children.first {
                        stack.append(chosen)
                    }
                } else {
                    stack.append(contentsOf: part.children.reversed())
                }
            } else {
                take(part)
            }
        }
    }

    /// Each part's text kind, children before parents (they come after them in the list).
    private func textKinds() -> [TextKind] {
        var kinds = [TextKind](repeating: .none, count: parts.count)
        for index in parts.indices.reversed() {
            let part = parts[index]
            if part.isSplit {
                let children = part.children.map { kinds[$0] }
                if part.type == "multipart/alternative" {
                    kinds[index] = children.contains(.plain) ? .plain : children.contains(.html) ? .html : children.first ?? .none
                } else {
                    kinds[index] = children.first { $0 != .none } ?? .none
                }
            } else if !part.isAttachment && !part.isTooDeep {
                kinds[index] = Self.isPlain(part) ? .plain : part.type == "text/html" ? .html : .none
            }
        }
        return kinds
    }

    /// Plain text, or a multipart that could not be split (no boundary): shown as plain text.
    private static func isPlain(_ part: MIMEPart) -> Bool {
        part.type == "text/plain" || (part.isMultipart && !part.isTooDeep)
    }

    private mutating func take(_ part: MIMEPart) {
        if part.isTooDeep {
            attachments.append(Comment.Attachment(name: "…", type: part.type, size: part.body.count))
            return
        }
        let isText = Self.isPlain(part) || part.type == "text/html"
        if isText, !part.isAttachment, !hasBody {
            // Appended: an inline patch or an enclosed message may have come first.
            body.append(text(of: part))
            hasBody = true
            return
        }
        if isText, Self.isPlain(part), !part.isAttachment, part.fileName == nil {
            // A list's footer part: its addresses numbered after the text's.
            body.append(text(of: part))
            return
        }
        if part.disposition == "inline", part.type.hasPrefix("text/") {
            body.blocks.append(InlineText.heading(name: part.fileName, type: part.type))
            body.append(InlineText.isVerbatim(part) ? InlineText.verbatim(decodedText(of: part)) : text(of: part))
            return
        }
        let (bytes, problem) = part.encoding.decode(ArraySlice(buffer[part.body]))
        if let problem { note(problem) }
        if part.type == "message/rfc822", !part.isAttachment {
            if depth < EnclosedMessage.maximumDepth, let enclosed = EnclosedMessage.open(bytes[...], depth: depth + 1) {
                body.append(enclosed.body)
                attachments += enclosed.attachments
                for text in enclosed.notes { note(text) }
                return
            }
            if depth >= EnclosedMessage.maximumDepth {
                note("messages enclosed more than \(EnclosedMessage.maximumDepth) deep are listed, not opened")
            }
        }
        var name = part.fileName
        if part.type == "message/rfc822", let subject = MailEnvelope.parse(bytes[...])?.subject, !subject.isEmpty {
            name = subject
        }
        attachments.append(Comment.Attachment(name: name, type: part.type, size: bytes.count))
    }

    /// A text part's characters: transfer-decoded and charset-decoded.
    private mutating func decodedText(of part: MIMEPart) -> String {
        let (bytes, problem) = part.encoding.decode(ArraySlice(buffer[part.body]))
        if let problem { note(problem) }
        let (decoded, charsetProblem) = MailCharsets.decode(bytes[...], charset: part.contentType.lowercased("charset"))
        if let charsetProblem { note(charsetProblem) }
        return decoded
    }

    /// The blocks of a text part: transfer-decoded, charset-decoded, unflowed, then as mail text or HTML.
    private mutating func text(of part: MIMEPart) -> StoryBody {
        var decoded = decodedText(of: part)
        if part.type != "text/html", let unwrapped = InlinePGP.unwrapped(decoded) {
            decoded = unwrapped
            note(InlinePGP.note)
        }
        if part.type == "text/html" { return HTMLSignature.marked(HTMLText.body(decoded, relativeLinks: false)) }
        if part.contentType.lowercased("format") == "flowed" {
            return MailText.body(flowed: decoded, delSp: part.contentType.lowercased("delsp") == "yes")
        }
        return MailText.body(decoded)
    }
}
