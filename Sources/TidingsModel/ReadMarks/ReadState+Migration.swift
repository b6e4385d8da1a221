/// Moving marks saved under version-1 story ids to the current ids (docs/STATE.md, "Migration").
extension ReadState {
    /// The marks that count for a story: its own, else, until it takes them over, the legacy entry under its
    /// version-1 id. List entries are counted with this, so counts are right before any marks have moved.
    public func marks(storyID: String, legacyID: String? = nil) -> StoryMarks? {
        if let own = stories[storyID] { return own }
        guard let legacyID else { return nil }
        if let moved = movedMarks(legacyID) { return moved }
        guard !legacy.isEmpty else { return nil }
        return legacy[legacyID]
    }

    /// The marks of a mail thread under the id it had before the parent of its missing start turned up
    /// (`MailThreads.formerID`): they are in the stories' table, not the legacy one.
    func movedMarks(_ formerID: String) -> StoryMarks? {
        ClientMarks.applies(to: formerID) ? stories[formerID] : nil
    }

    /// Whether any marks are kept under version-1 ids: when none are, no story has any to take over, and the
    /// list entries need not be looked at one by one.
    public var hasLegacyMarks: Bool { !legacy.isEmpty || !adoptedLegacy.isEmpty }

    /// Gives a story with no marks of its own the marks saved under its version-1 id: its read flag and read
    /// comments (comment ids did not change). The change is journaled like any other, with the legacy entry
    /// leaving the table, so the next save writes the marks under the new id. Every story that shares the
    /// version-1 id and is met in this run inherits the same marks, as they all showed them before.
    /// Returns whether anything changed.
    @discardableResult
    public mutating func adoptLegacyMarks(storyID: String, legacyID: String?) -> Bool {
        if let legacyID, stories[storyID] == nil, let moved = movedMarks(legacyID) { return adoptMoved(moved, from: legacyID, storyID: storyID) }
        guard let legacyID, hasLegacyMarks,
              stories[storyID] == nil, !adoptedStories.contains(storyID) else { return false }
        let marks: StoryMarks
        if let entry = legacy.removeValue(forKey: legacyID) {
            marks = entry
            adoptedLegacy[legacyID] = entry
            journal.append(.legacyAdopted(legacyID))
        } else if let entry = adoptedLegacy[legacyID] {
            marks = entry
        } else {
            return false
        }
        adoptedStories.insert(storyID)
        if marks.isRead { setStory(storyID, read: true, record: true) }
        if !marks.readComments.isEmpty { setComments(marks.readComments.sorted, in: storyID, read: true, record: true) }
        return true
    }

    /// A mail thread takes the marks it had under its former id, what the state said of the client's marks
    /// included, and the undo steps that name it. The former entry stays: a copy of the thread as it was
    /// (another folder) still has it.
    private mutating func adoptMoved(_ marks: StoryMarks, from formerID: String, storyID: String) -> Bool {
        var changed = false
        if marks.isRead { changed = setStory(storyID, read: true, record: true) }
        if !marks.readComments.isEmpty { changed = setComments(marks.readComments.sorted, in: storyID, read: true, record: true) || changed }
        if let taken = marks.takenFromClient {
            recordTaken(taken, for: storyID, record: true)
            changed = true
        }
        if undoSteps.contains(where: { $0.stories[formerID] != nil }) {
            renameInUndoSteps(formerID, to: storyID)
            journal.append(.undoRenamed(from: formerID, to: storyID))
            changed = true
        }
        return changed
    }
}
