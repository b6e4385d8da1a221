import TidingsModel

/// Every change to the read marks, and what counts as new.
extension AppState {
    /// Every read-state change goes through here: it bumps the revision and refreshes the selected
    /// story's unread count (only the open story can change).
    mutating func changeReadState(_ change: (inout ReadState) -> Bool) {
        let tallied = unreadContribution(of: selectedStory)
        let journalStart = readState.journal.count
        guard change(&readState) else { return }
        let revisionBefore = readStateRevision
        readStateRevision += 1
        let marked = storiesMarked(since: journalStart)
        storiesMarkedThisRun.formUnion(marked)
        if let story = currentStory, entries.indices.contains(selectedStory) {
            entries[selectedStory].unreadComments = readState.unreadCount(of: story)
        }
        // Reading the selected story changes the unread tally by its own difference; a change that touched
        // other stories has it counted again.
        let selectedID = entries.indices.contains(selectedStory) ? entries[selectedStory].summary.id : nil
        let onlySelected = readState.journal.count >= journalStart && readState.journal[journalStart...].allSatisfy { change in
            switch change {
            case .story(let id, _), .comments(let id, _, _): return id == selectedID
            case .undoAdded, .undoTaken, .undoRenamed: return true
            case .client(let id, _), .released(let id, _): return id == selectedID
            case .legacyAdopted: return false
            }
        }
        if onlySelected { adjustUnreadTally(for: selectedStory, before: tallied, revisionBefore: revisionBefore) }
        if let selectedID, marked.contains(selectedID) {
            recountCopiesOfSelection()
            // The story's copies (the same story in other files) share its marks: their places in the tally
            // changed with it, also when no comment count did (a feed item has none).
            if copiesOfSelection?.copies.isEmpty == false { unreadTally.stale = true }
        }
    }

    /// The ids of the stories whose marks the journal says changed from `start` on.
    func storiesMarked(since start: Int) -> Set<String> {
        guard start >= 0, start <= readState.journal.count else { return [] }
        var ids: Set<String> = []
        for change in readState.journal[start...] {
            switch change {
            case .story(let id, _), .comments(let id, _, _): ids.insert(id)
            case .undoAdded, .undoTaken, .undoRenamed, .legacyAdopted, .client, .released: break
            }
        }
        return ids
    }

    /// Keeps the ids of the stories whose marks the journal says changed from `start` on.
    mutating func noteStoriesMarked(since start: Int) {
        storiesMarkedThisRun.formUnion(storiesMarked(since: start))
    }

    /// The read-state changes made since the last call, for the saver to apply on top of the file.
    public mutating func takeReadStateChanges() -> [ReadState.Change] { readState.takeJournal() }

    /// Opening a story marks it read; while its file is still being parsed the summary's id is enough. A
    /// story the session restore opened is not read until a key comes (`AppState+RestoredPlace`).
    mutating func markStoryOpened() {
        guard entries.indices.contains(selectedStory), !showsRestoredPlace else { return }
        let id = currentStory?.id ?? entries[selectedStory].summary.id
        changeReadState { $0.setStory(id, read: true) }
    }

    /// Whether the comment pane marks the comment as new: unread now, or unread when this visit began.
    public func isNew(comment index: Int) -> Bool {
        commentPane.newThisVisit.contains(index) || isUnread(comment: index)
    }

    /// Whether a comment is unread now; a stub for replies not saved never is (it is not a comment).
    public func isUnread(comment index: Int) -> Bool {
        guard let story = currentStory, story.comments[index].isCounted else { return false }
        return !readState.isCommentRead(story.comments[index].id, in: story.id)
    }

    /// Keeps what a command changed in the read marks (its own changes and comments it brought on screen),
    /// grouped, newest last, so it can be undone exactly.
    mutating func recordReadMarkChanges(by command: Command, since journalCount: Int) {
        let journal = readState.journal
        // A save may have taken the journal meanwhile; only changes made during this command count.
        guard journal.count > journalCount else { return }
        let delta = ReadStateDelta(command: command.name, changes: Array(journal[journalCount...]))
        readMarkHistory.append(delta)
        if readMarkHistory.count > Self.readMarkHistoryKept { readMarkHistory.removeFirst() }
        // Only the user's own marking is undone: reading (opening a story, comments on screen) is not.
        if command == .toggleRead, let step = UndoStep(command: command.name, undoing: delta.changes) {
            readState.recordUndo(step)
        }
    }
}
