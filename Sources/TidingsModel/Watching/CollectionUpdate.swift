/// Stories read again because files changed on disk: every list entry read from any of `files` (its path
/// or one of its other paths) is replaced by `entries`, and every problem of those files by `problems`. A
/// file in `files` that is gone simply takes its stories with it.
public struct CollectionUpdate: Sendable {
    public var files: Set<String>
    public var entries: [StoryEntry]
    public var problems: [LoadProblem]
    /// Whether this answers a rescan asked for (`R`): the reader then says what changed, or that nothing did.
    public var isRescan: Bool
    /// What the status line should say once (changes could not all be watched).
    public var notice: String?

    public init(files: Set<String> = [], entries: [StoryEntry] = [], problems: [LoadProblem] = [], isRescan: Bool = false,
                notice: String? = nil) {
        self.files = files
        self.entries = entries
        self.problems = problems
        self.isRescan = isRescan
        self.notice = notice
    }

    /// Whether it changes nothing and says nothing.
    public var isEmpty: Bool { files.isEmpty && entries.isEmpty && problems.isEmpty && !isRescan && notice == nil }
}
