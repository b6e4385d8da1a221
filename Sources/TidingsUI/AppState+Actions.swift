import TidingsModel

/// Keys in, state changes out: the reader's single update function.
extension AppState {
    /// Handles one key press.
    public mutating func handle(_ key: Key) {
        message = nil
        guard let action = keyMap.action(for: key) else {
            if layout.arrangement != .tooSmall { message = "\(key.label) is not bound to anything: ? shows the keys" }
            return
        }
        perform(action)
    }

    public mutating func perform(_ action: Action) {
        // While "Terminal too small" is shown nothing else is visible: only keys that change nothing act.
        if layout.arrangement == .tooSmall {
            switch action {
            case .quit, .quitNow: shouldQuit = true
            case .redraw: request(.redraw)
            case .suspend: request(.suspend)
            default: break
            }
            return
        }
        if overlay == .none { performInReader(action) } else { performOnPage(action) }
        settle()
    }

    private mutating func performInReader(_ action: Action) {
        switch action {
        case .quit, .quitNow: shouldQuit = true
        case .redraw: request(.redraw)
        case .suspend: request(.suspend)
        case .help: overlay = .help(top: 0)
        case .showProblems: overlay = .problems(top: 0)
        case .back: if focus != .stories { focus(.stories) }
        case .nextPane: moveFocus(forward: true)
        case .previousPane: moveFocus(forward: false)
        case .toggleRead: toggleRead()
        case .nextUnread: goToNextUnread()
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveFirst, .moveLast, .open, .expand, .collapse:
            switch focus {
            case .stories: performInStoryList(action)
            case .text: performInStoryText(action)
            case .comments: performInComments(action)
            }
        }
    }

    private mutating func moveFocus(forward: Bool) {
        let order = Focus.allCases
        let index = order.firstIndex(of: focus)!
        focus(order[(index + (forward ? 1 : order.count - 1)) % order.count])
    }

    mutating func focus(_ target: Focus) {
        focus = target
        if target != .stories { markStoryOpened() }
    }

    private mutating func performInStoryList(_ action: Action) {
        let page = max(1, (layout.storyList?.height ?? 1) - 1)
        switch action {
        case .moveUp: selectStory(selectedStory - 1)
        case .moveDown: selectStory(selectedStory + 1)
        case .pageUp: selectStory(selectedStory - page)
        case .pageDown: selectStory(selectedStory + page)
        case .moveFirst: selectStory(0)
        case .moveLast: selectStory(entries.count - 1)
        case .open, .expand:
            guard currentStory != nil else { return }
            focus(.comments)
        default: break
        }
    }

    private mutating func performInStoryText(_ action: Action) {
        let page = max(1, (layout.storyText?.height ?? 1) - 1)
        switch action {
        case .moveUp: textTop -= 1
        case .moveDown: textTop += 1
        case .pageUp: textTop -= page
        case .pageDown: textTop += page
        case .moveFirst: textTop = 0
        case .moveLast: textTop = Int.max / 2
        case .open, .expand: focus(.comments)
        case .collapse: focus(.stories)
        default: break
        }
    }

    private mutating func performInComments(_ action: Action) {
        switch action {
        case .moveUp: moveComment(by: -1)
        case .moveDown: moveComment(by: 1)
        case .pageUp: pageComments(forward: false)
        case .pageDown: pageComments(forward: true)
        case .moveFirst: goToFirstComment()
        case .moveLast: goToLastComment()
        case .expand: expandComment()
        case .collapse: collapseComment()
        case .open:
            guard let selected = selectedComment, let thread, thread.hasReplies(selected) else { return }
            if thread.isCollapsed(selected) { expandComment() } else { collapseComment() }
        default: break
        }
    }

    /// `r`: anything unread becomes read; only something read through and through becomes unread.
    private mutating func toggleRead() {
        guard let story = currentStory else { return }
        if focus == .comments, let selected = selectedComment, let thread {
            let ids = thread.subtree(selected).map(\.id)
            let markRead = ids.contains { !readState.isCommentRead($0, in: story.id) }
            // Marked unread on purpose: do not mark them read again just because they are on screen.
            let range = selected...(selected + story.comments[selected].descendantCount)
            shownComments.formUnion(range)
            if markRead { newThisVisit.subtract(range) }
            changeReadState { $0.setComments(ids, in: story.id, read: markRead) }
            message = (markRead ? "Marked read" : "Marked unread") + (ids.count > 1 ? " with \(ids.count - 1) replies" : "")
        } else {
            let markRead = !readState.isStoryRead(story.id) || readState.unreadCount(of: story) > 0
            shownComments.formUnion(story.comments.indices)
            if markRead { newThisVisit.removeAll() }
            changeReadState { state in
                let storyChanged = state.setStory(story.id, read: markRead)
                let commentsChanged = state.setComments(story.comments.map(\.id), in: story.id, read: markRead)
                return storyChanged || commentsChanged
            }
            message = markRead ? "Story marked read with its comments" : "Story marked unread with its comments"
        }
    }
}
