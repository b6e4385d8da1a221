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
        var settled = entries.indices.map { (rank: loadRank(of: $0), place: walkPlace(entries[$0].summary)) }
        settled += placedArrivals.map { (rank: $0.rank, place: walkPlace(arriving[$0.offset].summary)) }
        if !loadRanks.isEmpty { settled.sort { $0.rank < $1.rank } }
        guard let last = settled.last else { return }
        // Each story's gap: how many settled stories come before it in the walk.
        var gaps: [Int: [Int]] = [:]
        for offset in placing {
            let place = walkPlace(arriving[offset].summary)
            // In the usual case every late story belongs after every settled one: no search.
            if Self.walkBefore(last.place, place) { continue }
            var low = 0
            var high = settled.count
            while low < high {
                let middle = (low + high) / 2
                if Self.walkBefore(place, settled[middle].place) { high = middle } else { low = middle + 1 }
            }
            gaps[low, default: []].append(offset)
        }
        for (gap, offsets) in gaps {
            let start = gap > 0 ? settled[gap - 1].rank : settled[0].rank - 1
            let stop = gap < settled.count ? settled[gap].rank : last.rank + 1
            // In the walk's order too; those of one file keep the order they came in.
            let ordered = offsets.map { (offset: $0, place: walkPlace(arriving[$0].summary)) }.sorted { one, two in
                Self.walkBefore(one.place, two.place) || !Self.walkBefore(two.place, one.place) && one.offset < two.offset
            }
            for (step, item) in ordered.enumerated() {
                loadRanks[entries.count + item.offset] = start + (stop - start) * Double(step + 1) / Double(ordered.count + 1)
            }
        }
    }

    /// Where the walk has a story: at the first of its files (a post and its comment feed in a subfolder: at
    /// the post's file), under the first path given that holds it.
    func walkPlace(_ summary: StorySummary) -> WalkPlace {
        let place = { (path: String) in WalkPlace(root: self.rootIndex(of: path), path: path) }
        return summary.source.otherPaths.reduce(place(summary.path)) { first, other in
            let candidate = place(other)
            return Self.walkBefore(candidate, first) ? candidate : first
        }
    }

    /// A file's place in the walk: which path given reached it, and its path.
    struct WalkPlace {
        var root: Int
        var path: String
    }

    /// Whether the walk reads one file before another: each path given whole, in the order given (a
    /// second path inside the first adds nothing), and within one the folder walk's order.
    static func walkBefore(_ first: WalkPlace, _ second: WalkPlace) -> Bool {
        first.root != second.root ? first.root < second.root : NameOrder.listedBefore(first.path, second.path)
    }

    /// The first path given that is the file or a folder holding it; after them all when none is.
    private func rootIndex(of path: String) -> Int {
        for (index, root) in sourcePaths.enumerated() {
            let folder = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
            if path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/") { return index }
        }
        return sourcePaths.count
    }
}
