import TidingsModel

/// Files that changed on disk while the reader runs (`CollectionWatch`), and `R`, which looks for them by
/// hand. Entries are never removed: those read from the files are marked gone (`GoneEntries`) and the new
/// ones are added like the loader's, each in its place under the current sort. A story that comes back
/// unchanged keeps its entry; one read again keeps the selection by its id, and is parsed again on the same
/// comment when it is open; a selected story removed hands the selection to the next row.
extension AppState {
    /// What a rescan or a change counted, in stories.
    struct ChangeCounts: Equatable {
        var added = 0
        var changed = 0
        var removed = 0

        /// "2 new stories, 1 changed, 1 removed", or nil when nothing changed.
        var words: String? {
            func stories(_ count: Int) -> String { count == 1 ? "story" : "stories" }
            var parts: [String] = []
            if added > 0 { parts.append("\(added.formatted) new \(stories(added))") }
            if changed > 0 { parts.append(parts.isEmpty ? "\(changed.formatted) \(stories(changed)) changed" : "\(changed.formatted) changed") }
            if removed > 0 { parts.append(parts.isEmpty ? "\(removed.formatted) \(stories(removed)) removed" : "\(removed.formatted) removed") }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
    }

    /// `R`: every source listed again and compared with what was read, by the executable.
    mutating func rescan() -> CommandOutcome {
        message = "Rescanning…"
        request(.rescan)
        return .done
    }

    /// Applies what changed on disk; returns what it counted.
    @discardableResult
    mutating func applyChanges(_ update: CollectionUpdate) -> ChangeCounts {
        let before = entries.count
        let replaced = entriesRead(from: update.files)
        // The same story, unchanged, keeps its entry (and its row): a file touched, or written again as it was.
        var unchanged: [String: [Int]] = [:]
        for index in replaced { unchanged[entries[index].summary.id, default: []].append(index) }
        var kept: Set<Int> = []
        var arriving: [StoryEntry] = []
        // The stories read, in the order their files hold them: each kept (its entry) or arriving (its offset).
        var fileOrder: [FileOrderItem] = []
        for entry in update.entries {
            if let match = unchanged[entry.summary.id]?.first(where: { !kept.contains($0) && entries[$0].summary == entry.summary }) {
                kept.insert(match)
                fileOrder.append(FileOrderItem(path: entry.summary.path, kept: match, arrival: nil))
            } else {
                fileOrder.append(FileOrderItem(path: entry.summary.path, kept: nil, arrival: arriving.count))
                arriving.append(entry)
            }
        }
        let leaving = replaced.filter { !kept.contains($0) }
        let counts = Self.count(old: leaving.map { entries[$0].summary.id }, new: arriving.map(\.summary.id))

        let selectedID = entries.indices.contains(selectedStory) ? entries[selectedStory].summary.id : nil
        let selectedLeaves = leaving.contains(selectedStory)
        // The story next to it that stays, perhaps read again (a feed's other items when the feed changes).
        let arrivingIDs = Set(arriving.map(\.summary.id))
        let neighbourID = selectedLeaves
            ? rowAfterSelection(skipping: Set(leaving.filter { !arrivingIDs.contains(entries[$0].summary.id) })).map { entries[$0].summary.id }
            : nil
        if !leaving.isEmpty {
            let leavingSet = Set(leaving)
            for index in leaving { gone.insert(index) }
            keepingSelectionOnScreen { $0.rows.remove(where: leavingSet.contains) }
        }
        // The problems of files read again are those found now.
        if !update.files.isEmpty {
            problems.removeAll { update.files.contains($0.path) }
            failedFiles.removeAll { update.files.contains($0.path) }
            skippedFiles.removeAll { update.files.contains($0.path) }
        }
        // A story read again takes the place in load order of the entry it replaces; a new file goes
        // among the files beside it, by name, as the next start will list it.
        var replacing: [String: [Int]] = [:]
        for index in leaving { replacing[entries[index].summary.id, default: []].append(index) }
        var newStories: [String: [Int]] = [:]
        for (offset, entry) in arriving.enumerated() {
            if let old = replacing[entry.summary.id]?.popLast()
                ?? (entry.summary.mayHaveMoved ? entry.summary.legacyID.flatMap { replacing[$0]?.popLast() } : nil) {
                loadRanks[entries.count + offset] = loadRank(of: old)
            } else {
                newStories[entry.summary.path, default: []].append(entries.count + offset)
            }
        }
        placeAmongTheirFile(&newStories, order: fileOrder)
        placeNewStories(newStories, among: arriving)
        // A file in a folder with no other story listed (the first mail into an empty `new/`): where the walk
        // puts it.
        let unplaced = newStories.values.flatMap { $0 }.filter { loadRanks[$0] == nil }.map { $0 - entries.count }
        if !unplaced.isEmpty {
            let placed = arriving.indices.compactMap { offset in loadRanks[entries.count + offset].map { (offset: offset, rank: $0) } }
            placeInWalkOrder(unplaced, of: arriving, placedArrivals: placed)
        }
        let journalStart = readState.journal.count
        adoptLegacyMarks(of: arriving)
        adoptSourceMarks(of: arriving)
        if !arriving.isEmpty || !update.problems.isEmpty { append(entries: arriving, problems: update.problems) }
        // Marks a mail client set in one copy of a thread are the other copies' too, and the open one's.
        let marked = storiesMarked(since: journalStart)
        recountCopies(ofStories: marked)
        if let story = currentStory, marked.contains(story.id) { commentPane.forgetNewReadElsewhere(in: story, readState: readState) }

        // A story kept whose file changed is parsed again when shown; the open one at once.
        for index in kept {
            parsedStories.forget(index)
            if index == selectedStory, currentStory != nil || loadingStory == index { parseAgain(index) }
        }
        if selectedLeaves {
            // The same story (its id), else the story now read from the same place in the same file (an
            // edited title gives a native story another id): the file changed, it did not go.
            let place = entries.indices.contains(selectedStory) ? entries[selectedStory].summary.source : nil
            let readAgain = before..<entries.count
            let sameID = readAgain.first { entries[$0].summary.id == selectedID }
            let moved = readAgain.first { entries[$0].summary.wasKnown(as: selectedID) }
            // Only a file of one story: in a feed or an archive the same place holds another story now.
            let samePlace = place?.locator != nil ? nil
                : readAgain.first { entries[$0].summary.source.path == place?.path && entries[$0].summary.source.locator == nil }
            if let again = sameID ?? moved ?? samePlace {
                moveSelection(toReadAgain: again)
            } else {
                // Not the user's choice: the next story is selected in the list, not opened and read.
                focus = .stories
                let neighbour = neighbourID.flatMap { id in
                    readAgain.first { entries[$0].summary.id == id } ?? entries.indices.first { entries[$0].summary.id == id && !gone.contains($0) }
                }
                selectStory(neighbour ?? (rows.isEmpty ? selectedStory : rows.entry(atRow: 0)))
                if gone.contains(selectedStory) {
                    // Nothing left to select: no story is shown, and keys waiting for one wait no more.
                    currentStory = nil
                    loadingStory = nil
                    thread = nil
                    selectedComment = nil
                    heldKeys = []
                }
                message = "Story removed from disk"
            }
        }
        // The list was empty (everything gone): the first story to come is selected.
        if gone.contains(selectedStory), !rows.isEmpty { selectStory(rows.entry(atRow: 0)) }
        selectRestoredStoryIfListed()
        followFirstRowUntilTouched()
        if let notice = update.notice { message = notice }
        if update.isRescan { message = counts.words ?? "Nothing changed" }
        keepingSelectionOnScreen { _ in }
        needsFrame = true
        return counts
    }

    /// The place in load order of an entry.
    func loadRank(of entry: Int) -> Double { loadRanks[entry] ?? Double(entry) }

    /// Gives new stories (indices from `entries.count` on, not appended yet, by file) places in load order
    /// where the next start's listing puts them: a file goes right after the last story of the file before it
    /// by name in its folder (a new thread of a file listed already, after that file's other stories), or
    /// right before the first story of the file after it; files in one gap share it in name order. A file
    /// with no other file listed in its folder is left to `placeInWalkOrder`. Each folder's files are sorted
    /// once, so a rescan that finds a thousand new files beside 100,000 costs a sort, not a scan per file.
    private mutating func placeNewStories(_ newStories: [String: [Int]], among arriving: [StoryEntry]) {
        guard !newStories.isEmpty else { return }
        // The stories with a place: the entries, and those of this change given one already (read again).
        var placed = entries.indices.map { (path: entries[$0].summary.path, rank: loadRank(of: $0)) }
        for (offset, entry) in arriving.enumerated() {
            if let rank = loadRanks[entries.count + offset] { placed.append((entry.summary.path, rank)) }
        }
        let taken = placed.map(\.rank).sorted()
        // Places given here, sorted: a later gap (another folder's first file) must see them too.
        var given: [Double] = []
        // The first and last place of each file listed in a folder that has new files.
        // Each with the path given that the walk reaches it from: a file of the folder named on its own
        // before it (`tidings dir/a.txt other dir`) is listed apart from the folder's other files.
        let walk = WalkOrder(sourcePaths)
        var folderRoots: [Substring: Int] = [:]
        for path in newStories.keys { folderRoots[Self.folderAndName(path).folder] = walk.place(path).root }
        var listed: [Substring: [Substring: (first: Double, last: Double)]] = [:]
        for (path, rank) in placed {
            let (folder, name) = Self.folderAndName(path)
            guard let root = folderRoots[folder], walk.place(path).root == root else { continue }
            let known = listed[folder]?[name]
            listed[folder, default: [:]][name] = (min(known?.first ?? rank, rank), max(known?.last ?? rank, rank))
        }
        var byFolder: [Substring: [(name: Substring, arrivals: [Int])]] = [:]
        for (path, arrivals) in newStories {
            let (folder, name) = Self.folderAndName(path)
            byFolder[folder, default: []].append((name, arrivals))
        }
        for (folder, files) in byFolder {
            guard let known = listed[folder], !known.isEmpty else { continue }
            let names = known.keys.sorted(by: NameOrder.less)
            // Each gap: the number of files listed whose names come before (or are) the new file's.
            var gaps: [Int: [(name: Substring, arrivals: [Int])]] = [:]
            for file in files {
                var low = 0
                var high = names.count
                while low < high {
                    let middle = (low + high) / 2
                    if !NameOrder.less(file.name, names[middle]) { low = middle + 1 } else { high = middle }
                }
                gaps[low, default: []].append(file)
            }
            for (gap, files) in gaps {
                let start: Double
                let end: Double
                func nearest(_ pick: ([Double]) -> Double?, _ choose: (Double, Double) -> Double) -> Double? {
                    switch (pick(taken), pick(given)) {
                    case let (one?, two?): return choose(one, two)
                    case let (one, two): return one ?? two
                    }
                }
                if gap > 0 {
                    start = known[names[gap - 1]]!.last
                    end = nearest({ Self.firstRank(in: $0, after: start) }, min) ?? start + 1
                } else {
                    end = known[names[0]]!.first
                    start = nearest({ Self.lastRank(in: $0, before: end) }, max) ?? end - 1
                }
                let arrivals = files.sorted { NameOrder.less($0.name, $1.name) }.flatMap(\.arrivals)
                for (offset, entry) in arrivals.enumerated() {
                    let rank = start + (end - start) * Double(offset + 1) / Double(arrivals.count + 1)
                    loadRanks[entry] = rank
                    given.insert(rank, at: given.firstIndex { $0 > rank } ?? given.count)
                }
            }
        }
    }

    /// A story read from a changed file: kept (its entry) or arriving (its offset among those arriving).
    struct FileOrderItem {
        var path: String
        var kept: Int?
        var arrival: Int?
    }

    /// New stories of a file read again go where the file has them among its stories that stay (a feed's
    /// new items first, as the next start lists them), each run of them between the places of the stories
    /// around it; a run at the file's start or end reaches to the story of the file before or after it.
    /// Those placed are taken out of `newStories` (what is left is a file come, placed among the files).
    private mutating func placeAmongTheirFile(_ newStories: inout [String: [Int]], order: [FileOrderItem]) {
        let base = entries.count
        var taken: [Double]?
        // Grouped once: a rescan may bring thousands of new files.
        let byPath = Dictionary(grouping: order.filter { newStories[$0.path] != nil }, by: \.path)
        for (path, sequence) in byPath {
            let ranks: [Double?] = sequence.map { item in item.kept.map(loadRank(of:)) ?? item.arrival.flatMap { loadRanks[base + $0] } }
            guard ranks.contains(where: { $0 != nil }) else { continue }
            let all = taken ?? (entries.indices.map(loadRank(of:)) + ranks.compactMap { $0 }).sorted()
            taken = all
            var index = 0
            while index < sequence.count {
                guard ranks[index] == nil else {
                    index += 1
                    continue
                }
                var end = index
                while end < sequence.count, ranks[end] == nil { end += 1 }
                let low = index > 0 ? ranks[index - 1] : nil
                let high = end < sequence.count ? ranks[end] : nil
                let start = low ?? high.map { Self.lastRank(in: all, before: $0) ?? $0 - 1 } ?? 0
                let stop = high ?? low.map { Self.firstRank(in: all, after: $0) ?? $0 + 1 } ?? 1
                for (step, position) in (index..<end).enumerated() {
                    guard let arrival = sequence[position].arrival else { continue }
                    loadRanks[base + arrival] = start + (stop - start) * Double(step + 1) / Double(end - index + 1)
                }
                index = end
            }
            newStories[path] = nil
        }
    }

    /// The smallest rank in sorted `ranks` above `rank`.
    private static func firstRank(in ranks: [Double], after rank: Double) -> Double? {
        var low = 0
        var high = ranks.count
        while low < high {
            let middle = (low + high) / 2
            if ranks[middle] <= rank { low = middle + 1 } else { high = middle }
        }
        return low < ranks.count ? ranks[low] : nil
    }

    /// The largest rank in sorted `ranks` below `rank`.
    private static func lastRank(in ranks: [Double], before rank: Double) -> Double? {
        var low = 0
        var high = ranks.count
        while low < high {
            let middle = (low + high) / 2
            if ranks[middle] < rank { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? ranks[low - 1] : nil
    }

    /// A path's folder and its last part.
    private static func folderAndName(_ path: String) -> (folder: Substring, name: Substring) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path[...]) }
        return (path[..<slash], path[path.index(after: slash)...])
    }

    /// The live entries read from any of `files`, by their path or one of their other paths.
    private func entriesRead(from files: Set<String>) -> [Int] {
        guard !files.isEmpty else { return [] }
        return entries.indices.filter { index in
            guard !gone.contains(index) else { return false }
            let source = entries[index].summary.source
            return files.contains(source.path) || source.otherPaths.contains(where: files.contains)
        }
    }

    /// Stories that came, changed (the same id in a new entry) and went, counted once each.
    private static func count(old: [String], new: [String]) -> ChangeCounts {
        let before = Set(old)
        let after = Set(new)
        return ChangeCounts(added: after.subtracting(before).count, changed: after.intersection(before).count,
                            removed: before.subtracting(after).count)
    }

    /// The entry of the first row after the selection that is not leaving, else the last one before it.
    private func rowAfterSelection(skipping leaving: Set<Int>) -> Int? {
        guard let row = rows.row(ofEntry: selectedStory) else { return nil }
        if let after = (row + 1..<rows.count).lazy.map(rows.entry(atRow:)).first(where: { !leaving.contains($0) }) { return after }
        return (0..<row).reversed().lazy.map(rows.entry(atRow:)).first { !leaving.contains($0) }
    }

    /// The selected story was read again into a new entry: the selection follows it there, and the story is
    /// parsed again on the same comment (the old one stays on screen until then).
    private mutating func moveSelection(toReadAgain index: Int) {
        let left = selectedStory
        selectedStory = index
        keepSelectionListed(leaving: left)
        if currentStory != nil || loadingStory != nil {
            parseAgain(index)
        } else {
            selectStory(index)
        }
    }

    private mutating func parseAgain(_ index: Int) {
        loadingStory = index
        request(.loadStory(index: index, summary: entries[index].summary))
    }
}
