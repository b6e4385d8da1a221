import TidingsModel

/// A search that lists no story shows none: the story selected before it is not shown, read or marked
/// while the list is empty (its text and comments were on screen, and reading them marked it), and comes
/// back where it was left once it is listed again.
extension AppState {
    /// Whether the list is empty while there are stories: a query admits none of them (while a search is
    /// still running, the story it was started from stays: its matches come in a moment).
    var listIsEmptied: Bool { rows.isEmpty && hasStories && activeQuery?.searching != true }

    /// Hides the selected story when the list empties, and shows it again (or the first row) when the list
    /// has rows again. Run after every change to the rows (`settle`).
    mutating func followEmptiedList() {
        if listIsEmptied {
            guard !storyHiddenByEmptyList, currentStory != nil || loadingStory != nil else { return }
            rememberCurrentPlace()
            storyHiddenByEmptyList = true
            currentStory = nil
            loadingStory = nil
            thread = nil
            selectedComment = nil
            storyTextCache = nil
            textTop = 0
            heldKeys = []
            focus = .stories
            needsFrame = true
        } else if storyHiddenByEmptyList, !rows.isEmpty {
            storyHiddenByEmptyList = false
            selectStory(rows.row(ofEntry: selectedStory) != nil ? selectedStory : rows.entry(atRow: 0))
        }
    }
}
