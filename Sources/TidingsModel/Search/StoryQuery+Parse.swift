/// Reading a typed query: words, `"exact phrases"`, `-` to negate, and the filters `unread`, `new`,
/// `author:NAME`, `in:NAME` (the category: a feed, a subreddit, a list), `format:KIND`, `since:AGE|DATE`,
/// `before:AGE|DATE`, `comments:>N` (docs/DECISIONS.md §34).
/// A word that only looks like a filter (`"unread"` in quotes, `re:` or `http:` with an unknown name) is a word.
extension StoryQuery {
    /// Why a query cannot be used, in words for the status line.
    public struct Problem: Error, Equatable, Sendable {
        public var message: String
    }

    public static func parse(_ text: String) throws(Problem) -> StoryQuery {
        var query = StoryQuery(text: text)
        for token in tokens(text) {
            if token.quoted {
                let word = SearchFold.string(token.text)
                guard !word.isEmpty else { continue }
                if token.negated { query.excludedWords.append(word) } else { query.words.append(word) }
                continue
            }
            if let filter = try filter(token.text) {
                if token.negated { query.excludedFilters.append(filter) } else { query.filters.append(filter) }
                continue
            }
            let word = SearchFold.string(token.text)
            if token.negated { query.excludedWords.append(word) } else { query.words.append(word) }
        }
        return query
    }

    private struct Token {
        var text: String
        var quoted: Bool
        var negated: Bool
    }

    /// Splits at spaces, keeping quoted phrases whole (a missing closing quote ends at the end); a lone `-`
    /// is nothing.
    private static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        var characters = Substring(text)
        while let first = characters.first {
            if first.isWhitespace { characters.removeFirst(); continue }
            var negated = false
            if first == "-", characters.count > 1, let next = characters.dropFirst().first, !next.isWhitespace {
                negated = true
                characters.removeFirst()
            }
            if characters.first == "\"" {
                characters.removeFirst()
                let phrase = characters.prefix { $0 != "\"" }
                characters = characters.dropFirst(phrase.count).dropFirst()
                result.append(Token(text: String(phrase), quoted: true, negated: negated))
                continue
            }
            var word = ""
            // `author:"Ada Lovelace"`: a quoted value after a filter name stays with it.
            while let character = characters.first, !character.isWhitespace {
                characters.removeFirst()
                if character == "\"", word.hasSuffix(":") {
                    let value = characters.prefix { $0 != "\"" }
                    characters = characters.dropFirst(value.count).dropFirst()
                    word += String(value)
                    break
                }
                word.append(character)
            }
            if word == "-" { continue }
            result.append(Token(text: word, quoted: false, negated: negated))
        }
        return result
    }

    /// The filter a word names, nil when it is a plain word.
    private static func filter(_ word: String) throws(Problem) -> Filter? {
        let lower = word.lowercased()
        if lower == "unread" { return .unread }
        if lower == "new" { return .new }
        guard let colon = lower.firstIndex(of: ":") else { return nil }
        let name = String(lower[..<colon])
        let value = String(word[word.index(after: colon)...])
        switch name {
        case "author", "from", "by":
            guard !value.isEmpty else { throw Problem(message: "\(name): needs a name, as in \(name):ada") }
            return .author(SearchFold.string(value))
        case "in", "category":
            guard !value.isEmpty else { throw Problem(message: "\(name): needs a feed, subreddit or newsgroup, as in \(name):rust") }
            return .category(SearchFold.string(value))
        case "format":
            var kinds = Set<String>()
            for part in value.lowercased().split(separator: ",") {
                guard let names = formatNames[String(part)] else {
                    throw Problem(message: "format: is one of text, hn, reddit, lobsters, json, mail, news, feed")
                }
                kinds.formUnion(names)
            }
            guard !kinds.isEmpty else { throw Problem(message: "format: is one of text, hn, reddit, lobsters, json, mail, news, feed") }
            return .format(kinds)
        case "since", "after", "before":
            guard let date = queryDate(value.lowercased()) else {
                throw Problem(message: "\(name): takes an age (2d, 12h, 3w, 6m, 1y) or a day (2024-06-01)")
            }
            return name == "before" ? .before(date) : .since(date)
        case "comments":
            guard let (comparison, number) = comparison(value) else {
                throw Problem(message: "comments: takes a number with >, <, >=, <= or =, as in comments:>100")
            }
            return .comments(comparison, number)
        default:
            return nil
        }
    }

    /// `2d`, `12h`, `3w`, `6m` (months of 30 days), `1y`, or `2024-06-01`.
    private static func queryDate(_ value: String) -> QueryDate? {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
           parts[0].count == 4, (1...12).contains(month), (1...CivilTime.daysIn(month: month, year: year)).contains(day) {
            return .day(year: year, month: month, day: day)
        }
        guard let unit = value.last, let number = Int(value.dropLast()), number >= 0, number <= 100_000 else { return nil }
        let hour = 3600.0
        let seconds: Double
        switch unit {
        case "h": seconds = hour
        case "d": seconds = 24 * hour
        case "w": seconds = 7 * 24 * hour
        case "m": seconds = 30 * 24 * hour
        case "y": seconds = 365 * 24 * hour
        default: return nil
        }
        return .ago(seconds: Double(number) * seconds)
    }

    private static func comparison(_ value: String) -> (Comparison, Int)? {
        for comparison in [Comparison.atLeast, .atMost, .more, .fewer, .exactly] where value.hasPrefix(comparison.rawValue) {
            guard let number = Int(value.dropFirst(comparison.rawValue.count)), number >= 0 else { return nil }
            return (comparison, number)
        }
        guard let number = Int(value), number >= 0 else { return nil }
        return (.exactly, number)
    }
}
