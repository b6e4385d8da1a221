import TidingsModel

/// Keys in, state changes out: a key is resolved in the current context to a command, and the command run.
extension AppState {
    /// Where keys go now: the open page, or the focused pane.
    public var inputContext: InputContext {
        switch overlay {
        case .help: return .help
        case .problems: return .problems
        case .none:
            switch focus {
            case .stories: return .storyList
            case .text: return .storyText
            case .comments: return .comments
            }
        }
    }

    /// A key that ends the link number being typed and is then handled as itself: any but a digit, Enter,
    /// Esc and the keys that edit the line.
    static func leavesLinkNumber(_ key: KeyPress) -> Bool {
        // Keys with Ctrl or Alt stay the line's (C-u, C-w edit it; the others do nothing there).
        guard key.modifiers.subtracting([.shift]).isEmpty else { return false }
        switch key.base {
        case .character(let character): return !(character.isASCII && character.isNumber)
        default: return false
        }
    }

    /// Handles one key press: nil while it is the start of a longer key sequence, or while it waits for the
    /// selected story to arrive.
    @discardableResult
    public mutating func handle(_ key: KeyPress) -> CommandOutcome? {
        // Keys that need the story being parsed wait for it, and every key after them too, so a quick
        // `j r` marks the story it moved to instead of saying it is still loading.
        if !heldKeys.isEmpty {
            heldKeys.append(key)
            return nil
        }
        // A question on the status line takes the next key, whatever it is.
        if question != nil {
            answerQuestion(with: key)
            return .done
        }
        // So does a line being typed, until Enter or Esc (C-c still quits, C-z still suspends).
        if prompt != nil, key != .control("c"), key != .control("z") {
            // On the line for a link's number, a key that types no digit (`j`, `q`) is no part of it: the
            // line is dropped and the key does what it does, as a reader typing on expects.
            if case .linkNumber? = prompt?.purpose, Self.leavesLinkNumber(key) {
                prompt = nil
                promptProblem = nil
            } else {
                message = nil
                handlePromptKey(key)
                return .done
            }
        }
        // Enter right after a number that opened its link without it (`3` of 17 links, `12` of 13): the Enter
        // a reader typing numbers adds ends the number, as on the number's line; it does not fold a thread.
        let afterNumber = linkOpenedByNumber
        linkOpenedByNumber = nil
        if let afterNumber, key == .enter, pendingKeys.isEmpty, now.timeIntervalSince(afterNumber) < 1 { return .done }
        let keys = pendingKeys + [key]
        // The "too small" screen says `q` quits: keys mean there what they mean in the reader, whatever page
        // is open underneath.
        let context = layout.arrangement == .tooSmall ? .storyList : inputContext
        let resolution = keyMap.resolve(keys, in: context)
        if loadingStory != nil, case .command(let command) = resolution, needsStoryContent(command, in: context) {
            heldKeys.append(key)
            return nil
        }
        message = nil
        pendingKeys = keys
        switch resolution {
        case .pending:
            return nil
        case .unbound:
            pendingKeys = []
            textMatchPlace = nil
            let reason = "\(keys.map(\.description).joined(separator: " ")) does nothing in the \(inputContext.rawValue): ? shows the keys"
            if layout.arrangement != .tooSmall { sayForNow(reason) }
            return .nothingToDo(reason)
        case .command(let command):
            pendingKeys = []
            // The user acts: the selection no longer follows the search's first match.
            stopFollowingFirstHit()
            commandKey = key
            defer { commandKey = nil }
            return run(command)
        }
    }

    /// Whether a command reads the selected story's text or comments when run in `context`.
    private func needsStoryContent(_ command: Command, in context: InputContext) -> Bool {
        // Every command named, so a new one has to be placed here too.
        switch command {
        case .toggleRead, .toggleFold, .expandThread, .collapseThread, .nextUnread, .previousUnread, .parentComment, .nextMatch, .previousMatch,
             .nextSibling, .previousSibling, .nextThread, .previousThread, .collapseAll, .expandAll, .collapseRead,
             .openLink, .openNumberedLink, .copyLink:
            return true
        case .moveUp, .moveDown, .pageUp, .pageDown, .goTop, .goBottom:
            return context == .storyText || context == .comments
        // From the list it only opens the story; in a reading pane it needs the text's or comments' end.
        case .readOn:
            return context == .storyText || context == .comments
        // In the story list it marks the stories listed; elsewhere the open story, whose comments it needs.
        case .markAllRead:
            return context != .storyList
        // Undo restores marks by id, whatever is open.
        case .undo:
            return false
        // Quotes are folded or shown in every story alike: a setting of the session, not of this story.
        case .nextPane, .previousPane, .openStory, .focusStories, .showHelp, .showProblems, .closePage, .quit,
             .quitNow, .redraw, .suspend, .toggleQuotes, .toggleDates, .zoomPane, .toggleHideRead, .sortNext, .sortPrevious, .search, .clearSearch, .rescan:
            return false
        // A find in the comments waits for them, so it finds from the comment the story opens on.
        case .findInPane:
            return context == .comments
        }
    }

    /// Replays the keys held while a story was parsed, in order; they wait again if one selects another
    /// story that is not parsed yet.
    mutating func replayHeldKeys() {
        var keys = heldKeys[...]
        heldKeys = []
        while let key = keys.popFirst() {
            handle(key)
            if !heldKeys.isEmpty {
                heldKeys += keys
                return
            }
        }
    }

    /// Runs a command where it applies and says what came of it (a reason goes to the status line).
    @discardableResult
    public mutating func run(_ command: Command) -> CommandOutcome {
        let spec = command.spec
        // While "Terminal too small" is shown nothing else is visible: only commands that change nothing act.
        if layout.arrangement == .tooSmall {
            guard spec.actsWhenHidden else { return .nothingToDo("the terminal is too small to show the reader") }
            return execute(command)
        }
        guard spec.contexts.contains(inputContext) else {
            let reason = "\(command.name) does nothing in the \(inputContext.rawValue)"
            sayForNow(reason)
            return .nothingToDo(reason)
        }
        switch spec.needs {
        case .selectedStory?:
            if !hasStories { return report(.nothingToDo("No story is open")) }
            // A search that matched nothing lists no story: nothing is selected to act on.
            if rows.isEmpty, activeQuery != nil { return report(.nothingToDo("No story matches the search: Esc shows every story")) }
            if currentStory == nil, command == .toggleRead { return report(.nothingToDo("The story is still loading")) }
        case .selectedComment?: if selectedComment == nil { return report(.nothingToDo("No comment is selected")) }
        case nil: break
        }
        // Steps through matches go on from the last one only while nothing else was done in between.
        if command != .nextMatch, command != .previousMatch { textMatchPlace = nil }
        let journalBefore = readState.journal.count
        let outcome = execute(command)
        settle()
        recordReadMarkChanges(by: command, since: journalBefore)
        return report(outcome)
    }

    /// A message for the status line that the problem list's recent messages do not keep: a key that does
    /// nothing where it was pressed says nothing worth reading again (keys typed on the problem page filled
    /// its list with them).
    mutating func sayForNow(_ text: String) {
        // One the status line cannot show whole is kept after all: its `(p: all)` must lead to it.
        guard DisplayWidth.of(text) < width - 12 else {
            message = text
            return
        }
        recordsMessage = false
        message = text
        recordsMessage = true
    }

    /// Shows why a command did nothing (or failed) on the status line; the outcome passes through.
    @discardableResult
    mutating func report(_ outcome: CommandOutcome) -> CommandOutcome {
        switch outcome {
        case .done: break
        case .nothingToDo(let reason), .failed(let reason): message = reason
        }
        return outcome
    }

    /// One case per command, and no default: a command added to the table without handling does not compile.
    private mutating func execute(_ command: Command) -> CommandOutcome {
        switch command {
        case .moveUp, .moveDown, .pageUp, .pageDown, .goTop, .goBottom:
            switch inputContext {
            case .storyList: moveInStoryList(command)
            case .storyText: scrollStoryText(command)
            case .comments: moveInComments(command)
            case .help, .problems: scrollPage(command)
            case .prompt: break
            }
            return .done
        case .nextPane: moveFocus(forward: true)
        case .previousPane: moveFocus(forward: false)
        case .openStory: return openStory()
        case .readOn: return readOn()
        case .toggleFold:
            guard let selected = selectedComment, let thread, thread.hasReplies(selected) else {
                if let selected = selectedComment, currentStory?.comments[selected].kind == .unsaved {
                    return .nothingToDo("Not a comment: these replies were not saved")
                }
                return .nothingToDo("This comment has no replies to fold")
            }
            if thread.isCollapsed(selected) { expandComment() } else { collapseComment() }
        case .expandThread: expandComment()
        case .collapseThread: collapseComment()
        case .toggleRead: return toggleRead()
        case .toggleHideRead: return toggleHideRead()
        case .markAllRead: return askToMarkAllRead()
        case .undo: return undoLastMarking()
        case .sortNext: return cycleSort(forward: true)
        case .sortPrevious: return cycleSort(forward: false)
        case .rescan: return rescan()
        case .nextUnread: return goToNextUnread()
        case .previousUnread: return goToPreviousUnread()
        case .parentComment: return goToParentComment()
        case .nextSibling: return goToSibling(forward: true)
        case .previousSibling: return goToSibling(forward: false)
        case .nextThread: return goToThread(forward: true)
        case .previousThread: return goToThread(forward: false)
        case .collapseAll: return collapseAllThreads()
        case .expandAll: return expandAllThreads()
        case .collapseRead: return collapseReadThreads()
        case .toggleQuotes: toggleQuotes()
        case .toggleDates: toggleDates()
        case .zoomPane:
            zoomed.toggle()
            if zoomed, let key = keyMap.keys(for: .zoomPane, in: inputContext).first { message = "One pane at a time: \(key) shows them all again" }
        case .openLink: return openLink(chosenLink())
        case .openNumberedLink: return openNumberedLink()
        case .copyLink: return copyLink(chosenLink())
        case .search: return beginSearch()
        case .findInPane: return beginFind()
        case .nextMatch: return goToMatch(forward: true)
        case .previousMatch: return goToMatch(forward: false)
        case .clearSearch:
            guard activeQuery != nil else {
                let key = keyMap.keys(for: .search, in: .storyList).first.map { ": \($0) searches every story" } ?? ""
                return .nothingToDo("No search to clear" + key)
            }
            clearSearch()
        case .focusStories:
            // Esc stops a running search first, wherever it is pressed.
            if commandKey == .escape, activeQuery?.searching == true {
                clearSearch()
                return .done
            }
            focus(.stories)
        case .showHelp: overlay = .help(top: 0)
        case .showProblems: overlay = .problems(top: 0)
        case .closePage: overlay = .none
        case .quit, .quitNow: beginQuitting()
        case .redraw: request(.redraw)
        case .suspend: request(.suspend)
        }
        return .done
    }

    private mutating func moveFocus(forward: Bool) {
        // A story without comments has nothing to read in the comment pane: Tab passes it by.
        let passesComments = entries.indices.contains(selectedStory) && !selectedStoryHasComments
        let order = Focus.allCases.filter { $0 != .comments || $0 == focus || !passesComments }
        let index = order.firstIndex(of: focus)!
        focus(order[(index + (forward ? 1 : order.count - 1)) % order.count])
    }

    mutating func focus(_ target: Focus) {
        // With no story listed there is nothing to read in the other panes.
        if target != .stories, listIsEmptied {
            message = activeQuery != nil ? "No story matches the search: Esc shows every story" : "No story is listed"
            return
        }
        focus = target
        if target != .stories { markStoryOpened() }
    }

    /// Moves by rows of the list as shown (`StoryRows`), not by entries: with `H` some entries are not rows.
    private mutating func moveInStoryList(_ command: Command) {
        guard !rows.isEmpty else { return }
        let page = max(1, (layout.storyList?.height ?? 1) - 1)
        let row = rows.row(ofEntry: selectedStory) ?? 0
        let target: Int
        switch command {
        case .moveUp: target = row - 1
        case .moveDown: target = row + 1
        case .pageUp: target = row - page
        case .pageDown: target = row + page
        case .goTop: target = 0
        default: target = rows.count - 1
        }
        selectStory(rows.entry(atRow: min(max(0, target), rows.count - 1)))
    }

    mutating func scrollStoryText(_ command: Command) {
        let page = max(1, (layout.storyTextBody?.height ?? 1) - 1)
        switch command {
        case .moveUp: textTop -= 1
        case .moveDown: textTop += 1
        case .pageUp: textTop -= page
        case .pageDown: textTop += page
        case .goTop: textTop = 0
        default: textTop = Int.max / 2
        }
    }

    private mutating func moveInComments(_ command: Command) {
        switch command {
        case .moveUp: moveComment(by: -1)
        case .moveDown: moveComment(by: 1)
        case .pageUp: pageComments(forward: false)
        case .pageDown: pageComments(forward: true)
        case .goTop: goToFirstComment()
        default: goToLastComment()
        }
    }

    /// `r`: anything unread becomes read; only something read through and through becomes unread. Stubs for
    /// replies not saved are not comments: they are never marked, either way.
    private mutating func toggleRead() -> CommandOutcome {
        guard let story = currentStory else { return .done }
        // A mark made by hand is the reader's word: `n` leaving the comment keeps it.
        commentPane.selectedByNextUnread = nil
        if focus == .comments, let selected = selectedComment, let thread {
            let ids = thread.subtree(selected).filter(\.isCounted).map(\.id)
            guard !ids.isEmpty else { return .nothingToDo("Replies not saved have no read mark") }
            let markRead = ids.contains { !readState.isCommentRead($0, in: story.id) }
            // Marked unread on purpose: do not mark them read again just because they are on screen.
            let range = selected...(selected + story.comments[selected].descendantCount)
            commentPane.shown.formUnion(range)
            if markRead { commentPane.newThisVisit.subtract(range) }
            changeReadState { $0.setComments(ids, in: story.id, read: markRead) }
            let replies = ids.count - (story.comments[selected].isCounted ? 1 : 0)
            message = (markRead ? "Marked read" : "Marked unread") + (replies == 1 ? " with 1 reply" : replies > 1 ? " with \(replies) replies" : "")
        } else {
            let markRead = !readState.isStoryRead(story.id) || readState.unreadCount(of: story) > 0
            commentPane.shown.formUnion(story.comments.indices)
            if markRead { commentPane.newThisVisit.removeAll() }
            changeReadState { state in
                let storyChanged = state.setStory(story.id, read: markRead)
                let commentsChanged = state.setComments(story.comments.filter(\.isCounted).map(\.id), in: story.id, read: markRead)
                return storyChanged || commentsChanged
            }
            message = markRead ? "Story marked read with its comments" : "Story marked unread with its comments"
        }
        return .done
    }
}
