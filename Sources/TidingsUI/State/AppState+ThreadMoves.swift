import TidingsModel

/// `P`, `]`, `[`, `}` and `{`: moves along the comment tree rather than down the screen. Each lands on a
/// comment that is already visible (a parent or sibling of a visible comment is never folded away), and at
/// the end of a level the selection stays put and says so.
extension AppState {
    mutating func goToParentComment() -> CommandOutcome {
        moveInThread(orSay: "This is a top-level comment") { thread, selected in thread.comments[selected].parent }
    }

    mutating func goToSibling(forward: Bool) -> CommandOutcome {
        if forward {
            return moveInThread(orSay: "No next comment at this level") { $0.nextSibling(of: $1) }
        }
        return moveInThread(orSay: "No previous comment at this level") { $0.previousSibling(of: $1) }
    }

    mutating func goToThread(forward: Bool) -> CommandOutcome {
        if forward {
            return moveInThread(orSay: "This is the last thread") { $0.nextThread(of: $1) }
        }
        return moveInThread(orSay: "This is the first thread") { $0.previousThread(of: $1) }
    }

    /// Selects the target of a move from the selected comment, or says why there is none.
    private mutating func moveInThread(orSay end: String, _ target: (CommentThread, Int) -> Int?) -> CommandOutcome {
        if let reason = noCommentsReason { return .nothingToDo(reason) }
        guard let thread, let selected = selectedComment else { return .nothingToDo("No comment is selected") }
        guard let index = target(thread, selected) else { return .nothingToDo(end) }
        selectedComment = thread.visibleSelfOrAncestor(of: index)
        return .done
    }
}
