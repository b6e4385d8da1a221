/// One row of the story list: the summary, and how many of its comments are unread.
public struct StoryEntry: Sendable, Equatable {
    public var summary: StorySummary
    public var unreadComments: Int

    public init(summary: StorySummary, unreadComments: Int) {
        self.summary = summary
        self.unreadComments = unreadComments
    }

    /// The entry for a fully parsed story; marks still under its version-1 id count (docs/STATE.md).
    public init(story: Story, readState: ReadState) {
        let unread = readState.unreadCount(storyID: story.id, legacyID: story.legacyID,
                                           commentIDs: story.comments.lazy.filter(\.isCounted).map(\.id),
                                           total: story.comments.countedCount)
        self.init(summary: story.summary, unreadComments: unread)
    }
}
