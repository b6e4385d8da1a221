import TidingsModel

/// Files read together once every file is seen (a feed with replies and its comment feed, news articles
/// one per file, a Maildir) come last from the loader (`ParallelLoad.Batch.lateCount`). Their stories take
/// the places the folder's walk gives their files among the stories listed before them (`loadRanks`), so
/// load order stays the order of paths that `s` says it is.
extension AppState {
    /// Gives the last `lateCount` of `arriving` (not appended yet) their places among the entries and the
    /// rest of `arriving`, each between the ranks of the stories around it; those that belong after every
    /// other story keep their place at the end.
    mutating func placeLateStories(of arriving: [StoryEntry], lateCount: Int) {
        guard lateCount > 0, lateCount <= arriving.count else { return }
        let firstLate = arriving.count - lateCount
        // The stories listed in time, in load order: their ranks, and the paths they were read from.
        var settled = entries.indices.map { (rank: loadRank(of: $0), path: entries[$0].summary.path) }
        settled += (0..<firstLate).map { (rank: Double(entries.count + $0), path: arriving[$0].summary.path) }
        if !loadRanks.isEmpty { settled.sort { $0.rank < $1.rank } }
        guard let last = settled.last else { return }
        // Each late story's gap: how many settled stories come before it in the walk.
        var gaps: [Int: [Int]] = [:]
        for offset in firstLate..<arriving.count {
            let path = arriving[offset].summary.path
            // In the usual case every late story belongs after every settled one: no search.
            if NameOrder.listedBefore(last.path, path) { continue }
            var low = 0
            var high = settled.count
            while low < high {
                let middle = (low + high) / 2
                if NameOrder.listedBefore(path, settled[middle].path) { high = middle } else { low = middle + 1 }
            }
            gaps[low, default: []].append(offset)
        }
        for (gap, offsets) in gaps {
            let start = gap > 0 ? settled[gap - 1].rank : settled[0].rank - 1
            let stop = gap < settled.count ? settled[gap].rank : last.rank + 1
            // In the walk's order too; those of one file keep the order the loader gave them.
            let ordered = offsets.sorted { one, two in
                let first = arriving[one].summary.path, second = arriving[two].summary.path
                return first != second ? NameOrder.listedBefore(first, second) : one < two
            }
            for (step, offset) in ordered.enumerated() {
                loadRanks[entries.count + offset] = start + (stop - start) * Double(step + 1) / Double(offsets.count + 1)
            }
        }
    }
}
