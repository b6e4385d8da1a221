import TidingsModel

/// `N`: `n` backwards. The previous unread comment before the selection, then back through the collection
/// (wrapping) to the previous story with anything unread, arriving at its last unread comment. Folded
/// threads on the way are opened. Outside the comment pane the selected story counts as not yet entered,
/// so its own comments come last, after every other story.
extension AppState {
    mutating func goToPreviousUnread() -> CommandOutcome {
        guard hasStories else { return .nothingToDo("No stories") }
        let inComments = focus == .comments
        if inComments, let story = currentStory, let selected = selectedComment,
           let previous = story.comments.indices.prefix(selected).last(where: { isUnread(comment: $0) }) {
            selectComment(previous)
            return .done
        }
        if let index = storyWithUnread(forward: false) {
            let from = selectedStory
            // A story not read yet: its text, which showing it would read (as `n` does); one read before, its
            // last unread comment.
            let textFirst = !readState.isStoryRead(entries[index].keys.id)
            let intent: ArrivalIntent = textFirst ? .storyTextElseFirstUnread : .selectLastUnread
            selectStory(index, then: intent)
            if !textFirst || onArrival == intent { focus(.comments) }
            message = arrivalMessage(index, from: from, forward: false)
            return .done
        }
        // Back round to the story we started in: comments below the selection, or the story itself.
        guard let story = currentStory else { return .nothingToDo(activeQuery == nil ? "Nothing unread left in the collection" : "Nothing unread left in the stories the search lists") }
        let after = inComments ? (selectedComment ?? -1) + 1 : 0
        if let last = story.comments.indices.dropFirst(after).last(where: { isUnread(comment: $0) }) {
            if inComments { message = "Back to the last unread comment in this story" }
            focus(.comments)
            selectComment(last)
            return .done
        }
        if !inComments, storyHasUnread(selectedStory) {
            // Not read yet: its text first.
            if focus == .stories, let story = currentStory, Self.opensAtText(story) {
                focus(.text)
                textTop = 0
            } else {
                focus(.comments)
            }
            return .done
        }
        return .nothingToDo(activeQuery == nil ? "Nothing unread left in the collection" : "Nothing unread left in the stories the search lists")
    }
}
