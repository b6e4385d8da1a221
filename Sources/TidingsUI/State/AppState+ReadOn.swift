import TidingsModel

/// Space, as in slrn and mutt: a whole folder read with one key. From the list it opens the story at the
/// top of its text; in the text it pages, then goes on to the comments; in the comments it pages, and from
/// the end of the last one goes on to the next story with anything unread, in the order `n` uses, opened at
/// its text. Nothing is marked here: what is shown is marked as every other move marks it (focusing the
/// text opens the story, comments on screen in the focused comment pane are read).
extension AppState {
    mutating func readOn() -> CommandOutcome {
        guard hasStories else { return .nothingToDo("No stories") }
        switch focus {
        case .stories:
            openAtItsText()
        case .text:
            if !storyTextShowsItsEnd() {
                scrollStoryText(.pageDown)
            } else if thread?.isEmpty == false {
                focus(.comments)
                goToFirstComment()
            } else {
                return readOnToNextStory()
            }
        case .comments:
            if !commentsShowTheirEnd() {
                pageComments(forward: true)
            } else {
                return readOnToNextStory()
            }
        }
        return .done
    }

    /// The next story with anything unread, opened at the top of its text. When no other story has any,
    /// `n` decides: this story's own unread comments (in folds, or marked unread), else that nothing is left.
    private mutating func readOnToNextStory() -> CommandOutcome {
        guard let index = storyWithUnread(forward: true) else { return goToNextUnread() }
        let from = selectedStory
        selectStory(index)
        openAtItsText()
        message = arrivalMessage(index, from: from, forward: true)
        return .done
    }

    /// The selected story at the top of its text, or at its first comment when its text is only a note of the
    /// reader's ("(no story text)", a thread whose first message is not saved): nothing there to page.
    private mutating func openAtItsText() {
        if let story = currentStory, !Self.opensAtText(story) {
            focus(.comments)
            goToFirstComment()
        } else {
            focus(.text)
            textTop = 0
        }
    }

    /// Whether the story text pane shows the text's last line (or there is no pane to page).
    private mutating func storyTextShowsItsEnd() -> Bool {
        guard let body = layout.storyTextBody, body.height > 0 else { return true }
        return textTop + body.height >= storyTextLines(width: body.width).count
    }

    /// Whether the comment pane shows the last line of the last visible comment.
    private mutating func commentsShowTheirEnd() -> Bool {
        guard let thread, let last = thread.visible.last else { return true }
        guard let shown = commentsOnScreen(height: commentPaneHeight).last, shown.index == last else { return false }
        return shown.lines.endIndex >= commentPane.layout.height(of: last, in: thread)
    }
}
