/// Recognizes files in formats Tidings does not read yet (exports from Hacker News or Reddit, mailboxes,
/// mail and news articles, XML other than feeds, web pages) by their first bytes, so the native importer does not read them
/// as garbage stories whose headers become paragraphs and whose text becomes comments. It runs for every
/// file listed, so it looks at bytes and builds strings only when the start already looks foreign.
///
/// A native story never looks foreign by accident: its title may read like a header (`Date: a film
/// review`), but mail starts with several header lines that are not the native `Category:`, `Via:`, `By:`,
/// `Id:`; markup starts with a tag; JSON with a bracket and then a quote or another bracket.
enum ForeignFormat {
    /// What the file looks like, or nil when it may be a native story.
    static func detect(_ prefix: ArraySlice<UInt8>) -> String? {
        // UTF-16 and UTF-32 (with a byte-order mark) are decoded first: exports saved by Windows tools often
        // are. What they hold is named with their encoding: an mbox is read, an mbox in UTF-16 is not.
        if let wide = TextDecoding.wideEncoding(prefix), let decoded = TextBytes.normalized(Array(prefix)) {
            return detect(decoded[...]).map { $0 + " in UTF-\(wide.width * 8)" }
        }
        var bytes = prefix
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        bytes = bytes.drop { isSpace($0) }
        guard let first = bytes.first else { return nil }
        let firstLine = bytes[..<(bytes.firstIndex(of: 0x0A) ?? bytes.endIndex)]
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            // A native title may start with a bracket ("[Update] ..."); JSON has a quote or bracket next.
            if looksLikeJSON(bytes) { return "JSON (an export from a site such as Hacker News or Reddit)" }
        case UInt8(ascii: "<"):
            // `<?xml`, `<!--`, `<!DOCTYPE`, or a tag such as `<head>` (a feed's `<rss` or `<feed` is the feed
            // importer's, which claims it with more certainty).
            if let second = bytes.dropFirst().first, second == UInt8(ascii: "?") || second == UInt8(ascii: "!") || isLetter(second),
               firstLine.contains(UInt8(ascii: ">")) || firstLine.endIndex < bytes.endIndex {
                return "an XML or HTML document that is not a feed (a saved web page, say)"
            }
        default:
            break
        }
        // The rest needs a first line like `From ...`, `Key: value` or `Asite.123`: most titles are none of these,
        // and are let go without splitting any lines.
        let maybeMailbox = firstLine.starts(with: Array("From ".utf8))
        let maybeANews = first == UInt8(ascii: "A") && !firstLine.contains(0x20)
        guard maybeMailbox || maybeANews || headerKey(firstLine) != nil else { return nil }
        let lines = firstLines(bytes, count: 6)
        if maybeMailbox, isMailbox(lines) { return "a mailbox (mbox)" }
        if isArticle(lines) { return "a mail or news article" }
        if maybeANews, isANewsArticle(lines) { return "a news article (A News)" }
        return nil
    }

    /// Whether the first bytes are JSON: a bracket, then a quote, a bracket or the end of the value.
    static func looksLikeJSON(_ prefix: ArraySlice<UInt8>) -> Bool {
        var bytes = prefix
        if TextDecoding.wideEncoding(prefix) != nil { return false }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        bytes = bytes.drop { isSpace($0) }
        guard let first = bytes.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
        guard let next = bytes.dropFirst().first(where: { !isSpace($0) }) else { return false }
        return [UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(next)
    }

    /// The first lines, without their line ends (at most `count`, from the first 1 KiB).
    static func firstLines(_ bytes: ArraySlice<UInt8>, count: Int) -> [ArraySlice<UInt8>] {
        Array(bytes.prefix(1024).split(separator: 0x0A, maxSplits: count, omittingEmptySubsequences: false).prefix(count)
            .map { $0.last == 0x0D ? $0.dropLast() : $0 })
    }

    /// The key of a `Key: value` line (letters, digits and hyphens before a colon), lower-cased.
    static func headerKey(_ line: ArraySlice<UInt8>) -> String? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex, colon - line.startIndex <= 40,
              let initial = line.first, isLetter(initial),
              line[..<colon].allSatisfy({ isLetter($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return nil }
        return String(decoding: line[..<colon], as: UTF8.self).lowercased()
    }

    static let nativeKeys: Set<String> = ["category", "via", "by", "id"]

    /// Mail and news start with header lines: at least two at the top that are not native header lines
    /// (a folded line, starting with a space, continues the one before).
    static func isArticle(_ lines: [ArraySlice<UInt8>]) -> Bool {
        var headers = 0
        for line in lines {
            if let key = headerKey(line) {
                if nativeKeys.contains(key) { return false }
                headers += 1
            } else if let first = line.first, first == 0x20 || first == 0x09, headers > 0 {
                continue
            } else {
                break
            }
        }
        return headers >= 2
    }

    /// `From sender date` followed by a header line.
    static func isMailbox(_ lines: [ArraySlice<UInt8>]) -> Bool {
        guard lines.count >= 2, lines[0].starts(with: Array("From ".utf8)), lines[0].split(separator: 0x20).count >= 3,
              let key = headerKey(lines[1]) else { return false }
        return !nativeKeys.contains(key)
    }

    /// An A News article: `Asite.number`, then the newsgroup, the path (with `!`), the date and the subject.
    static func isANewsArticle(_ lines: [ArraySlice<UInt8>]) -> Bool {
        guard lines.count >= 4, let firstLine = lines.first, firstLine.first == UInt8(ascii: "A"), !firstLine.contains(0x20),
              let dot = firstLine.lastIndex(of: UInt8(ascii: ".")), firstLine.index(after: dot) < firstLine.endIndex,
              firstLine[firstLine.index(after: dot)...].allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        return lines[2].contains(UInt8(ascii: "!")) && !lines[2].contains(0x20)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
}
