import TidingsModel

/// `A`: every story the list shows, or the open story, marked read with its comments after a question that
/// says how much; one undo step.
extension AppState {
    /// The entries of the stories the list shows, in row order: hidden read stories are not marked (they
    /// are read), and a later search narrows this same mapping (`StoryRows`).
    var shownStoryIndices: [Int] { (0..<rows.count).map { rows.entry(atRow: $0) } }

    /// Counts what is unread in what `A` covers here and asks; says so when nothing is unread.
    mutating func askToMarkAllRead() -> CommandOutcome {
        if markingAll != nil { return .nothingToDo("Still marking stories read") }
        var request = MarkAllRequest(stories: [], unreadStories: 0, unreadComments: 0)
        if focus == .stories {
            // Per story, the most unread comments of a copy: a copy that lacks some replies counts fewer.
            var unreadComments: [String: Int] = [:]
            for index in shownStoryIndices {
                let entry = entries[index]
                let id = entry.summary.id
                let storyUnread = !readState.isStoryRead(entry.keys.id)
                guard storyUnread || entry.unreadComments > 0 else { continue }
                // A story listed twice (the same story in two files) is marked and counted once, with the
                // comments of every copy.
                if unreadComments[id] == nil {
                    request.stories.append(entry.summary)
                    request.unreadStories += 1
                }
                unreadComments[id] = max(unreadComments[id] ?? 0, entry.unreadComments)
                if let story = parsedStories.story(at: index, id: id)
                    ?? (index == selectedStory ? currentStory : nil).flatMap({ $0.id == id ? $0 : nil }) {
                    request.add(story.comments.filter(\.isCounted).map(\.id), of: id)
                } else {
                    request.unparsed.append(entry.summary)
                }
            }
            request.unreadComments = unreadComments.values.reduce(0, +)
            guard !request.stories.isEmpty else { return .nothingToDo("Nothing unread: every story listed is read, with its comments") }
        } else {
            guard let story = currentStory else { return .nothingToDo("The story is still loading") }
            let storyUnread = !readState.isStoryRead(story.id)
            let comments = readState.unreadCount(of: story)
            guard storyUnread || comments > 0 else { return .nothingToDo("Nothing unread: this story is read, with its comments") }
            request.stories = [story.summary]
            // Counted as the list counts it (and its undo does): a story with anything unread.
            request.unreadStories = 1
            request.unreadComments = comments
            request.add(story.comments.filter(\.isCounted).map(\.id), of: story.id)
        }
        question = .markAllRead(request)
        return .done
    }

    /// The key after a question: `y` does what it asked, any other key cancels (and does nothing else).
    mutating func answerQuestion(with key: KeyPress) {
        guard let asked = question else { return }
        question = nil
        pendingKeys = []
        switch asked {
        case .markAllRead(let request):
            guard key == .character("y") else {
                message = "Not marked: nothing changed"
                return
            }
            if request.unparsed.isEmpty {
                markAllRead(request)
            } else {
                // The copies not parsed are read from their files by the executable, off the key path.
                markingAll = request
                message = "Marking \(request.counted) read…"
                self.request(.collectComments(request.unparsed))
            }
        }
    }

    /// The comment ids of the stories not parsed have arrived: the marking asked for is done.
    mutating func receiveCollectedComments(_ ids: [String: [CommentID]]) {
        guard var request = markingAll else { return }
        markingAll = nil
        for (story, comments) in ids { request.add(comments, of: story) }
        markAllRead(request)
    }

    /// Marks the stories and their comments read, as one undo step.
    private mutating func markAllRead(_ request: MarkAllRequest) {
        let changes = changeMarks { state in
            for summary in request.stories {
                state.setStory(summary.id, read: true)
                // A story whose file could not be read again keeps its comments as they were.
                if let ids = request.commentIDs[summary.id] { state.setComments(ids, in: summary.id, read: true) }
            }
        }
        if focus != .stories { commentPane.newThisVisit.removeAll() }
        guard let step = UndoStep(command: Command.markAllRead.name, undoing: changes) else {
            message = "Nothing unread any more: nothing marked"
            return
        }
        readState.recordUndo(step)
        // Counted as the question counts (a story whose text was read and some of its comments not is one
        // of the stories), from what was marked: the same words as `u`'s, and true also where the question
        // could only guess (copies of a story each holding a reply the other lacks).
        let marked = step.summaryCountingEveryStory
        message = marked.prefix(1).uppercased() + marked.dropFirst() + " (u undoes)"
    }

    /// Changes marks, and keeps every list entry's unread count in step with them (a mark-all-read or an
    /// undo reaches stories not open). Returns the changes made.
    mutating func changeMarks(_ body: (inout ReadState) -> Void) -> [ReadState.Change] {
        let before = readState.journal.count
        body(&readState)
        let changes = Array(readState.journal.dropFirst(before))
        guard !changes.isEmpty else { return [] }
        noteStoriesMarked(since: before)
        readStateRevision += 1
        // The journal holds only what really changed, so counting the changes is exact.
        var delta: [String: Int] = [:]
        for change in changes {
            if case .comments(let id, let ids, let read) = change { delta[id, default: 0] += read ? -ids.count : ids.count }
        }
        if !delta.isEmpty {
            for index in entries.indices {
                guard let change = delta[entries[index].summary.id] else { continue }
                entries[index].unreadComments = min(max(0, entries[index].unreadComments + change), entries[index].summary.commentCount)
            }
        }
        return changes
    }
}
