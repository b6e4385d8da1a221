import TidingsModel

/// The place the last session ended on, put back at start (`AppState+Places`), is shown without being read:
/// a story or comment the user marked unread before quitting is still unread after a restart in which no
/// key was pressed. The first key or click on it makes it the user's own view again, read as any other.
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
}
