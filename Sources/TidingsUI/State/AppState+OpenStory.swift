import TidingsModel

/// Enter on a story: its comments, or its text when it has none saved, as newsboat opens an article. An
/// empty comment pane in focus would only say "No comments." while the text waited behind it.
extension AppState {
    mutating func openStory() -> CommandOutcome {
        if selectedStoryHasComments {
            focus(.comments)
        } else if focus == .text {
            return .nothingToDo(noCommentsWords)
        } else {
            focus(.text)
        }
        return .done
    }

    /// Whether the selected story has comments saved; stubs for replies not saved are not comments. Before
    /// the story is parsed its list entry says: the count there is of the same comments.
    var selectedStoryHasComments: Bool {
        if let story = currentStory { return story.comments.countedCount > 0 }
        guard entries.indices.contains(selectedStory) else { return false }
        return entries[selectedStory].summary.commentCount > 0
    }

    /// What the comment pane says of a story without comments: none, or how many the page had, none saved.
    var noCommentsWords: String {
        let entry = entries.indices.contains(selectedStory) ? entries[selectedStory] : nil
        guard let declared = currentStory?.declaredComments ?? entry?.summary.declaredComments, declared > 0 else {
            return "No comments."
        }
        return "\(declared) \(declared == 1 ? "comment" : "comments"), none saved."
    }
}
