/// Where the reader was when it last quit: the sort, the selected story, comment and pane, and the folds
/// and selected comment of the stories visited lately. Only comfort: a file that cannot be read is ignored.
public struct SavedSession: Codable, Equatable, Sendable {
    /// The version this build writes; a file with a newer one is ignored, never rewritten in an older shape
    /// by accident (the next quit writes this version over it).
    public static let currentVersion = 1
    /// How many stories keep their folds and selected comment: the ones visited last.
    public static let storiesKept = 200

    public var version = SavedSession.currentVersion
    public var sort: StorySort = .path
    /// The selected story's id.
    public var story: String?
    /// The selected story's file: one story saved in two files is listed twice under its id.
    public var path: String?
    /// The selected comment's id in that story.
    public var comment: String?
    /// The focused pane: `stories`, `text` or `comments`.
    public var pane: String?
    /// Comments of the selected story the user marked unread during the visit (shown `○`), by id: shown
    /// again by the restore, they stay unread, while whatever else it shows is read as any frame reads it.
    public var unread: [String]?
    /// Stories visited, least recent first.
    public var stories: [StoryPlace] = []

    public init(sort: StorySort = .path, story: String? = nil, path: String? = nil, comment: String? = nil, pane: String? = nil,
                unread: [String]? = nil, stories: [StoryPlace] = []) {
        self.sort = sort
        self.story = story
        self.path = path
        self.comment = comment
        self.pane = pane
        self.unread = unread
        self.stories = stories
    }
}

/// One story's place in the comment pane: the selected comment and the collapsed ones, by comment id.
public struct StoryPlace: Codable, Equatable, Sendable {
    public var id: String
    public var comment: String?
    public var folds: [String]

    public init(id: String, comment: String? = nil, folds: [String] = []) {
        self.id = id
        self.comment = comment
        self.folds = folds
    }
}
