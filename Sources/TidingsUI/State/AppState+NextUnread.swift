import TidingsModel

/// `n`: the next unread comment after the selection, then on through the collection (wrapping) to the
/// next story with anything unread, until nothing unread is left anywhere.
extension AppState {
    mutating func goToNextUnread() -> CommandOutcome {
        guard !entries.isEmpty else { return .nothingToDo("No stories") }
        let inComments = focus == .comments
        // From the list or the text: the selected story first, if anything in it is unread.
        if !inComments, storyHasUnread(selectedStory) {
            focus(.comments)
            if let first = currentStory?.comments.indices.first(where: { isUnread(comment: $0) }) { selectComment(first) }
            return .done
        }
        if inComments, let story = currentStory {
            let start = selectedComment.map { $0 + 1 } ?? 0
            if let next = story.comments.indices.dropFirst(start).first(where: { isUnread(comment: $0) }) {
                selectComment(next)
                return .done
            }
        }
        for offset in 1..<max(1, entries.count) {
            let index = (selectedStory + offset) % entries.count
            guard storyHasUnread(index) else { continue }
            // Opened in the comment pane at its first unread comment (once it is parsed, if it is not yet).
            selectStory(index, then: .selectFirstUnread)
            focus(.comments)
            message = entries[index].unreadComments > 0 ? "Next story with unread comments" : "Next unread story"
            return .done
        }
        // Back round to the story we started in: comments above the selection, or the story itself.
        if inComments, let story = currentStory,
           let first = story.comments.indices.prefix(selectedComment ?? 0).first(where: { isUnread(comment: $0) }) {
            selectComment(first)
            message = "Back to the first unread comment in this story"
            return .done
        }
        return .nothingToDo("Nothing unread left in the collection")
    }

    /// Whether a story in the list is unread or has unread comments (counted live for the open story).
    func storyHasUnread(_ index: Int) -> Bool {
        let entry = entries[index]
        if !readState.isStoryRead(entry.summary.id) { return true }
        if index == selectedStory, let story = currentStory { return readState.unreadCount(of: story) > 0 }
        return entry.unreadComments > 0
    }
}
