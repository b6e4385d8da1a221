import TidingsModel

/// Long quotes folded or shown in full: one setting for the session (like mutt's toggle-quoted), so every
/// message reads the same way until it is changed again.
extension AppState {
    /// How the panes lay out quotes now; the key named on a fold's row is the one bound in the comments.
    var quoteFold: QuoteFold {
        QuoteFold(folded: !quotesShown, key: keyMap.keys(for: .toggleQuotes, in: .comments).first?.description)
    }

    /// `T`: the other way of showing quotes, in the story text and every comment. Every cached layout is made
    /// again, and a comment the pane was scrolled within keeps as much of itself in view as still fits.
    mutating func toggleQuotes() {
        quotesShown.toggle()
        storyTextCache = nil
        layOutCommentsAgain()
        message = quotesShown ? "Quotes shown in full" : "Long quotes folded"
    }

    /// The comment layout made again for a changed setting (quotes, dates): a comment the pane was scrolled
    /// within keeps as much of itself in view as still fits.
    mutating func layOutCommentsAgain() {
        commentPane.layout = CommentLayout(width: commentPane.layout.width, ages: ageClock, quotes: quoteFold)
        if let thread, thread.position(of: commentPane.top) != nil {
            let topHeight = commentPane.layout.height(of: commentPane.top, in: thread)
            let paneHeight = commentPaneHeight
            let last = commentPane.top == selectedComment && paneHeight > 0 ? topHeight - paneHeight : topHeight - 1
            commentPane.topLine = max(0, min(commentPane.topLine, last))
        }
    }
}
