/// The undo list: marking actions kept with the marks, so they can be taken back after a restart too.
extension ReadState {
    /// Steps kept at most: more than the 20 the reader promises, few enough to cost little.
    public static let undoStepsKept = 50
    /// Older steps are dropped once the list would take more than about this many bytes in the file; the
    /// newest step is always kept, so the last action can be undone whatever its size.
    public static let undoBytesKept = 1 << 20

    /// Keeps a marking action so that `u` can take it back; journaled, so the next save keeps it too.
    public mutating func recordUndo(_ step: UndoStep) {
        appendUndoStep(step)
        journal.append(.undoAdded(step))
    }

    /// Takes back the newest marking action: its marks are restored as this instance's own changes (saved
    /// like any mark) and the step leaves the list. Nil when there is nothing to undo.
    public mutating func undoLast() -> UndoStep? {
        guard let step = undoSteps.popLast() else { return nil }
        for change in step.changes {
            switch change {
            case .story(let id, let read):
                let held = stories[id]?.takenFromClient?.story ?? false
                setStory(id, read: read)
                if !read, !held { releaseToClient(ClientMarks(story: true), of: id) }
            case .comments(let id, let ids, let read):
                let held = stories[id]?.takenFromClient?.comments ?? []
                setComments(ids, in: id, read: read)
                if !read { releaseToClient(ClientMarks(comments: CommentIDSet(ids.filter { !held.contains($0) })), of: id) }
            case .client, .released, .legacyAdopted, .undoAdded, .undoTaken, .undoRenamed: break
            }
        }
        journal.append(.undoTaken(step))
        return step
    }

    /// Appends a step and drops the oldest past the limits.
    mutating func appendUndoStep(_ step: UndoStep) {
        undoSteps.append(step)
        if undoSteps.count > Self.undoStepsKept { undoSteps.removeFirst(undoSteps.count - Self.undoStepsKept) }
        var size = undoSteps.reduce(0) { $0 + $1.encodedSize }
        while undoSteps.count > 1, size > Self.undoBytesKept {
            size -= undoSteps.removeFirst().encodedSize
        }
    }

    /// Steps that name a story by an id it no longer has name it by its new one, where they stand.
    mutating func renameInUndoSteps(_ old: String, to new: String) {
        for index in undoSteps.indices {
            guard let restore = undoSteps[index].stories.removeValue(forKey: old) else { continue }
            // The new id has no step of its own yet: it took the old one's marks as they were.
            if undoSteps[index].stories[new] == nil { undoSteps[index].stories[new] = restore }
        }
    }

    /// Removes the newest step equal to `step`, if any: steps that are equal restore the same marks, so which
    /// of them goes does not matter.
    mutating func removeUndoStep(_ step: UndoStep) {
        if let index = undoSteps.lastIndex(of: step) { undoSteps.remove(at: index) }
    }
}
