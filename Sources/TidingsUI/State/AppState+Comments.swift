import TidingsModel

/// Scrolling and selection in the comment pane. The viewport is anchored on a comment (and a line within
/// it) rather than on a row number, so collapsing or expanding keeps the selected comment on its row.
extension AppState {
    var commentPaneHeight: Int { layout.comments?.height ?? 0 }

    /// Scrolls as little as needed for the selected comment to be on screen, then fills the pane from below.
    mutating func keepCommentVisible(height: Int) {
        showSelectedComment(height: height)
        fillCommentPaneFromBelow(height: height)
    }

    private mutating func showSelectedComment(height: Int) {
        guard let thread, let selected = selectedComment, height > 0 else { return }
        if thread.position(of: commentPane.top) == nil { commentPane.top = selected; commentPane.topLine = 0 }
        // After a resize or a fold the top comment may have fewer lines than the offset into it.
        commentPane.topLine = max(0, min(commentPane.topLine, commentPane.layout.height(of: commentPane.top, in: thread) - 1))
        guard let selectedPosition = thread.position(of: selected),
              let topPosition = thread.position(of: commentPane.top) else { return }
        let selectedHeight = commentPane.layout.height(of: selected, in: thread)
        if selectedPosition < topPosition {
            commentPane.top = selected
            commentPane.topLine = 0
            return
        }
        if selectedPosition == topPosition {
            // A comment taller than the pane may be scrolled within; a shorter one is shown whole.
            if selectedHeight <= height { commentPane.topLine = 0 }
            return
        }
        // Rows from the top of the pane to the end of the selected comment, counted only while they fit.
        var rows = -commentPane.topLine
        var position = topPosition
        while position <= selectedPosition {
            rows += commentPane.layout.height(of: thread.visible[position], in: thread)
            if rows > height { break }
            position += 1
        }
        if rows <= height { return }
        // Scroll so the selected comment ends on the last row, or starts on the first if it is taller.
        var above = selectedHeight
        var top = selectedPosition
        if above >= height {
            commentPane.top = selected
            commentPane.topLine = 0
            return
        }
        while top > 0 {
            let previousHeight = commentPane.layout.height(of: thread.visible[top - 1], in: thread)
            if above + previousHeight >= height {
                commentPane.top = thread.visible[top - 1]
                commentPane.topLine = above + previousHeight - height
                return
            }
            above += previousHeight
            top -= 1
        }
        commentPane.top = thread.visible[0]
        commentPane.topLine = 0
    }

    /// When the thread ends above the pane's last row while lines are scrolled off above, scrolls back until
    /// its last line is on the last row (or its first line on the first), as End leaves it: a pane made taller,
    /// or a fold closed near the end, would otherwise leave blank rows below and hide comments above. The
    /// selected comment stays on screen, since only rows above it come into view.
    private mutating func fillCommentPaneFromBelow(height: Int) {
        guard let thread, height > 0, let topPosition = thread.position(of: commentPane.top),
              topPosition > 0 || commentPane.topLine > 0 else { return }
        // Rows from the top of the pane to the end of the thread, counted only while they fit.
        var rows = -commentPane.topLine
        for position in topPosition..<thread.visible.count {
            rows += commentPane.layout.height(of: thread.visible[position], in: thread)
            if rows >= height { return }
        }
        var missing = height - rows
        if commentPane.topLine >= missing {
            commentPane.topLine -= missing
            return
        }
        missing -= commentPane.topLine
        var top = topPosition
        while top > 0 {
            top -= 1
            let above = commentPane.layout.height(of: thread.visible[top], in: thread)
            if above >= missing {
                commentPane.top = thread.visible[top]
                commentPane.topLine = above - missing
                return
            }
            missing -= above
        }
        commentPane.top = thread.visible[0]
        commentPane.topLine = 0
    }

    /// When the selected comment is taller than the pane and not yet seen to its end (or start), scrolls
    /// within it by up to `lines` and returns true; otherwise the selection should move to another comment.
    mutating func scrollWithinSelectedComment(lines: Int, height: Int) -> Bool {
        guard let thread, let selected = selectedComment, height > 0,
              let selectedPosition = thread.position(of: selected),
              let topPosition = thread.position(of: commentPane.top) else { return false }
        let selectedHeight = commentPane.layout.height(of: selected, in: thread)
        guard selectedHeight > height else { return false }
        if lines < 0 {
            guard selected == commentPane.top, commentPane.topLine > 0 else { return false }
            commentPane.topLine = max(0, commentPane.topLine + lines)
            return true
        }
        // Rows above the selected comment's first line.
        var above = -commentPane.topLine
        for position in topPosition..<selectedPosition { above += commentPane.layout.height(of: thread.visible[position], in: thread) }
        if selected != commentPane.top {
            guard above + selectedHeight > height else { return false }
            commentPane.top = selected
            commentPane.topLine = 0
            return true
        }
        guard commentPane.topLine + height < selectedHeight else { return false }
        commentPane.topLine = min(selectedHeight - height, commentPane.topLine + lines)
        return true
    }

    /// The comments with at least one line in the pane, top to bottom.
    mutating func commentsOnScreen(height: Int) -> [(index: Int, lines: ArraySlice<CommentLine>)] {
        guard let thread, let topPosition = thread.position(of: commentPane.top), height > 0 else { return [] }
        var result: [(Int, ArraySlice<CommentLine>)] = []
        var rows = 0
        var position = topPosition
        while position < thread.visible.count, rows < height {
            let index = thread.visible[position]
            let all = commentPane.layout.lines(for: index, in: thread)
            let skip = position == topPosition ? min(commentPane.topLine, all.count) : 0
            let shown = all[skip..<min(all.count, skip + height - rows)]
            if !shown.isEmpty { result.append((index, shown)) }
            rows += shown.count
            position += 1
        }
        return result
    }

    mutating func markShownCommentsRead(height: Int) {
        guard let story = currentStory, let thread else { return }
        // A comment is read once its end has been on screen: its last row that is not the blank row between
        // threads. Its first lines peeking in at the foot of the pane, a tall one's top, or the one row of a
        // folded thread (the start of its first line) are not reading it.
        let fresh = commentsOnScreen(height: height).filter { shown in
            guard !commentPane.shown.contains(shown.index), let last = shown.lines.lastIndex(where: { $0.kind != .spacer }),
                  shown.lines[last].kind != .collapsedSummary else { return false }
            let all = commentPane.layout.lines(for: shown.index, in: thread)
            return !all[(last + 1)...].contains { $0.kind != .spacer }
        }.map(\.index)
        guard !fresh.isEmpty else { return }
        commentPane.shown.formUnion(fresh)
        // Stubs are shown but have no read mark: their ids are never stored.
        let ids = fresh.filter { story.comments[$0].isCounted }.map { story.comments[$0].id }
        guard !ids.isEmpty else { return }
        changeReadState { $0.setComments(ids, in: story.id, read: true) }
    }

    /// Moves the comment selection by `delta` visible comments.
    mutating func moveComment(by delta: Int) {
        if abs(delta) == 1, scrollWithinSelectedComment(lines: delta, height: commentPaneHeight) { return }
        guard let thread, let selected = selectedComment, let position = thread.position(of: selected) else { return }
        let target = min(max(0, position + delta), thread.visible.count - 1)
        selectedComment = thread.visible[target]
    }

    /// Home: the first line of the first comment.
    mutating func goToFirstComment() {
        guard let thread, let first = thread.visible.first else { return }
        selectedComment = first
        commentPane.top = first
        commentPane.topLine = 0
    }

    /// End: the last line of the last comment, even when that comment is taller than the pane.
    mutating func goToLastComment() {
        guard let thread, let last = thread.visible.last else { return }
        selectedComment = last
        let height = commentPaneHeight
        let lastHeight = commentPane.layout.height(of: last, in: thread)
        if height > 0, lastHeight > height {
            commentPane.top = last
            commentPane.topLine = lastHeight - height
        }
    }

    /// Whether the pane shows the last line of a last comment taller than itself (as End leaves it).
    mutating func isShowingTheEndOfATallLastComment() -> Bool {
        guard let thread, let last = thread.visible.last, selectedComment == last, commentPane.top == last,
              layout.comments != nil, commentPaneHeight > 0 else { return false }
        let lastHeight = commentPane.layout.height(of: last, in: thread)
        return lastHeight > commentPaneHeight && commentPane.topLine == lastHeight - commentPaneHeight
    }

    /// Moves about one pane height of rows, in whole comments. Forward, the comment on the pane's last row
    /// goes to the top and is selected: every line is on screen once at least, so reading on with PgDn or
    /// Space never passes over a comment (one moved past only by the selection would never be shown).
    mutating func pageComments(forward: Bool) {
        let height = max(1, commentPaneHeight - 1)
        if scrollWithinSelectedComment(lines: forward ? height : -height, height: commentPaneHeight) { return }
        guard let thread, let selected = selectedComment, var position = thread.position(of: selected) else { return }
        if forward, let top = thread.position(of: commentPane.top), let selectedPosition = thread.position(of: selected) {
            var rows = -commentPane.topLine
            var bottom = top
            var overflows = false
            while true {
                rows += commentPane.layout.height(of: thread.visible[bottom], in: thread)
                if rows >= commentPaneHeight {
                    overflows = rows > commentPaneHeight || bottom + 1 < thread.visible.count
                    break
                }
                guard bottom + 1 < thread.visible.count else { break }
                bottom += 1
            }
            if bottom > selectedPosition {
                selectedComment = thread.visible[bottom]
                // The rest is all on screen: only the selection moves, to the last comment.
                if overflows {
                    commentPane.top = thread.visible[bottom]
                    commentPane.topLine = 0
                }
                return
            }
            if bottom == selectedPosition {
                // The selected comment reaches the last row: cut off there, it goes to the top to be read
                // whole; ending there, the comment after it starts the next page. Stepping on by rows from the
                // selection would pass over comments never shown (and mark them read).
                if rows > commentPaneHeight, commentPane.top != selected {
                    commentPane.top = selected
                    commentPane.topLine = 0
                    return
                }
                if bottom + 1 < thread.visible.count {
                    selectedComment = thread.visible[bottom + 1]
                    commentPane.top = thread.visible[bottom + 1]
                    commentPane.topLine = 0
                    return
                }
            }
        }
        var rows = 0
        while true {
            let next = forward ? position + 1 : position - 1
            guard thread.visible.indices.contains(next) else { break }
            rows += commentPane.layout.height(of: thread.visible[next], in: thread)
            position = next
            if rows >= height { break }
        }
        selectedComment = thread.visible[position]
    }

    mutating func expandComment() {
        guard var thread, let selected = selectedComment else { return }
        if thread.isCollapsed(selected) {
            thread.setCollapsed(selected, false)
            commentPane.layout.invalidate(selected)
            self.thread = thread
        } else if thread.hasReplies(selected) {
            selectedComment = selected + 1  // already open: step into the first reply
        }
    }

    mutating func collapseComment() {
        guard var thread, let selected = selectedComment else { return }
        if thread.hasReplies(selected), !thread.isCollapsed(selected) {
            thread.setCollapsed(selected, true)
            commentPane.layout.invalidate(selected)
            self.thread = thread
        } else if let parent = thread.comments[selected].parent {
            selectedComment = parent
        }
    }

    mutating func selectComment(_ index: Int) {
        guard var thread else { return }
        thread.reveal(index)
        commentPane.layout.invalidateAll()
        self.thread = thread
        selectedComment = index
    }
}
