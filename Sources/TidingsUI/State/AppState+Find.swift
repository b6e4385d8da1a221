import TidingsModel

/// `/` in the story text or the comments: finds text in the open story as it is typed, from where the
/// pane was (the next comment or line holding it, wrapping round); Enter keeps it highlighted for `>` and
/// `<`, Esc goes back to where the find started.
extension AppState {
    mutating func beginFind() -> CommandOutcome {
        var origin = FindOrigin(comment: selectedComment, folds: thread?.collapsed ?? [], textTop: textTop, previous: paneFind)
        if focus == .text, let body = layout.storyTextBody {
            origin.textPlace = (body.width, WrapAnchor(top: textTop, in: storyTextLines(width: body.width)))
        }
        prompt = Prompt(purpose: .find(origin), editor: LineEditor())
        return .done
    }

    mutating func findAsTyped(_ text: String, from origin: FindOrigin) {
        guard !text.isEmpty else {
            paneFind = nil
            goBack(to: origin)
            return
        }
        let find = PaneFind(text)
        paneFind = find
        let found: Bool
        switch focus {
        case .comments:
            found = selectMatchingComment(from: origin.comment ?? 0, forward: true, inclusive: true) {
                $0.searchedParts.contains(where: find.needle.occurs)
            } != nil
        case .text:
            found = scrollToMatchingLine(from: origin.textTop, forward: true, inclusive: true) { RowSpanMatch.holds(find.needle, row: $0, next: $1, width: $2) } != nil
        case .stories: found = false
        }
        promptProblem = found ? nil : "not found"
    }

    mutating func finishFind(_ text: String) {
        prompt = nil
        promptProblem = nil
        if text.isEmpty {
            paneFind = nil
            message = "Find cleared"
        }
        settle()
    }

    mutating func cancelFind(_ origin: FindOrigin) {
        prompt = nil
        promptProblem = nil
        paneFind = origin.previous
        goBack(to: origin)
    }

    private mutating func goBack(to origin: FindOrigin) {
        if focus == .comments, let comment = origin.comment, currentStory?.comments.indices.contains(comment) == true {
            selectComment(comment)
            if var thread, thread.collapsed != origin.folds {
                thread.setCollapsed(origin.folds)
                commentPane.layout.invalidateAll()
                self.thread = thread
            }
        }
        textTop = origin.textTop
        if let (width, place) = origin.textPlace, let body = layout.storyTextBody, body.width != width {
            textTop = place.row(in: storyTextLines(width: body.width))
        }
        settle()
    }

    /// Selects the first comment from `start` (after it unless `inclusive`) that `holds` says yes to, wrapping
    /// round, and opens it if it is folded; returns it and whether it went round. The find and `>` `<` share it.
    @discardableResult
    mutating func selectMatchingComment(from start: Int, forward: Bool, inclusive: Bool, _ holds: (Comment) -> Bool) -> (index: Int, wrapped: Bool)? {
        guard let story = currentStory, !story.comments.isEmpty else { return nil }
        let count = story.comments.count
        let first = min(max(0, start), count - 1)
        for step in (inclusive ? 0 : 1)...count {
            let index = ((forward ? first + step : first - step) % count + count) % count
            if holds(story.comments[index]) {
                selectComment(index)
                // A folded comment shows one line: opened, so the text found in it can be seen.
                if var thread, thread.isCollapsed(index) {
                    thread.setCollapsed(index, false)
                    commentPane.layout.invalidate(index)
                    self.thread = thread
                }
                settle()
                let wrapped = forward ? index < first || (index == first && step > 0) : index > first || (index == first && step > 0)
                return (index, wrapped)
            }
        }
        return nil
    }

    /// Scrolls the story text so the first line from `start` (after it unless `inclusive`) that `holds` says
    /// yes to (given the line and the one after it) is at the top, wrapping round; returns that line and
    /// whether it went round.
    @discardableResult
    mutating func scrollToMatchingLine(from start: Int, forward: Bool, inclusive: Bool,
                                       _ holds: (String, String?, Int) -> Bool) -> (index: Int, wrapped: Bool)? {
        guard let body = layout.storyTextBody else { return nil }
        let lines = storyTextLines(width: body.width)
        guard !lines.isEmpty else { return nil }
        let count = lines.count
        let first = min(max(0, start), count - 1)
        for step in (inclusive ? 0 : 1)...count {
            let index = ((forward ? first + step : first - step) % count + count) % count
            if holds(lines[index].text, index + 1 < count ? lines[index + 1].text : nil, body.width) {
                textTop = index
                settle()
                textMatchPlace = TextMatchPlace(row: index, story: currentStory?.id, top: textTop, width: body.width)
                let wrapped = forward ? index < first || (index == first && step > 0) : index > first || (index == first && step > 0)
                return (index, wrapped)
            }
        }
        return nil
    }

    /// The story-text row the next `>` or `<` steps on from: the last match's while the pane is where that
    /// step left it, else the pane's top row.
    var textStepStart: Int {
        guard let place = textMatchPlace, place.story == currentStory?.id, place.top == textTop,
              place.width == layout.storyTextBody?.width else { return textTop }
        return place.row
    }
}
