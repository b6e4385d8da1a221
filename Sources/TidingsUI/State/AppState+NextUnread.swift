import TidingsModel

/// `n`: the next unread comment after the selection, then on through the collection (wrapping) to the
/// next story with anything unread, until nothing unread is left anywhere.
extension AppState {
    mutating func goToNextUnread() -> CommandOutcome {
        let outcome = nextUnread()
        // The comment it chose (a story still loading chooses on arrival, `ArrivalIntent`).
        if focus == .comments { commentPane.selectedByNextUnread = selectedComment }
        return outcome
    }

    private mutating func nextUnread() -> CommandOutcome {
        guard hasStories else { return .nothingToDo("No stories") }
        let inComments = focus == .comments
        // From the list or the text: the selected story first, if anything in it is unread.
        if !inComments, storyHasUnread(selectedStory) {
            // From the list, a story not read yet opens at its text, as it does arriving from another story.
            if focus == .stories, !readState.isStoryRead(entries[selectedStory].keys.id) {
                guard let story = currentStory else {
                    onArrival = .storyTextElseFirstUnread
                    focus(.comments)
                    return .done
                }
                if Self.opensAtText(story) {
                    focus(.text)
                    textTop = 0
                    return .done
                }
            }
            focus(.comments)
            if let first = currentStory?.comments.indices.first(where: { isUnread(comment: $0) }) { selectComment(first) }
            return .done
        }
        if inComments { readSelectedCommentMovingOn() }
        if inComments, let story = currentStory {
            let start = selectedComment.map { $0 + 1 } ?? 0
            if let next = story.comments.indices.dropFirst(start).first(where: { isUnread(comment: $0) }) {
                selectComment(next)
                return .done
            }
        }
        if let index = storyWithUnread(forward: true) {
            // Opened in the comment pane at its first unread comment (once it is parsed, if it is not yet); a
            // story not read yet at its text, when it has one: its first message is unread too.
            let from = selectedStory
            let intent: ArrivalIntent = readState.isStoryRead(entries[index].keys.id) ? .selectFirstUnread : .storyTextElseFirstUnread
            selectStory(index, then: intent)
            // Shown already, the story has taken its pane; still being parsed, it waits in the comment pane.
            if intent == .selectFirstUnread || onArrival == intent { focus(.comments) }
            message = arrivalMessage(index, from: from, forward: true)
            return .done
        }
        // Back round to the story we started in: comments above the selection, or the story itself.
        if inComments, let story = currentStory,
           let first = story.comments.indices.prefix(selectedComment ?? 0).first(where: { isUnread(comment: $0) }) {
            selectComment(first)
            message = "Back to the first unread comment in this story"
            return .done
        }
        return .nothingToDo(activeQuery == nil ? "Nothing unread left in the collection" : "Nothing unread left in the stories the search lists")
    }

    /// The first story with anything unread after the selected one (before it, backwards) in the order
    /// the list shows, wrapping round; nil when no other listed story has anything unread. With `H` on, the
    /// stories not listed have nothing unread: the rows are all there is to look at.
    func storyWithUnread(forward: Bool) -> Int? {
        let count = rows.count
        guard count > 1 else { return nil }
        let start = rows.row(ofEntry: selectedStory) ?? 0
        for offset in 1..<count {
            let entry = rows.entry(atRow: (start + (forward ? offset : count - offset)) % count)
            if storyHasUnread(entry) { return entry }
        }
        return nil
    }

    /// What the status line says on arriving at another story with something unread, coming from the story
    /// at `from`; a search that went round the end of the list says so, as mutt does.
    func arrivalMessage(_ index: Int, from: Int, forward: Bool) -> String {
        let what = entries[index].unreadComments > 0
            ? (forward ? "Next story with unread comments" : "Previous story with unread comments")
            : (forward ? "Next unread story" : "Previous unread story")
        guard let arrived = rows.row(ofEntry: index), let left = rows.row(ofEntry: from) else { return what }
        if forward, arrived < left { return what + " (from the top of the list)" }
        if !forward, arrived > left { return what + " (from the end of the list)" }
        return what
    }

    /// `n` moves on from the selected comment: the reader is done with it, read to its end or not (a patch
    /// taller than the pane), as mutt and slrn take the message next-unread leaves; else `n` alone would go
    /// round a thread of tall messages for ever. One the reader marked unread after it was shown stays so,
    /// unless `n` came to it since (a story marked unread to read again is read again with `n`).
    mutating func readSelectedCommentMovingOn() {
        guard let story = currentStory, let selected = selectedComment, story.comments.indices.contains(selected),
              story.comments[selected].isCounted, isUnread(comment: selected),
              !commentPane.shown.contains(selected) || commentPane.selectedByNextUnread == selected else { return }
        commentPane.shown.insert(selected)
        changeReadState { $0.setComments([story.comments[selected].id], in: story.id, read: true) }
    }

    /// Whether a story has text of its own to show (a link alone has none, nor a thread whose first message
    /// is not saved: its comments are what is read).
    static func hasText(_ story: Story) -> Bool { !story.bodyIsNote && (!story.body.isEmpty || !story.attachments.isEmpty) }

    /// Whether a story is read from its text pane first: it has text, or nothing else to show (a link with no
    /// comments saved: its title, link and points).
    static func opensAtText(_ story: Story) -> Bool { hasText(story) || story.comments.isEmpty }

    /// Whether a story in the list is unread or has unread comments (counted live for the open story).
    func storyHasUnread(_ index: Int) -> Bool {
        let entry = entries[index]
        if !readState.isStoryRead(entry.keys.id) { return true }
        if index == selectedStory, let story = currentStory { return readState.unreadCount(of: story) > 0 }
        return entry.unreadComments > 0
    }
}
