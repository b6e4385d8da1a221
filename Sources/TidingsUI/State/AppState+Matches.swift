import TidingsModel

/// `>` and `<`: the next and previous match in the open story: of the text found with `/` when there is
/// one, else of the collection search's words (a comment holding every word; a line holding any). Folded
/// threads open on the way; at the end the search goes round, and says so.
extension AppState {
    /// Ends the message naming a match's row in a text that fits (dropped on a resize: the row is another).
    static let rowOfPaneWords = " of the pane: the text scrolls no further"

    mutating func goToMatch(forward: Bool) -> CommandOutcome {
        let commentHolds: (Comment) -> Bool
        let lineHolds: (String, String?, Int) -> Bool
        let shown: String
        if let find = paneFind {
            commentHolds = { $0.searchedParts.contains(where: find.needle.occurs) }
            lineHolds = { RowSpanMatch.holds(find.needle, row: $0, next: $1, width: $2) }
            shown = find.text
        } else if let active = activeQuery, !active.words.words.isEmpty {
            let words = active.words
            commentHolds = words.matches
            lineHolds = { line, next, width in words.needles.contains { RowSpanMatch.holds($0, row: line, next: next, width: width) } }
            shown = active.words.words.joined(separator: " ")
        } else {
            let find = keyMap.keys(for: .findInPane, in: inputContext).first.map { "\($0) finds text here" }
            let search = keyMap.keys(for: .search, in: inputContext).first.map { "\($0) searches every story" }
            let how = [find, search].compactMap { $0 }.joined(separator: ", ")
            return .nothingToDo("Nothing to step through" + (how.isEmpty ? "" : ": " + how))
        }
        // A find (`/` in a pane) goes round as a find, the collection search's words as a search.
        let kind = paneFind != nil ? "Find" : "Search"
        let found: (index: Int, wrapped: Bool)?
        let start: Int
        switch focus {
        case .comments:
            guard let story = currentStory else { return .nothingToDo("The story is still loading") }
            start = selectedComment ?? (forward ? story.comments.count - 1 : 0)
            found = selectMatchingComment(from: start, forward: forward, inclusive: false, commentHolds)
        case .text:
            start = textStepStart
            let topBefore = textTop
            found = scrollToMatchingLine(from: start, forward: forward, inclusive: false, lineHolds)
            // The pane could not bring the match to its top (the text ends), or did not move for it (it is at
            // the top already): say which row holds it.
            if let found, found.index != start, found.index != textTop || textTop == topBefore {
                let wentRound = found.wrapped ? "\(kind) went round to the \(forward ? "top" : "end"): " : ""
                message = wentRound + "“\(shown)” is on row \(found.index - textTop + 1)\(Self.rowOfPaneWords)"
                return .done
            }
        case .stories:
            return .nothingToDo("Open a story first: matches are stepped through in its text and comments")
        }
        guard let found else { return .nothingToDo("“\(shown)” is not in this \(focus == .comments ? "story's comments" : "story's text")") }
        if found.index == start, focus == .comments || found.wrapped {
            // Matches are stepped through a comment at a time: one comment may hold several.
            message = focus == .comments ? "Only this comment holds “\(shown)”" : "The only match in this story's text"
        } else if found.wrapped {
            message = "\(kind) went round to the \(forward ? "top" : "end")"
        }
        return .done
    }
}
