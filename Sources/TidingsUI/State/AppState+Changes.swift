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
        for entry in update.entries {
            if let match = unchanged[entry.summary.id]?.first(where: { !kept.contains($0) && entries[$0].summary == entry.summary }) {
                kept.insert(match)
            } else {
                arriving.append(entry)
            }
        }
        let leaving = replaced.filter { !kept.contains($0) }
        let counts = Self.count(old: leaving.map { entries[$0].summary.id }, new: arriving.map(\.summary.id))

        let selectedID = entries.indices.contains(selectedStory) ? entries[selectedStory].summary.id : nil
        let selectedLeaves = leaving.contains(selectedStory)
        let nextRow = selectedLeaves ? rowAfterSelection(skipping: Set(leaving)) : nil
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
        // A story read again takes the place in load order of the entry it replaces.
        var replacing: [String: [Int]] = [:]
        for index in leaving { replacing[entries[index].summary.id, default: []].append(index) }
        for (offset, entry) in arriving.enumerated() {
            guard let old = replacing[entry.summary.id]?.popLast() else { continue }
            loadRanks[entries.count + offset] = loadRanks[old] ?? old
        }
        adoptLegacyMarks(of: arriving)
        adoptSourceMarks(of: arriving)
        if !arriving.isEmpty || !update.problems.isEmpty { append(entries: arriving, problems: update.problems) }

        // A story kept whose file changed is parsed again when shown; the open one at once.
        for index in kept {
            parsedStories.forget(index)
            if index == selectedStory, currentStory != nil || loadingStory == index { parseAgain(index) }
        }
        if selectedLeaves {
            if let again = (before..<entries.count).first(where: { entries[$0].summary.id == selectedID }) {
                moveSelection(toReadAgain: again)
            } else {
                // Not the user's choice: the next story is selected in the list, not opened and read.
                focus = .stories
                selectStory(nextRow ?? (rows.isEmpty ? selectedStory : rows.entry(atRow: 0)))
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
