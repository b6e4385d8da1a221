import TidingsModel

/// The query the story list is narrowed by (`/` in the list, `F`): its filters, decided from the list
/// entries at once, and, when it has words, what the background search found so far.
struct ActiveQuery: Sendable {
    var query: StoryQuery
    let filter: EntryFilter
    /// Whether the filter looks at read marks (a lookup by id per story), worked out once.
    let needsReadMark: Bool
    /// The words, for marking and stepping through the matching comments of the open story.
    var words: TextQuery
    /// Which search the results belong to: one started later makes earlier results stale.
    var generation: Int
    /// Per entry, how many of its comments hold every word; -1 while it is not (or not yet) a match.
    /// Empty when the query has no words (nothing is searched).
    var found: [Int32] = []
    var hits = 0
    var searching = false
    var searched = 0
    var total = 0
    var unreadable = 0
    /// Until a key moves it, the selection goes to the first match as matches arrive (the story selected
    /// before the search, should it match, is kept).
    var selectionFollowsFirstHit = false
    var storyBefore: Int

    /// Whether an entry passes: its filters, and for a query with words, found by the search.
    func admits(_ index: Int, entry: StoryEntry, storyRead: () -> Bool) -> Bool {
        if query.readsText, found.indices.contains(index) ? found[index] < 0 : true { return false }
        if filter.isEmpty { return true }
        return filter.admits(entry, storyRead: needsReadMark && storyRead())
    }

    /// The matching comments of an entry, when the search found it.
    func matchingComments(_ index: Int) -> Int? {
        guard query.readsText, found.indices.contains(index), found[index] >= 0 else { return nil }
        return Int(found[index])
    }
}
