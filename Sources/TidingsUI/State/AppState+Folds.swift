import TidingsModel

/// `C`, `E` and `c`: folds of the whole open story at once. The selection stays on a visible comment (the
/// fold that now hides it) and the pane keeps it on screen.
extension AppState {
    /// Why a command on the open story's comments has nothing to act on; nil when it has.
    var noCommentsReason: String? {
        guard hasStories, let story = currentStory else { return "No story is open" }
        return story.comments.isEmpty ? "This story has no comments" : nil
    }

    mutating func collapseAllThreads() -> CommandOutcome {
        if let reason = noCommentsReason { return .nothingToDo(reason) }
        guard let thread else { return .done }
        let folds = thread.topLevelFolds
        if folds.isEmpty { return .nothingToDo("No comment here has replies to fold") }
        if folds == thread.collapsed { return .nothingToDo("Every thread is collapsed already") }
        applyFolds(folds)
        message = folds.count == 1 ? "1 thread collapsed" : "\(folds.count) threads collapsed"
        return .done
    }

    mutating func expandAllThreads() -> CommandOutcome {
        if let reason = noCommentsReason { return .nothingToDo(reason) }
        guard let thread else { return .done }
        if thread.collapsed.isEmpty { return .nothingToDo("Every thread is open already") }
        applyFolds([])
        message = "Every thread expanded"
        return .done
    }

    mutating func collapseReadThreads() -> CommandOutcome {
        if let reason = noCommentsReason { return .nothingToDo(reason) }
        guard let thread else { return .done }
        let folds = thread.readFolds { isUnread(comment: $0) }
        if folds == thread.collapsed {
            // Comments without replies have nothing to fold, read or not: say that, not that nothing is read.
            if folds.isEmpty, thread.topLevelFolds.isEmpty { return .nothingToDo("No comment here has replies to fold") }
            return .nothingToDo(folds.isEmpty ? "No thread here is all read" : "The read threads are collapsed already")
        }
        applyFolds(folds)
        switch folds.count {
        case 0: message = "Threads with unread comments opened"
        case 1: message = "1 read thread collapsed"
        default: message = "\(folds.count) read threads collapsed"
        }
        return .done
    }

    /// Sets the folds, then moves the selection and the pane's top comment onto the fold that hides them,
    /// if one does: the pane then scrolls no further than it must to show the selection.
    private mutating func applyFolds(_ folds: Set<Int>) {
        guard var thread else { return }
        thread.setCollapsed(folds)
        if let selected = selectedComment { selectedComment = thread.visibleSelfOrAncestor(of: selected) }
        let top = thread.visibleSelfOrAncestor(of: commentPane.top)
        if top != commentPane.top {
            commentPane.top = top
            commentPane.topLine = 0
        }
        commentPane.layout.invalidateAll()
        self.thread = thread
    }
}
