import TidingsModel

/// `u`: takes back the last marking action (`r`, `A`), from this run or an earlier one.
extension AppState {
    mutating func undoLastMarking() -> CommandOutcome {
        if markingAll != nil { return .nothingToDo("Still marking stories read: undo once that is done") }
        var undone: UndoStep?
        _ = changeMarks { undone = $0.undoLast() }
        guard let step = undone else { return .nothingToDo("Nothing to undo") }
        // Read stories hidden by `H` that are unread again come back into the list.
        if hidesRead { keepingSelectionOnScreen { $0.relistStories() } }
        // Comments of the open story made unread again stay unread while they are on screen, as after `r`.
        if let story = currentStory, let restore = step.stories[story.id], !restore.unreadComments.isEmpty {
            let unread = Set(restore.unreadComments)
            let indices = story.comments.indices.filter { unread.contains(story.comments[$0].id) }
            commentPane.shown.formUnion(indices)
            commentPane.newThisVisit.formUnion(indices)
        }
        // A mark-all-read is told in its question's words (every story it marked counts).
        message = "Undid: " + (step.command == Command.markAllRead.name ? step.summaryCountingEveryStory : step.summary)
        return .done
    }
}
