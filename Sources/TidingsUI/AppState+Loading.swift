import TidingsModel

extension AppState {
    /// Takes in what the background load delivered; returns whether the screen needs redrawing.
    @discardableResult
    public mutating func absorb(_ batch: ParallelLoad.Batch) -> Bool {
        adoptLegacyMarks(of: batch.entries)
        if !batch.entries.isEmpty || !batch.problems.isEmpty {
            append(entries: batch.entries, problems: batch.problems)
        }
        // Until the folders are listed the total is unknown: shown as "looking for stories".
        let progress = batch.finished ? nil : (batch.done, batch.total ?? 0)
        let changed = !batch.entries.isEmpty || !batch.problems.isEmpty
            || progress?.0 != loadProgress?.done || progress?.1 != loadProgress?.total
        loadProgress = progress
        return changed
    }

    /// Stories whose marks are still under their version-1 id take them over (docs/STATE.md, "Migration").
    /// It happens before the entries are listed, so the list, the story opened first and the next save
    /// (the revision changes) all see the marks under the new ids.
    private mutating func adoptLegacyMarks(of entries: [StoryEntry]) {
        changeReadState { state in
            var changed = false
            for entry in entries {
                changed = state.adoptLegacyMarks(storyID: entry.summary.id, legacyID: entry.summary.legacyID) || changed
            }
            return changed
        }
    }
}
