/// The display name and address of a `From:` value: `Name <addr>`, `"Last, First" <addr>`,
/// `addr (Name)`, or a bare address. Only the first of several mailboxes counts.
enum MailAddress {
    static func parse(_ raw: UnsafeBufferPointer<UInt8>) -> (name: String?, address: String?) {
        if let utf8 = RawJapaneseHeader.utf8(raw) { return utf8.withUnsafeBufferPointer { parse($0) } }
        let mailbox = raw[..<firstMailboxEnd(raw)]
        var angle: Int?
        var firstComment: Range<Int>?
        var index = mailbox.startIndex
        while index < mailbox.endIndex {
            let byte = mailbox[index]
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "\"") {
                let end = HeaderSyntax.skipCommentOrQuote(mailbox, at: index)
                if byte == UInt8(ascii: "("), firstComment == nil { firstComment = index..<end }
                index = end
            } else if byte == UInt8(ascii: "<"), angle == nil {
                angle = index
                index += 1
            } else {
                index += 1
            }
        }
        if let angle {
            let close = mailbox[(angle + 1)...].firstIndex(of: UInt8(ascii: ">")) ?? mailbox.endIndex
            var address = mailbox[(angle + 1)..<close]
            // An obsolete source route (`<@relay:user@host>`) goes.
            if address.first == UInt8(ascii: "@"), let colon = address.firstIndex(of: UInt8(ascii: ":")) {
                address = address[(colon + 1)...]
            }
            var name = displayName(phrase: mailbox[..<angle])
            if name == nil, let comment = firstComment, comment.lowerBound > angle { name = commentText(mailbox, comment) }
            return (name, addressText(address))
        }
        // No angle brackets: the address with its comments removed; a comment is the name.
        var bare: [UInt8] = []
        index = mailbox.startIndex
        while index < mailbox.endIndex {
            let byte = mailbox[index]
            if byte == UInt8(ascii: "(") {
                index = HeaderSyntax.skipCommentOrQuote(mailbox, at: index)
                bare.append(0x20)
            } else {
                bare.append(byte)
                index += 1
            }
        }
        let name = firstComment.flatMap { commentText(mailbox, $0) }
        let trimmed = HeaderSyntax.collapsingWhitespace(MailCharsets.utf8OrWindows1252(bare[...]))
        if trimmed.isEmpty { return (name, nil) }
        // Words without an `@` are a name written alone (`From: Joe Bloggs`), not an address.
        if !trimmed.contains("@"), trimmed.contains(" ") || trimmed.contains("\"") || trimmed.contains("=?") {
            return (name ?? displayName(phrase: bare[...]), nil)
        }
        return (name, addressText(bare[...]))
    }

    /// Where the first mailbox ends: at the first comma outside quotes, comments and angle brackets.
    private static func firstMailboxEnd(_ raw: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        var inAngle = false
        while index < raw.count {
            let byte = raw[index]
            if !inAngle, byte == UInt8(ascii: "(") || byte == UInt8(ascii: "\"") {
                index = HeaderSyntax.skipCommentOrQuote(raw, at: index)
                continue
            }
            if byte == UInt8(ascii: "<") { inAngle = true }
            if byte == UInt8(ascii: ">") { inAngle = false }
            if byte == UInt8(ascii: ","), !inAngle { return index }
            index += 1
        }
        return raw.count
    }

    /// A phrase with its quotes removed (escapes undone), encoded words decoded, whitespace collapsed.
    private static func displayName<Bytes: Collection<UInt8>>(phrase: Bytes) -> String? where Bytes.Index == Int {
        var unquoted: [UInt8] = []
        unquoted.reserveCapacity(phrase.count)
        var index = phrase.startIndex
        while index < phrase.endIndex {
            let byte = phrase[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                while index < phrase.endIndex, phrase[index] != UInt8(ascii: "\"") {
                    if phrase[index] == UInt8(ascii: "\\"), index + 1 < phrase.endIndex { index += 1 }
                    unquoted.append(phrase[index])
                    index += 1
                }
                index += 1
            } else {
                unquoted.append(byte)
                index += 1
            }
        }
        let name = HeaderSyntax.text(unquoted)
        return name.isEmpty ? nil : name
    }

    private static func commentText(_ raw: Slice<UnsafeBufferPointer<UInt8>>, _ range: Range<Int>) -> String? {
        let contents = HeaderSyntax.unescapedContents(raw, from: range.lowerBound, to: range.upperBound)
        let name = HeaderSyntax.text(contents)
        return name.isEmpty ? nil : name
    }

    private static func addressText<Bytes: Collection<UInt8>>(_ raw: Bytes) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        for byte in raw where !HeaderBlockScanner.isWhitespace(byte) { out.append(byte) }
        return out.isEmpty ? nil : MailCharsets.utf8OrWindows1252(out[...])
    }
}
