import TidingsModel

/// Where the user was in each story: leaving a story keeps its folds and selected comment, and coming back
/// to it (in this session, or the next through the session file) puts them back. The story the last session
/// ended on is selected once the loader lists it, unless a key came first: the user has moved on.
extension AppState {
    /// The open story's place now; nil while no story is shown.
    var currentPlace: StoryPlace? {
        guard let story = currentStory, let thread else { return nil }
        return StoryPlace(id: story.id, comment: selectedComment.map { story.comments[$0].id.description },
                          folds: thread.collapsed.sorted().map { story.comments[$0].id.description })
    }

    /// Keeps the open story's place before the reader leaves it.
    mutating func rememberCurrentPlace() {
        if let place = currentPlace { places.remember(place) }
    }

    /// Puts back a story's folds and selected comment, by comment id: comments gone from the file since are
    /// passed over, and a selected comment inside a fold opens its way to it.
    mutating func restorePlace(of story: Story) {
        guard let place = places.place(of: story.id), var thread, !story.comments.isEmpty else { return }
        let folds = Set(place.folds.compactMap { CommentID($0) })
        let wanted = place.comment.flatMap { CommentID($0) }
        var collapsed = Set<Int>()
        var selected: Int?
        for (index, comment) in story.comments.enumerated() {
            if folds.contains(comment.id) { collapsed.insert(index) }
            if comment.id == wanted, selected == nil { selected = index }
        }
        thread.setCollapsed(collapsed)
        self.thread = thread
        commentPane.layout.invalidateAll()
        if let selected { selectComment(selected) }
    }

    /// Starts from a saved session: its sort now, its places for when their stories are opened, and its
    /// story as soon as the loader lists it.
    public mutating func restore(_ session: SavedSession) {
        for place in session.stories { places.remember(place) }
        if let id = session.story {
            // The selected comment is saved on its own too; it wins over the story's place.
            var place = places.place(of: id) ?? StoryPlace(id: id)
            if let comment = session.comment { place.comment = comment }
            places.remember(place)
            let focus = session.pane.flatMap(Focus.init(rawValue:)) ?? .stories
            pendingRestore = PendingRestore(storyID: id, path: session.path, focus: focus, unread: session.unread ?? [])
        }
        if session.sort != sort {
            sort = session.sort
            keepingSelectionOnScreen { $0.relistStories() }
        }
        selectRestoredStoryIfListed()
    }

    /// Selects the story the last session ended on once it is listed, in the pane it was in; a key or a click
    /// before then cancels it.
    mutating func selectRestoredStoryIfListed(loadFinished: Bool = true) {
        guard let pending = pendingRestore else { return }
        if touched {
            pendingRestore = nil
            return
        }
        // The copy in the file it was read from, when listed; another copy only once every file is read.
        func listed(_ index: Int) -> Bool { entries[index].keys.id == pending.storyID && !gone.contains(index) }
        // A mail thread whose id moved since (its first message arrived) is found by the id it had.
        func moved(_ index: Int) -> Bool { entries[index].summary.wasKnown(as: pending.storyID) && !gone.contains(index) }
        guard let index = entries.indices.first(where: { listed($0) && (pending.path == nil || entries[$0].summary.path == pending.path) })
                ?? (pending.path == nil || loadFinished ? entries.indices.first(where: listed) : nil)
                ?? (loadFinished ? entries.indices.first(where: moved) : nil) else { return }
        pendingRestore = nil
        let storyID = entries[index].summary.id
        if storyID != pending.storyID { places.rename(pending.storyID, to: storyID) }
        // From here the selection is as deliberate as one the user made: the loader's later batches follow it.
        touched = true
        showsRestoredPlace = true
        restoredUnread = pending.unread.isEmpty ? nil : (storyID, pending.unread)
        selectStory(index)
        if pending.focus != focus { focus(pending.focus) }
        keepingSelectionOnScreen { _ in }
    }

    /// What the session file keeps: written by the executable at quit and with each read-state save.
    public var savedSession: SavedSession {
        var places = self.places
        if let current = currentPlace { places.remember(current) }
        // The saved story has not arrived yet: it is still the one to come back to.
        if let pending = pendingRestore, !touched {
            let place = places.place(of: pending.storyID)
            return SavedSession(sort: sort, story: pending.storyID, path: pending.path, comment: place?.comment,
                                pane: pending.focus.rawValue, unread: pending.unread.isEmpty ? nil : pending.unread, stories: places.all)
        }
        guard entries.indices.contains(selectedStory) else { return SavedSession(sort: sort, stories: places.all) }
        let id = entries[selectedStory].summary.id
        let unread = commentsMarkedUnread(in: id)
        return SavedSession(sort: sort, story: id, path: entries[selectedStory].summary.path, comment: places.place(of: id)?.comment,
                            pane: focus.rawValue, unread: unread.isEmpty ? nil : unread, stories: places.all)
    }
}
