import TidingsModel

/// Threads of a folder of messages one per file are known only when every file is read: until then the
/// loader lists the first ones as far as they are known (`ParallelLoad.Batch.provisional`), at the end of the
/// list, and replaces them as it learns more. The selection stays on its story; a story shown with fewer
/// replies than it now has is parsed again and shown with them, on the same comment.
extension AppState {
    /// `lateCount`: how many of `newEntries`, at their end, the loader handed over last (`placeLateStories`).
    mutating func replaceProvisional(with provisional: [StoryEntry], after newEntries: [StoryEntry], problems newProblems: [LoadProblem],
                                     lateCount: Int = 0) {
        let start = entries.count - provisionalCount
        let selected = entries.indices.contains(selectedStory) ? entries[selectedStory].summary : nil
        let selectedWasProvisional = provisionalCount > 0 && selectedStory >= start
        // The loader counts unread comments against the marks it started with: a thread read since keeps
        // the count the reader has kept for it, as long as it comes back unchanged.
        var kept: [String: StoryEntry] = [:]
        for entry in entries[start...] { kept[entry.summary.id] = entry }
        entries.removeSubrange(start...)
        unreadTally.stale = true
        gone.removeAll(from: start)
        rows.removeEntries(from: start)
        parsedStories.removeAll(from: start)
        provisionalCount = 0
        // What is listed from `start` on is decided again once the selection has found its place, so a
        // story listed only because it was selected does not stay listed under another's index.
        defer {
            relistStories(from: start)
            settle()
        }
        // Placed once the provisional ones are gone: they are no place to go among.
        placeLateStories(of: newEntries, lateCount: lateCount)
        // The new entries taken whole when no provisional ones follow them (no copy of the array).
        append(entries: provisional.isEmpty ? newEntries : newEntries + provisional, problems: newProblems)
        provisionalCount = provisional.count
        var recount: [StorySummary] = []
        for index in entries.indices.dropFirst(start) {
            guard let old = kept[entries[index].summary.id] else { continue }
            if old.summary == entries[index].summary {
                entries[index].unreadComments = old.unreadComments
            } else if storiesMarkedThisRun.contains(entries[index].summary.id) {
                // A thread that grew was counted by the loader against the marks it started with: comments
                // read meanwhile are counted again from its file.
                recount.append(entries[index].summary)
            }
        }
        if !recount.isEmpty { request(.recountUnread(recount)) }
        guard selectedWasProvisional, let selected else { return }
        // Nobody has moved: the reader stays on the first row, as it opened, rather than on whichever thread
        // the loader happened to list first.
        if !touched, selectedStory == 0, entries.first?.summary.id != selected.id {
            currentStory = nil
            loadingStory = nil
            selectStory(0)
            return
        }
        if let index = entries[start...].firstIndex(where: { $0.summary.id == selected.id }) {
            selectedStory = index
            // The story on screen has replies it did not have when it was read: read it again.
            if entries[index].summary != selected || loadingStory != nil {
                loadingStory = index
                request(.loadStory(index: index, summary: entries[index].summary))
            }
        } else {
            // Its thread turned out to be part of another: the selection moves to what is there now.
            currentStory = nil
            loadingStory = nil
            selectStory(min(selectedStory, max(0, entries.count - 1)))
        }
    }
}
