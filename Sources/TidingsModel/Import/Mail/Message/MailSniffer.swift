/// Whether the first bytes of a file look like a single RFC 5322 message or news article, or like an mbox
/// (for the importer's claim).
public enum MailSniffer {
    /// The first line is a header field among a known set (From, Received, Return-Path, Message-ID, Date,
    /// Subject, Path, Newsgroups, Delivered-To, X-*, MIME-Version, ...), more header lines follow, and the
    /// block contains at least one of From/Message-ID/Subject/Newsgroups/Date. Also true for the A-news
    /// shape. False for an mbox (a `From ` line first): that is `looksLikeMbox`. `prefix` is at most 4 KB.
    public static func looksLikeMessage(_ prefix: ArraySlice<UInt8>) -> Bool {
        prefix.withUnsafeBufferPointer { buffer in
            let start = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
            if headerBlockLooksLikeMessage(buffer, from: start) { return true }
            return ANewsArticle.looksLikeArticle(buffer)
        }
    }

    /// An mbox: starts with `From ` (a separator line: `From ` + sender + date-ish), then a header block.
    /// Blank lines before it are passed over (archives joined with `cat` after an editor left one). A first
    /// line of `From ` and a sender only (a hand-made or exported archive without dates) makes an mbox too
    /// when a message's header block follows it.
    public static func looksLikeMbox(_ prefix: ArraySlice<UInt8>) -> Bool {
        prefix.withUnsafeBufferPointer { buffer in
            let start = firstLineAfterBlanks(buffer)
            let lineEnd = HeaderBlockScanner.lineEnd(buffer, from: start, to: buffer.count)
            guard lineEnd < buffer.count, startsWithFrom(buffer, at: start, to: lineEnd) else { return false }
            let next = lineEnd + 1
            guard MboxSeparator.isSeparator(buffer, lineStart: start, lineEnd: lineEnd) else {
                return headerBlockLooksLikeMessage(buffer, from: next)
            }
            let nextEnd = HeaderBlockScanner.lineEnd(buffer, from: next, to: buffer.count)
            return HeaderBlockScanner.nameEnd(buffer, from: next, to: nextEnd) != nil
        }
    }

    /// Where the first line that is not blank starts (empty lines, CRLF or LF, passed over).
    static func firstLineAfterBlanks(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index < buffer.count {
            if buffer[index] == 0x0A {
                index += 1
            } else if buffer[index] == 0x0D, index + 1 < buffer.count, buffer[index + 1] == 0x0A {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    /// `From ` and something after it.
    static func startsWithFrom(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int, to end: Int) -> Bool {
        end - start > 5 && HeaderBlockScanner.startsWithFrom(buffer, at: start, to: end)
    }

    private static func headerBlockLooksLikeMessage(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        let firstEnd = HeaderBlockScanner.lineEnd(buffer, from: start, to: buffer.count)
        guard let colon = HeaderBlockScanner.nameEnd(buffer, from: start, to: firstEnd),
              isKnownFirstField(buffer, from: start, to: colon) else { return false }
        var scanner = HeaderBlockScanner(buffer, from: start, to: buffer.count)
        var fields = 0
        var hasIdentifying = false
        while let field = scanner.next() {
            fields += 1
            switch MailHeaderName.identify(buffer, from: field.nameStart, to: field.nameEnd) {
            case .from, .messageID, .subject, .newsgroups, .date: hasIdentifying = true
            default: break
            }
            if fields >= 2 && hasIdentifying { return true }
        }
        return false
    }

    /// Names a message file starts with (mail clients, delivery agents and news servers write these first).
    private static let firstFields: Set<String> = [
        "from", "received", "return-path", "message-id", "date", "subject", "path", "newsgroups", "delivered-to",
        "mime-version", "to", "reply-to", "xref", "relay-version", "posting-version", "article-i.d.", "sender",
        "cc", "in-reply-to", "references", "content-type", "envelope-to", "authentication-results",
        "dkim-signature", "domainkey-signature", "received-spf", "organization", "lines", "approved", "status",
        "user-agent", "thread-topic", "thread-index", "precedence", "list-id", "mailing-list", "followup-to",
        "distribution", "nntp-posting-host", "resent-from", "resent-date", "resent-message-id", "return-receipt-to",
        "errors-to", "apparently-to", "title", "article", "old-date", "keywords", "summary",
    ]

    private static func isKnownFirstField(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let count = end - start
        guard count >= 2, count <= 40 else { return false }
        var name = [UInt8](buffer[start..<end])
        for index in name.indices where name[index] >= 0x41 && name[index] <= 0x5A { name[index] |= 0x20 }
        if name[0] == UInt8(ascii: "x"), name[1] == UInt8(ascii: "-") { return true }
        if name.starts(with: Array("arc-".utf8)) || name.starts(with: Array("list-".utf8)) { return true }
        return firstFields.contains(String(decoding: name, as: UTF8.self))
    }
}
