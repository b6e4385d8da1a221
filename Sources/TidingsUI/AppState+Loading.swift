import TidingsModel

extension AppState {
    /// Takes in what the background load delivered; returns whether the screen needs redrawing.
    @discardableResult
    public mutating func absorb(_ batch: ParallelLoad.Batch) -> Bool {
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
}
