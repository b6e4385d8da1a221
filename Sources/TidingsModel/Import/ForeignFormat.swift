/// Recognizes files in formats Tidings does not read yet (exports from Hacker News or Reddit, mailboxes,
/// news articles, feeds, web pages) by their first bytes, so the native importer does not read them as
/// garbage stories whose headers become paragraphs and whose text becomes comments.
enum ForeignFormat {
    /// What the file looks like, or nil when it may be a native story.
    static func detect(_ prefix: ArraySlice<UInt8>) -> String? {
        var bytes = prefix.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first else { return nil }
        let head = String(decoding: bytes.prefix(256), as: UTF8.self)
        let firstLine = head.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? head
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            // A native title may start with a bracket ("[Update] ..."); JSON has a quote or bracket next.
            let rest = bytes.dropFirst().drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            if let next = rest.first, [UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(next) {
                return "JSON (an export from a site such as Hacker News or Reddit)"
            }
        }
        let lower = firstLine.lowercased()
        if lower.hasPrefix("<?xml") || lower.hasPrefix("<rss") || lower.hasPrefix("<feed") { return "an XML document or feed" }
        if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") { return "a web page (HTML)" }
        if firstLine.hasPrefix("From "), firstLine.contains("@") || firstLine.split(separator: " ").count >= 3 {
            return "a mailbox (mbox)"
        }
        // Mail and news articles start with header lines such as `Path:`, `From:`, `Received:`.
        let articleHeaders = ["path:", "newsgroups:", "message-id:", "received:", "return-path:", "xref:", "relay-version:",
                              "delivered-to:", "mime-version:", "x-mailer:", "article-i.d.:"]
        if articleHeaders.contains(where: { lower.hasPrefix($0) }) { return "a mail or news article" }
        // An A News article: `Asite.number`, then the newsgroup, the path, the date and the subject.
        let lines = head.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count >= 4, firstLine.hasPrefix("A"), let dot = firstLine.lastIndex(of: "."),
           !firstLine[firstLine.index(after: dot)...].isEmpty, firstLine[firstLine.index(after: dot)...].allSatisfy(\.isNumber),
           !firstLine.contains(" "), lines[2].contains("!") {
            return "a news article (A News)"
        }
        if lower.hasPrefix("from:") || lower.hasPrefix("subject:") || lower.hasPrefix("date:") {
            let headerLines = head.split(separator: "\n").prefix(4).filter { line in
                guard let colon = line.firstIndex(of: ":") else { return false }
                return !line[..<colon].isEmpty && line[..<colon].allSatisfy { $0.isLetter || $0 == "-" }
            }
            if headerLines.count >= 3 { return "a mail or news article" }
        }
        return nil
    }
}
