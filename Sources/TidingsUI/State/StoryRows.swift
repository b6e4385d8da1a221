/// The story list as shown: which entry each row shows, and which row shows an entry.
///
/// `AppState.entries` stay in load order, and everything keyed by a story's place (the selection, the story
/// being parsed, parsed stories, `Effect.loadStory`) uses that entry index. Rows are only what the list
/// draws: list moves, `End`, clicks, the title's "n/N" and the order `n` and `N` walk go from rows to
/// entries through here. A filter (hide read today, a search later) decides which entries are rows; a sort
/// decides their order, given to each call as `order` (nil: load order), a strict total order on entries.
struct StoryRows: Sendable {
    /// Whether one entry's row comes before another's.
    typealias Order = (Int, Int) -> Bool

    /// The entry of each row; nil while every entry is a row in load order, which needs no array.
    private var listed: [Int]?
    /// The row of each entry, -1 for one not listed; kept only alongside `listed`.
    private var rowOfEntry: [Int] = []
    /// How many entries there are, listed or not.
    private(set) var entryCount = 0

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

    /// Only the entries `keep` accepts, in `order`.
    mutating func list(entryCount: Int, where keep: (Int) -> Bool, order: Order? = nil) {
        self.entryCount = entryCount
        var entries = (0..<entryCount).filter(keep)
        if let order { entries.sort(by: order) }
        listed = entries
        rowOfEntry = Array(repeating: -1, count: entryCount)
        reindex(from: 0)
    }

    /// Only the entries `keep` accepts, in the order given (every entry once: a sort worked out already).
    mutating func list(entryCount: Int, inOrder sorted: [Int], where keep: (Int) -> Bool) {
        self.entryCount = entryCount
        listed = sorted.filter(keep)
        rowOfEntry = Array(repeating: -1, count: entryCount)
        reindex(from: 0)
    }

    /// Entries added at the end of the load order. In load order those `keep` accepts become rows after the
    /// rows there are, so nothing already on screen moves; in another order each goes to its place (found
    /// by binary search, so a batch costs its size times log of the list, plus one pass to merge).
    mutating func add(upTo newCount: Int, where keep: (Int) -> Bool, order: Order? = nil) {
        let oldCount = entryCount
        entryCount = max(oldCount, newCount)
        guard listed != nil || order != nil, entryCount > oldCount else { return }
        if listed == nil {
            // Sorting starts with no array yet: every earlier entry is a row, in load order.
            listed = Array(0..<oldCount)
            rowOfEntry = Array(0..<oldCount)
        }
        rowOfEntry += repeatElement(-1, count: entryCount - oldCount)
        let added = (oldCount..<entryCount).filter(keep)
        guard let order else {
            let first = listed!.count
            listed! += added
            reindex(from: first)
            return
        }
        merge(added, order: order)
    }

    /// Puts entries not listed yet into the rows, each at its place in `order`: the batch sorted, each place
    /// found by binary search, then one pass to merge.
    private mutating func merge(_ entries: [Int], order: Order?) {
        guard !entries.isEmpty, listed != nil else { return }
        let added = entries.sorted(by: order ?? { $0 < $1 })
        let places = added.map { place(of: $0, order: order) }
        var merged: [Int] = []
        merged.reserveCapacity(listed!.count + added.count)
        var next = 0
        for (row, entry) in listed!.enumerated() {
            // `<=`: should places come out of order (see `place`), each still lands once.
            while next < added.count, places[next] <= row {
                merged.append(added[next])
                next += 1
            }
            merged.append(entry)
        }
        merged += added[next...]
        listed = merged
        reindex(from: places.min()!)
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

    /// Stops listing every entry `leaves` accepts, in one pass (stories gone from the disk).
    mutating func remove(where leaves: (Int) -> Bool) {
        if listed == nil {
            listed = Array(0..<entryCount)
            rowOfEntry = Array(0..<entryCount)
        }
        let first = listed!.firstIndex(where: leaves) ?? listed!.count
        guard first < listed!.count else { return }
        var kept: [Int] = []
        for entry in listed![first...] {
            if leaves(entry) { rowOfEntry[entry] = -1 } else { kept.append(entry) }
        }
        listed!.replaceSubrange(first..., with: kept)
        reindex(from: first)
    }

    /// Lists an entry the filter leaves out (it is being selected), in its place in `order`.
    mutating func insert(entry: Int, order: Order? = nil) {
        guard listed != nil, entry >= 0, entry < entryCount, row(ofEntry: entry) == nil else { return }
        let row = place(of: entry, order: order)
        listed!.insert(entry, at: row)
        reindex(from: row)
    }

    /// Lists several entries at once, each in its place in `order` (search results as they arrive): one
    /// merge, not one array insertion per entry.
    mutating func insert(entries newEntries: [Int], order: Order? = nil) {
        guard !newEntries.isEmpty else { return }
        if listed == nil {
            listed = Array(0..<entryCount)
            rowOfEntry = Array(0..<entryCount)
        }
        merge(Array(Set(newEntries.filter { $0 >= 0 && $0 < entryCount && rowOfEntry[$0] < 0 })), order: order)
    }

    /// The first row whose entry comes after `entry`: where it goes. Rows whose order changed since they
    /// were placed (unread counts move as the user reads) only make the place less exact, never invalid.
    private func place(of entry: Int, order: Order?) -> Int {
        guard let listed else { return entry }
        let before = order ?? { $0 < $1 }
        var low = 0
        var high = listed.count
        while low < high {
            let middle = (low + high) / 2
            if before(listed[middle], entry) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func reindex(from row: Int) {
        guard let listed else { return }
        for index in row..<listed.count { rowOfEntry[listed[index]] = index }
    }
}
