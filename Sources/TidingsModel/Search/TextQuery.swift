/// The words of a query, folded: what has to be found in a story's text, and what must not be.
public struct TextQuery: Sendable, Equatable {
    public var words: [String]
    public var excludedWords: [String]
    /// The same words as bytes to search for, made once.
    public let needles: [SearchNeedle]
    public let excludedNeedles: [SearchNeedle]

    public init(words: [String], excludedWords: [String] = []) {
        self.words = words
        self.excludedWords = excludedWords
        needles = words.map(SearchNeedle.init)
        excludedNeedles = excludedWords.map(SearchNeedle.init)
    }

    public static func == (left: TextQuery, right: TextQuery) -> Bool {
        left.words == right.words && left.excludedWords == right.excludedWords
    }

    public var isEmpty: Bool { words.isEmpty && excludedWords.isEmpty }
}
