import TidingsModel

/// Keys in, state changes out: the reader's single update function.
extension AppState {
    /// Handles one key press.
    public mutating func handle(_ key: Key) {
        message = nil
        guard let action = keyMap.action(for: key) else {
            message = "\(key.label) is not bound to anything: ? shows the keys"
            return
        }
        perform(action)
    }

    public mutating func perform(_ action: Action) {
        switch overlay {
        case .help(let top): performInHelp(action, top: top)
        case .problems(let selected, let top): performInProblems(action, selected: selected, top: top)
        case .none: performInReader(action)
        }
        settle()
    }

    private mutating func performInReader(_ action: Action) {
        switch action {
        case .quit: shouldQuit = true
        case .help: overlay = .help(top: 0)
        case .showProblems:
            if problems.isEmpty { message = "Every file loaded without problems" } else { overlay = .problems(selected: 0, top: 0) }
        case .back: break
        case .nextPane: moveFocus(forward: true)
        case .previousPane: moveFocus(forward: false)
        case .toggleRead: toggleRead()
        case .nextUnread: goToNextUnread()
        default:
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
        case .moveFirst: moveComment(by: -Int.max / 2)
        case .moveLast: moveComment(by: Int.max / 2)
        case .expand: expandComment()
        case .collapse: collapseComment()
        case .open:
            guard let selected = selectedComment, let thread, thread.hasReplies(selected) else { return }
            if thread.isCollapsed(selected) { expandComment() } else { collapseComment() }
        default: break
        }
    }

    private mutating func toggleRead() {
        guard let story = currentStory else { return }
        if focus == .comments, let selected = selectedComment, let thread {
            let ids = thread.subtree(selected).map(\.id)
            let markRead = !readState.isCommentRead(story.comments[selected].id, in: story.id)
            // Marked unread on purpose: do not mark them read again just because they are on screen.
            let range = selected...(selected + story.comments[selected].descendantCount)
            shownComments.formUnion(range)
            if markRead { newThisVisit.subtract(range) }
            changeReadState { $0.setComments(ids, in: story.id, read: markRead) }
            message = (markRead ? "Marked read" : "Marked unread") + (ids.count > 1 ? " with \(ids.count - 1) replies" : "")
        } else {
            let markRead = !readState.isStoryRead(story.id)
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

    private mutating func goToNextUnread() {
        if focus == .comments, let story = currentStory, let selected = selectedComment {
            if let next = story.comments.indices.dropFirst(selected + 1).first(where: { isUnread(comment: $0) }) {
                selectComment(next)
                return
            }
            message = "No more unread comments in this story"
            return
        }
        guard !entries.isEmpty else {
            message = "No unread stories"
            return
        }
        let entries = self.entries, readState = self.readState
        let hasUnread = { (index: Int) in
            entries[index].unreadComments > 0 || !readState.isStoryRead(entries[index].summary.id)
        }
        if let next = (selectedStory + 1..<entries.count).first(where: hasUnread) ?? (0..<selectedStory).first(where: hasUnread) {
            selectStory(next)
            // Shown with the text or comment pane focused: that is opening it.
            if focus != .stories { markStoryOpened() }
        } else {
            message = "No unread stories"
        }
    }

    private mutating func performInHelp(_ action: Action, top: Int) {
        let lines = keyMap.helpLines().count + 4
        let height = layout.full.height
        switch action {
        case .moveUp: overlay = .help(top: max(0, top - 1))
        case .moveDown: overlay = .help(top: max(0, min(top + 1, lines - height)))
        case .pageUp: overlay = .help(top: max(0, top - height))
        case .pageDown: overlay = .help(top: max(0, min(top + height, lines - height)))
        case .help, .back, .quit: overlay = .none
        default: break
        }
    }

    private mutating func performInProblems(_ action: Action, selected: Int, top: Int) {
        let height = max(1, layout.full.height - 2)
        var selected = selected
        switch action {
        case .moveUp: selected -= 1
        case .moveDown: selected += 1
        case .pageUp: selected -= height
        case .pageDown: selected += height
        case .moveFirst: selected = 0
        case .moveLast: selected = problems.count - 1
        case .showProblems, .back, .quit, .help:
            overlay = .none
            return
        default: break
        }
        selected = min(max(0, selected), max(0, problems.count - 1))
        var top = top
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        overlay = .problems(selected: selected, top: top)
    }
}
