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

/// Gives the full story behind a list entry, parsed when it is shown.
public protocol StoryProvider: Sendable {
    func story(for summary: StorySummary) -> Result<Story, LoadProblem>
}

/// Stories already in memory, looked up by path and id (tests, and anything that parsed up front).
public struct InMemoryStories: StoryProvider {
    private let stories: [String: Story]

    public init(_ stories: [Story]) {
        var table: [String: Story] = [:]
        for story in stories { table[story.path + "\u{0}" + story.id] = story }
        self.stories = table
    }

    public func story(for summary: StorySummary) -> Result<Story, LoadProblem> {
        if let story = stories[summary.path + "\u{0}" + summary.id] { return .success(story) }
        return .failure(LoadProblem(path: summary.path, reason: "story not found"))
    }
}

/// Reads stories from their files when shown, keeping the most recent few parsed.
public final class FileStories: StoryProvider, @unchecked Sendable {
    private let loader: CollectionLoader
    private let capacity: Int
    // Used from the main loop only; the class is Sendable so the state holding it can be.
    private var cache: [String: Story] = [:]
    private var order: [String] = []

    public init(loader: CollectionLoader = CollectionLoader(), capacity: Int = 16) {
        self.loader = loader
        self.capacity = capacity
    }

    public func story(for summary: StorySummary) -> Result<Story, LoadProblem> {
        let key = summary.path + "\u{0}" + summary.id
        if let cached = cache[key] { return .success(cached) }
        switch loader.loadFile(summary.path) {
        case .failure(let problem): return .failure(problem)
        case .success(let stories):
            // A file may hold several stories; take the one with this id, or the first if the file changed.
            guard let story = stories.first(where: { $0.id == summary.id }) ?? stories.first else {
                return .failure(LoadProblem(path: summary.path, reason: "no story left in the file"))
            }
            cache[key] = story
            order.append(key)
            if order.count > capacity { cache[order.removeFirst()] = nil }
            return .success(story)
        }
    }
}
