/// Recognizes files in formats Tidings does not read yet (exports from Hacker News or Reddit, mailboxes,
/// news articles, feeds, web pages) by their first bytes, so the native importer does not read them as
/// garbage stories whose headers become paragraphs and whose text becomes comments. It runs for every file
/// listed, so it looks at bytes and builds a string only when the first line already looks foreign.
enum ForeignFormat {
    /// What the file looks like, or nil when it may be a native story.
    static func detect(_ prefix: ArraySlice<UInt8>) -> String? {
        var bytes = prefix.drop { isSpace($0) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first else { return nil }
        let lineEnd = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
        let firstLine = bytes[..<lineEnd]
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            // A native title may start with a bracket ("[Update] ..."); JSON has a quote or bracket next.
            let next = bytes.dropFirst().first { !isSpace($0) }
            if let next, [UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(next) {
                return "JSON (an export from a site such as Hacker News or Reddit)"
            }
        case UInt8(ascii: "<"):
            let start = String(decoding: firstLine.prefix(16), as: UTF8.self).lowercased()
            if start.hasPrefix("<?xml") || start.hasPrefix("<rss") || start.hasPrefix("<feed") { return "an XML document or feed" }
            if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") { return "a web page (HTML)" }
        default:
            break
        }
        if firstLine.starts(with: Array("From ".utf8)), isMboxSeparator(firstLine) { return "a mailbox (mbox)" }
        if let key = headerKey(firstLine), isArticle(key: key, bytes: bytes) { return "a mail or news article" }
        if isANewsArticle(bytes, firstLine: firstLine) { return "a news article (A News)" }
        return nil
    }

    /// The key of a `Key: value` line (letters and hyphens before a colon and a space), lower-cased.
    static func headerKey(_ line: ArraySlice<UInt8>) -> String? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
              line.index(after: colon) < line.endIndex, line[line.index(after: colon)] == 0x20,
              line[..<colon].allSatisfy({ isLetter($0) || $0 == UInt8(ascii: "-") }) else { return nil }
        return String(decoding: line[..<colon], as: UTF8.self).lowercased()
    }

    /// Mail and news articles start with header lines such as `Path:`, `Received:`; `From:`, `Subject:` and
    /// `Date:` start one only when header lines follow.
    static func isArticle(key: String, bytes: ArraySlice<UInt8>) -> Bool {
        let articleKeys: Set<String> = ["path", "newsgroups", "message-id", "received", "return-path", "xref", "relay-version",
                                        "delivered-to", "mime-version", "x-mailer", "article-i.d."]
        if articleKeys.contains(key) { return true }
        guard ["from", "subject", "date"].contains(key) else { return false }
        let lines = bytes.prefix(512).split(separator: 0x0A).prefix(4)
        return lines.filter { headerKey($0) != nil }.count >= 3
    }

    /// An A News article: `Asite.number`, then the newsgroup, the path (with `!`), the date and the subject.
    static func isANewsArticle(_ bytes: ArraySlice<UInt8>, firstLine: ArraySlice<UInt8>) -> Bool {
        guard firstLine.first == UInt8(ascii: "A"), !firstLine.contains(0x20), let dot = firstLine.lastIndex(of: UInt8(ascii: ".")),
              firstLine.index(after: dot) < firstLine.endIndex,
              firstLine[firstLine.index(after: dot)...].allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x0D }) else { return false }
        let lines = bytes.prefix(512).split(separator: 0x0A, omittingEmptySubsequences: false)
        return lines.count >= 4 && lines[2].contains(UInt8(ascii: "!"))
    }

    /// `From sender date`: the sender is an address (or a name without spaces) and the date has a time.
    static func isMboxSeparator(_ line: ArraySlice<UInt8>) -> Bool {
        let words = line.split(separator: 0x20)
        guard words.count >= 3 else { return false }
        if words[1].contains(UInt8(ascii: "@")) { return true }
        return words.dropFirst(2).contains { word in
            word.count == 8 && word[word.startIndex + 2] == UInt8(ascii: ":") && word[word.startIndex + 5] == UInt8(ascii: ":")
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
}
