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
                                           commentIDs: story.comments.lazy.map(\.id), total: story.comments.count)
        self.init(summary: story.summary, unreadComments: unread)
    }
}

extension CollectionLoader {
    /// Parses the story behind a list entry again from its file. A file may hold several stories: the one
    /// with the entry's id, or the first if the file changed since it was listed.
    public func story(for summary: StorySummary) -> Result<Story, LoadProblem> {
        switch loadFile(summary.path) {
        case .failure(let problem): return .failure(problem)
        case .success(let stories):
            guard let story = stories.first(where: { $0.id == summary.id }) ?? stories.first else {
                return .failure(LoadProblem(path: summary.path, reason: "no story left in the file"))
            }
            return .success(story)
        }
    }
}
