import TidingsModel

/// Choosing a story: a story parsed before is shown at once; otherwise it is asked for with an effect and
/// shown when it arrives, while keys keep working.
extension AppState {
    mutating func selectStory(_ index: Int, then intent: ArrivalIntent = .none) {
        guard !entries.isEmpty else { return }
        let clamped = min(max(0, index), entries.count - 1)
        // A story gone from the disk is never selected again.
        guard !gone.contains(clamped) else { return }
        if clamped == selectedStory, currentStory != nil || loadingStory == clamped { return }
        let left = selectedStory
        if left != clamped {
            rememberCurrentPlace()
        }
        selectedStory = clamped
        keepSelectionListed(leaving: left)
        onArrival = intent
        if let story = parsedStories.story(at: clamped, id: entries[clamped].summary.id) {
            loadingStory = nil
            show(story)
        } else {
            currentStory = nil
            thread = nil
            selectedComment = nil
            storyTextCache = nil
            textTop = 0
            loadingStory = clamped
            request(.loadStory(index: clamped, summary: entries[clamped].summary))
        }
    }

    /// A parsed story (or the reason it could not be) arrives from the executable.
    mutating func receive(_ result: Result<Story, LoadProblem>, at index: Int, for asked: StorySummary? = nil) {
        guard entries.indices.contains(index) else { return }
        // An answer to an older request for this place, which was asked for again since with another summary
        // (a thread listed early with its first message, then whole): the latest answer is waited for.
        if let asked, let latest = latestLoad, latest.index == index, latest.summary != asked { return }
        let summary = entries[index].summary
        let story: Story
        switch result {
        case .success(let found):
            story = found
            parsedStories.insert(found, at: index)
        case .failure(let problem):
            guard index == loadingStory else { return }
            message = "\(problem.path): \(problem.reason)"
            story = Story(placeholderFor: summary)
        }
        guard index == loadingStory, index == selectedStory else { return }
        loadingStory = nil
        show(story)
        settle()
    }

    /// Shows a story: resets the comment pane for it and marks it opened when a reading pane has focus.
    private mutating func show(_ story: Story) {
        // The same story read again (it has more replies now, its file changed): the same comment stays
        // selected, its folds stay folded, and its text stays where it was scrolled to.
        // A mail thread whose first message arrived is known by another id now: the same story all the same.
        if let current = currentStory, story.wasKnown(as: current.id) {
            places.rename(current.id, to: story.id)
            currentStory?.id = story.id
        }
        let kept = currentStory?.id == story.id ? selectedComment.flatMap { currentStory?.comments[$0].id } : nil
        let anotherStory = currentStory?.id != story.id
        let visit = anotherStory ? nil : currentStory.map { (story: $0, pane: commentPane) }
        if !anotherStory { rememberCurrentPlace() }
        let keptTextTop = anotherStory ? 0 : textTop
        currentStory = story
        // The file may have changed since the list was made: the list shows it as it is now.
        let tallied = unreadContribution(of: selectedStory)
        entries[selectedStory] = StoryEntry(story: story, readState: readState)
        adjustUnreadTally(for: selectedStory, before: tallied, revisionBefore: readStateRevision)
        storyTextCache = nil
        commentPane = CommentPaneState(story: story, readState: readState,
                                       layout: CommentLayout(width: commentPane.layout.width, ages: ageClock, quotes: quoteFold))
        // Read again during the visit: what it showed and found new stays so (a comment marked unread is
        // not marked read again by being on screen).
        if let visit { commentPane.continueVisit(visit.pane, of: visit.story, in: story, readState: readState) }
        keepCommentsMarkedUnread(in: story)
        textTop = keptTextTop
        if focus != .stories { markStoryOpened() }
        // Back to a story visited before (or read again): its folds and selected comment as they were left.
        restorePlace(of: story)
        if let kept, let index = story.comments.firstIndex(where: { $0.id == kept }) { selectComment(index) }
        switch onArrival {
        case .none: break
        case .selectFirstUnread:
            if let first = story.comments.indices.first(where: { isUnread(comment: $0) }) {
                selectComment(first)
                commentPane.selectedByNextUnread = first
            }
        case .storyTextElseFirstUnread:
            if let first = story.comments.indices.first(where: { isUnread(comment: $0) }) {
                selectComment(first)
                commentPane.selectedByNextUnread = first
            }
            if Self.opensAtText(story) {
                focus(.text)
                textTop = 0
            } else {
                focus(.comments)
            }
        case .selectLastUnread:
            if let last = story.comments.indices.last(where: { isUnread(comment: $0) }) { selectComment(last) }
        }
        onArrival = .none
        needsFrame = true
        replayHeldKeys()
    }
}
