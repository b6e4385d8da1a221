import TidingsModel

/// Scrolling and selection in the comment pane. The viewport is anchored on a comment (and a line within
/// it) rather than on a row number, so collapsing or expanding keeps the selected comment on its row.
extension AppState {
    var commentPaneHeight: Int { layout.comments?.height ?? 0 }

    mutating func keepCommentVisible(height: Int) {
        guard let thread, let selected = selectedComment, height > 0 else { return }
        if thread.position(of: commentTop) == nil { commentTop = selected; commentTopLine = 0 }
        guard let selectedPosition = thread.position(of: selected),
              let topPosition = thread.position(of: commentTop) else { return }
        if selectedPosition < topPosition || (selectedPosition == topPosition && commentTopLine > 0) {
            commentTop = selected
            commentTopLine = 0
            return
        }
        // Rows from the top of the pane to the end of the selected comment, counted only while they fit.
        var rows = -commentTopLine
        var position = topPosition
        while position <= selectedPosition {
            rows += commentLayout.height(of: thread.visible[position], in: thread)
            if rows > height { break }
            position += 1
        }
        if rows <= height { return }
        // Scroll so the selected comment ends on the last row, or starts on the first if it is taller.
        var above = commentLayout.height(of: selected, in: thread)
        var top = selectedPosition
        if above >= height {
            commentTop = selected
            commentTopLine = 0
            return
        }
        while top > 0 {
            let previousHeight = commentLayout.height(of: thread.visible[top - 1], in: thread)
            if above + previousHeight > height {
                commentTop = thread.visible[top - 1]
                commentTopLine = above + previousHeight - height
                return
            }
            above += previousHeight
            top -= 1
        }
        commentTop = thread.visible[0]
        commentTopLine = 0
    }

    /// The comments with at least one line in the pane, top to bottom.
    mutating func commentsOnScreen(height: Int) -> [(index: Int, lines: ArraySlice<CommentLine>)] {
        guard let thread, let topPosition = thread.position(of: commentTop), height > 0 else { return [] }
        var result: [(Int, ArraySlice<CommentLine>)] = []
        var rows = 0
        var position = topPosition
        while position < thread.visible.count, rows < height {
            let index = thread.visible[position]
            let all = commentLayout.lines(for: index, in: thread)
            let skip = position == topPosition ? min(commentTopLine, all.count) : 0
            let shown = all[skip..<min(all.count, skip + height - rows)]
            result.append((index, shown))
            rows += shown.count
            position += 1
        }
        return result
    }

    mutating func markShownCommentsRead(height: Int) {
        guard let story = currentStory else { return }
        let fresh = commentsOnScreen(height: height).map(\.index).filter { !shownComments.contains($0) }
        guard !fresh.isEmpty else { return }
        shownComments.formUnion(fresh)
        changeReadState { $0.setComments(fresh.map { story.comments[$0].id }, in: story.id, read: true) }
    }

    /// Moves the comment selection by `delta` visible comments.
    mutating func moveComment(by delta: Int) {
        guard let thread, let selected = selectedComment, let position = thread.position(of: selected) else { return }
        let target = min(max(0, position + delta), thread.visible.count - 1)
        selectedComment = thread.visible[target]
    }

    /// Moves about one pane height of rows, in whole comments.
    mutating func pageComments(forward: Bool) {
        guard let thread, let selected = selectedComment, var position = thread.position(of: selected) else { return }
        let height = max(1, commentPaneHeight - 1)
        var rows = 0
        while true {
            let next = forward ? position + 1 : position - 1
            guard thread.visible.indices.contains(next) else { break }
            rows += commentLayout.height(of: thread.visible[next], in: thread)
            position = next
            if rows >= height { break }
        }
        selectedComment = thread.visible[position]
    }

    mutating func expandComment() {
        guard var thread, let selected = selectedComment else { return }
        if thread.isCollapsed(selected) {
            thread.setCollapsed(selected, false)
            commentLayout.invalidate(selected)
            self.thread = thread
        } else if thread.hasReplies(selected) {
            selectedComment = selected + 1  // already open: step into the first reply
        }
    }

    mutating func collapseComment() {
        guard var thread, let selected = selectedComment else { return }
        if thread.hasReplies(selected), !thread.isCollapsed(selected) {
            thread.setCollapsed(selected, true)
            commentLayout.invalidate(selected)
            self.thread = thread
        } else if let parent = thread.comments[selected].parent {
            selectedComment = parent
        }
    }

    mutating func selectComment(_ index: Int) {
        guard var thread else { return }
        thread.reveal(index)
        commentLayout.invalidateAll()
        self.thread = thread
        selectedComment = index
    }
}
