/// A-news articles (Usenet before 1983): five positional lines, `A<id>`, newsgroups, path, date, title,
/// then the body; no `Name:` fields at all.
enum ANewsArticle {
    /// The envelope of the article starting at `start`, or nil when the lines do not have the shape:
    /// `A` and an id without spaces or colons, then newsgroups and a path that are single words.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> MailEnvelope? {
        guard let lines = fiveLines(buffer, from: start) else { return nil }
        var envelope = MailEnvelope()
        let id = buffer[(lines[0].lowerBound + 1)..<lines[0].upperBound]
        envelope.messageID = MessageIDs.normalise(bytes: id)
        envelope.newsgroups = EnvelopeReader.newsgroups(buffer[lines[1]])
        let path = buffer[lines[2]]
        let lastHop = path.lastIndex(of: UInt8(ascii: "!")).map { path[($0 + 1)...] } ?? path[...]
        envelope.fromName = lastHop.isEmpty ? nil : MailCharsets.utf8OrWindows1252(ArraySlice(lastHop))
        envelope.date = MailDates.parse(bytes: buffer[lines[3]])
        envelope.subject = HeaderSyntax.text(UnsafeBufferPointer(rebasing: buffer[lines[4]]))
        envelope.bodyOffset = lines[5].lowerBound
        return envelope
    }

    /// Whether the bytes have the A-news shape (the sniffer is stricter than parse): a date that reads, or,
    /// when it does not (`Thu Feb 30`), an id `Asite.123` and a path through sites (`utzoo!evil`), the shape
    /// the list of formats not read takes for A News, which this reader reads.
    static func looksLikeArticle(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let lines = fiveLines(buffer, from: 0) else { return false }
        if MailDates.parse(bytes: buffer[lines[3]]) != nil { return true }
        let id = buffer[lines[0]]
        guard let dot = id.lastIndex(of: UInt8(ascii: ".")), dot + 1 < id.endIndex,
              id[(dot + 1)...].allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        return buffer[lines[2]].contains(UInt8(ascii: "!"))
    }

    /// The five header lines (without their line breaks) and, last, where the body starts (empty range).
    private static func fiveLines(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> [Range<Int>]? {
        var lines: [Range<Int>] = []
        var position = start
        while lines.count < 5 {
            guard position < buffer.count else { return nil }
            let lineEnd = HeaderBlockScanner.lineEnd(buffer, from: position, to: buffer.count)
            let contentEnd = lineEnd > position && buffer[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
            lines.append(position..<contentEnd)
            if lines.count < 5, lineEnd == buffer.count { return nil }
            position = lineEnd < buffer.count ? lineEnd + 1 : buffer.count
        }
        lines.append(position..<position)
        let first = buffer[lines[0]]
        guard first.count >= 2, first.first == UInt8(ascii: "A"),
              !first.contains(where: { $0 <= 0x20 || $0 == UInt8(ascii: ":") || $0 >= 0x7F }),
              isWord(buffer[lines[1]]), isWord(buffer[lines[2]]) else { return nil }
        return lines
    }

    /// One word: no space in it. Other control characters are the screen's to neutralise, not a reason to
    /// take the article for something else.
    private static func isWord(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        !bytes.isEmpty && !bytes.contains { $0 == 0x20 || $0 == 0x09 }
    }
}
