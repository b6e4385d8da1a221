import Foundation

/// A query typed on the search line: words and phrases looked for in the stories' text, and filters on what
/// the list already knows of each story. Every part must hold (they are ANDed); `-` before a part negates it.
public struct StoryQuery: Sendable, Equatable {
    /// A filter decided from the list entry alone, with no file read.
    public enum Filter: Sendable, Equatable {
        /// Anything unread: the story or any of its comments.
        case unread
        /// New comments: the story has unread comments, as the list's "12 new" says, opened before or not.
        case new
        /// The story's author (submitter, sender) contains this, compared as search words are.
        case author(String)
        /// Where the story was posted (a feed's title, a subreddit, a newsgroup) contains this, compared
        /// as search words are.
        case category(String)
        /// One of the `format` values of the entries (`tidings`, `hn`, `mail`...).
        case format(Set<String>)
        /// Posted at or after this moment.
        case since(QueryDate)
        /// Posted before this moment.
        case before(QueryDate)
        /// The number of comments compared with a number.
        case comments(Comparison, Int)
    }

    /// A moment given as an age back from now (`2d`) or as a calendar day (`2024-06-01`, local midnight).
    public enum QueryDate: Sendable, Equatable {
        case ago(seconds: Double)
        case day(year: Int, month: Int, day: Int)

        /// The moment meant, given the time now and where the reader is.
        public func moment(now: Date, timeZone: TimeZone) -> Date? {
            switch self {
            case .ago(let seconds): return now.addingTimeInterval(-seconds)
            case .day(let year, let month, let day):
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = timeZone
                return calendar.date(from: DateComponents(year: year, month: month, day: day))
            }
        }
    }

    /// How a count compares with the number given.
    public enum Comparison: String, Sendable, Equatable {
        case more = ">", fewer = "<", atLeast = ">=", atMost = "<=", exactly = "="

        public func holds(_ value: Int, _ number: Int) -> Bool {
            switch self {
            case .more: return value > number
            case .fewer: return value < number
            case .atLeast: return value >= number
            case .atMost: return value <= number
            case .exactly: return value == number
            }
        }
    }

    /// The query as typed, kept for the status line.
    public var text: String
    /// Words and phrases, folded (`SearchFold`), that must all appear in a story.
    public var words: [String] = []
    /// Words and phrases that must appear nowhere in it.
    public var excludedWords: [String] = []
    public var filters: [Filter] = []
    public var excludedFilters: [Filter] = []

    /// Whether finding the stories needs their text read (there are words to look for).
    public var readsText: Bool { !words.isEmpty || !excludedWords.isEmpty }
    public var isEmpty: Bool { !readsText && filters.isEmpty && excludedFilters.isEmpty }
    /// The text words, for matching inside stories (`TextQuery`).
    public var textQuery: TextQuery { TextQuery(words: words, excludedWords: excludedWords) }

    /// The format names of the entries each `format:` value stands for.
    public static let formatNames: [String: Set<String>] = [
        "text": ["tidings"], "tidings": ["tidings"], "native": ["tidings"],
        "hn": ["hn"], "reddit": ["reddit"], "lobsters": ["lobsters"],
        "mail": ["mail"], "news": ["news"], "feed": ["feed"], "rss": ["feed"], "atom": ["feed"],
        "json": ["hn", "reddit", "lobsters"],
    ]

    /// The format a `format:` filter knows a story by: its importer's, except that a thread of news
    /// articles (read by the mail importer; its category is its newsgroups) is `news`, not `mail`.
    public static func formatName(of summary: StorySummary) -> String {
        summary.format == MailThreads.format && summary.header.category != nil ? "news" : summary.format
    }
}
