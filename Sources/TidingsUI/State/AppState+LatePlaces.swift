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
        let walk = WalkOrder(sourcePaths)
        // The stories with a place, in load order: their ranks, and where the walk has them.
        var settled = entries.indices.map { (rank: loadRank(of: $0), place: walk.place(entries[$0].summary)) }
        settled += placedArrivals.map { (rank: $0.rank, place: walk.place(arriving[$0.offset].summary)) }
        if !loadRanks.isEmpty { settled.sort { $0.rank < $1.rank } }
        // Each story's gap: how many settled stories come before it in the walk.
        var gaps: [Int: [(offset: Int, place: WalkPlace)]] = [:]
        for offset in placing {
            let place = walk.place(arriving[offset].summary)
            var low = 0
            var high = settled.count
            // In the usual case every late story belongs after every settled one: no search.
            if let last = settled.last, !WalkOrder.before(last.place, place) {
                while low < high {
                    let middle = (low + high) / 2
                    if WalkOrder.before(place, settled[middle].place) { high = middle } else { low = middle + 1 }
                }
            } else {
                low = settled.count
            }
            gaps[low, default: []].append((offset, place))
        }
        for (gap, items) in gaps {
            // In the walk's order too; those of one file keep the order they came in.
            func inOrder(_ one: (offset: Int, place: WalkPlace), _ two: (offset: Int, place: WalkPlace)) -> Bool {
                WalkOrder.before(one.place, two.place) || !WalkOrder.before(two.place, one.place) && one.offset < two.offset
            }
            let cameInOrder = zip(items, items.dropFirst()).allSatisfy { inOrder($0, $1) }
            // After every settled story, in the order they came when that is the walk's already (a Maildir's
            // 10,000 threads, in the order of their paths): their indices are their places.
            if gap == settled.count, cameInOrder, zip(items, items.dropFirst()).allSatisfy({ $0.offset < $1.offset }) { continue }
            let ordered = cameInOrder ? items : items.sorted(by: inOrder)
            let start = gap > 0 ? settled[gap - 1].rank : (settled.first?.rank ?? Double(entries.count)) - 1
            let stop = gap < settled.count ? settled[gap].rank : start + 1
            for (step, item) in ordered.enumerated() {
                loadRanks[entries.count + item.offset] = start + (stop - start) * Double(step + 1) / Double(ordered.count + 1)
            }
        }
    }
}
