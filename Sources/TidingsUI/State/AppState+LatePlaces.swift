import TidingsModel

/// Stories that come after the stories they belong among take the places the folder walk gives their files
/// (`NameOrder.listedBefore`: a folder's own files by name, then its subfolders by name, each walked whole),
/// as ranks between their neighbours' (`loadRanks`), so load order stays the order of paths `s` says it is:
/// stories of files read together once every file is seen (a feed with replies and its comment feed, news
/// articles one per file, a Maildir), which the loader hands over last (`ParallelLoad.Batch.lateCount`), and
/// a file that appears while reading in a folder with no other story listed (the first mail into `new/`).
extension AppState {
    /// Places the last `lateCount` of `arriving` (not appended yet) among the entries and the rest of
    /// `arriving`.
    mutating func placeLateStories(of arriving: [StoryEntry], lateCount: Int) {
        guard lateCount > 0, lateCount <= arriving.count else { return }
        let firstLate = arriving.count - lateCount
        placeInWalkOrder(Array(firstLate..<arriving.count), of: arriving,
                         placedArrivals: (0..<firstLate).map { (offset: $0, rank: Double(entries.count + $0)) })
    }

    /// Gives each of `placing` (offsets into `arriving`, not appended yet) a rank between the stories around
    /// its place in the walk: the entries, and the arrivals placed already with their ranks. Those whose
    /// place is after every other story keep their place at the end.
    mutating func placeInWalkOrder(_ placing: [Int], of arriving: [StoryEntry], placedArrivals: [(offset: Int, rank: Double)]) {
        guard !placing.isEmpty else { return }
        // The stories with a place, in load order: their ranks, and where the walk has them.
        var settled = entries.indices.map { (rank: loadRank(of: $0), path: Self.walkPath(entries[$0].summary)) }
        settled += placedArrivals.map { (rank: $0.rank, path: Self.walkPath(arriving[$0.offset].summary)) }
        if !loadRanks.isEmpty { settled.sort { $0.rank < $1.rank } }
        guard let last = settled.last else { return }
        // Each story's gap: how many settled stories come before it in the walk.
        var gaps: [Int: [Int]] = [:]
        for offset in placing {
            let path = Self.walkPath(arriving[offset].summary)
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
            // In the walk's order too; those of one file keep the order they came in.
            let ordered = offsets.map { (offset: $0, path: Self.walkPath(arriving[$0].summary)) }.sorted { one, two in
                one.path != two.path ? NameOrder.listedBefore(one.path, two.path) : one.offset < two.offset
            }
            for (step, item) in ordered.enumerated() {
                loadRanks[entries.count + item.offset] = start + (stop - start) * Double(step + 1) / Double(ordered.count + 1)
            }
        }
    }

    /// Where the walk has a story: at the first of its files (a post and its comment feed in a subfolder: at
    /// the post's file).
    static func walkPath(_ summary: StorySummary) -> String {
        summary.source.otherPaths.reduce(summary.path) { first, other in NameOrder.listedBefore(other, first) ? other : first }
    }
}
