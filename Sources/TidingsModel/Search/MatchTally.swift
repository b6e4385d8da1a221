/// Counts what a query finds while a story is read field by field: which words were seen anywhere, whether
/// an excluded word was, and which comments hold every word. The parsed story (`TextQuery.match`) and the
/// raw scan of a native file (`NativeScan.search`) both feed it, so both decide alike.
struct MatchTally {
    private let needles: [SearchNeedle]
    private let excludedNeedles: [SearchNeedle]
    private var found: [Bool]
    private var excluded = false
    private(set) var matchingComments: [Int] = []
    private var commentCount = 0

    init(_ query: TextQuery) {
        needles = query.needles
        excludedNeedles = query.excludedNeedles
        found = Array(repeating: false, count: query.needles.count)
    }

    /// A part of the story itself (title, author, a paragraph): `occurs` says whether a word is in it.
    mutating func storyField(_ occurs: (SearchNeedle) -> Bool) {
        for index in needles.indices where !found[index] && occurs(needles[index]) { found[index] = true }
        if !excluded, excludedNeedles.contains(where: occurs) { excluded = true }
    }

    /// The next comment, all its parts together (author, subject, text); `counted` is false for a placeholder,
    /// which no word can make a match.
    mutating func comment(counted: Bool = true, _ occurs: (SearchNeedle) -> Bool) {
        defer { commentCount += 1 }
        guard counted else { return }
        var all = !needles.isEmpty
        for index in needles.indices {
            if occurs(needles[index]) { found[index] = true } else { all = false }
        }
        if !excluded, excludedNeedles.contains(where: occurs) { excluded = true }
        if all { matchingComments.append(commentCount) }
    }

    var result: StoryMatch {
        StoryMatch(matches: !excluded && !found.contains(false), comments: matchingComments)
    }
}

/// What a query found in one story: whether the story matches, and which of its comments (by index) hold
/// every word.
public struct StoryMatch: Sendable, Equatable {
    public var matches: Bool
    public var comments: [Int]

    public init(matches: Bool, comments: [Int]) {
        self.matches = matches
        self.comments = comments
    }
}
