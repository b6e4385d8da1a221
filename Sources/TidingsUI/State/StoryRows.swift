/// The story list as shown: which entry each row shows, and which row shows an entry.
///
/// `AppState.entries` stay in load order, and everything keyed by a story's place (the selection, the story
/// being parsed, parsed stories, `Effect.loadStory`) uses that entry index. Rows are only what the list
/// draws: list moves, `End`, clicks, the title's "n/N" and the order `n` and `N` walk go from rows to
/// entries through here. A filter (hide read today, a search later) decides which entries are rows; a sort
/// would decide their order and give `insert(entry:)` its comparison.
struct StoryRows: Sendable {
    /// The entry of each row; nil while every entry is a row in load order, which needs no array.
    private var listed: [Int]?
    /// The row of each entry, -1 for one not listed; kept only alongside `listed`.
    private var rowOfEntry: [Int] = []
    /// How many entries there are, listed or not.
    private(set) var entryCount = 0

    /// Whether some entries are left out.
    var isFiltered: Bool { listed != nil }
    var count: Int { listed?.count ?? entryCount }
    var isEmpty: Bool { count == 0 }
    /// Entries left out of the list.
    var hiddenCount: Int { entryCount - count }

    func entry(atRow row: Int) -> Int { listed?[row] ?? row }

    /// The row showing an entry; nil when it is not listed.
    func row(ofEntry entry: Int) -> Int? {
        guard entry >= 0, entry < entryCount else { return nil }
        guard listed != nil else { return entry }
        let row = rowOfEntry[entry]
        return row < 0 ? nil : row
    }

    /// Every entry, in load order.
    mutating func listAll(entryCount: Int) {
        self.entryCount = entryCount
        listed = nil
        rowOfEntry = []
    }

    /// Only the entries `keep` accepts, in load order.
    mutating func list(entryCount: Int, where keep: (Int) -> Bool) {
        self.entryCount = entryCount
        listed = (0..<entryCount).filter(keep)
        rowOfEntry = Array(repeating: -1, count: entryCount)
        reindex(from: 0)
    }

    /// Entries added at the end of the load order: those `keep` accepts become rows after the rows there
    /// are, so nothing already on screen moves.
    mutating func add(upTo newCount: Int, where keep: (Int) -> Bool) {
        let oldCount = entryCount
        entryCount = max(oldCount, newCount)
        guard listed != nil, entryCount > oldCount else { return }
        let first = listed!.count
        listed! += (oldCount..<entryCount).filter(keep)
        rowOfEntry += repeatElement(-1, count: entryCount - oldCount)
        reindex(from: first)
    }

    /// The entries from `start` on are gone (the loader replaces its provisional entries).
    mutating func removeEntries(from start: Int) {
        guard start < entryCount else { return }
        entryCount = max(0, start)
        guard listed != nil else { return }
        let first = listed!.firstIndex { $0 >= start } ?? listed!.count
        listed!.removeAll { $0 >= start }
        rowOfEntry.removeSubrange(entryCount...)
        reindex(from: first)
    }

    /// Stops listing one entry (the selection moved off a story the filter leaves out).
    mutating func remove(entry: Int) {
        guard listed != nil, let row = row(ofEntry: entry) else { return }
        listed!.remove(at: row)
        rowOfEntry[entry] = -1
        reindex(from: row)
    }

    /// Lists an entry the filter leaves out (it is being selected), in its place in load order.
    mutating func insert(entry: Int) {
        guard listed != nil, entry >= 0, entry < entryCount, row(ofEntry: entry) == nil else { return }
        // Rows are in load order: the first row of a later entry is where it goes.
        var low = 0
        var high = listed!.count
        while low < high {
            let middle = (low + high) / 2
            if listed![middle] < entry { low = middle + 1 } else { high = middle }
        }
        listed!.insert(entry, at: low)
        reindex(from: low)
    }

    private mutating func reindex(from row: Int) {
        guard let listed else { return }
        for index in row..<listed.count { rowOfEntry[listed[index]] = index }
    }
}
