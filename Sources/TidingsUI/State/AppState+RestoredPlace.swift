import TidingsModel

/// The place the last session ended on, put back at start (`AppState+Places`): its comments on screen are read
/// by the first frame, as by any other (docs/STATE.md: on screen in the focused comment pane), all but those
/// the user marked unread during that visit (`○`), which the session names and which stay unread while shown,
/// as they did before the restart. The story itself is opened by the first key or click, not by the restore:
/// one marked unread before quitting is still unread after a restart in which no key was pressed.
extension AppState {
    /// Runs what a key or click does; when it is the first on a restored place, the story shown is then
    /// opened (marked read, as arriving at it in a pane does) unless the key changed a read mark itself, left
    /// the story or its panes, or quit. Comments on screen are marked by the next frame, as always.
    mutating func leavingRestoredPlace(_ act: (inout AppState) -> Void) {
        guard showsRestoredPlace else { return act(&self) }
        showsRestoredPlace = false
        let storyID = currentStory?.id, revision = readStateRevision
        act(&self)
        guard !quitting, focus != .stories, let storyID, currentStory?.id == storyID, readStateRevision == revision else { return }
        markStoryOpened()
    }

    /// The comments of the story shown that the user marked unread during this visit (`○`), by id, for the
    /// session; while the restored story is still being parsed, the ones the session named.
    func commentsMarkedUnread(in storyID: String) -> [String] {
        guard let story = currentStory, story.id == storyID else {
            return restoredUnread.flatMap { $0.storyID == storyID ? $0.ids : nil } ?? []
        }
        return commentPane.shown.sorted().filter { isUnread(comment: $0) }.map { story.comments[$0].id.description }
    }

    /// When the restored story is shown, its comments the last session marked unread count as shown in this
    /// visit: they keep their `○` and are not read by being on screen. Another story shown first (a key
    /// moved on while it was parsed) ends the restore.
    mutating func keepCommentsMarkedUnread(in story: Story) {
        guard let restored = restoredUnread else { return }
        restoredUnread = nil
        guard restored.storyID == story.id else { return }
        let ids = Set(restored.ids.compactMap { CommentID($0) })
        commentPane.shown.formUnion(story.comments.indices.filter {
            ids.contains(story.comments[$0].id) && isUnread(comment: $0)
        })
    }
}
