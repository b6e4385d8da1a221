/// Reads one format into neutral stories. Adding a format is one new type conforming to this and one line
/// in `ImporterRegistry.standard`.
public protocol Importer: Sendable {
    /// Short name shown in `dump` output and problem messages.
    var name: String { get }
    /// How sure the importer is that the file is its own. `prefix` is nil when only the name is known yet
    /// (the loader then skips files nobody claims without reading them); `named` says the user named the file.
    func claim(path: String, prefix: ArraySlice<UInt8>?, named: Bool) -> ImportClaim
    /// Every story in the file, in full. Throws `LoadFailure`.
    func stories(in bytes: [UInt8], path: String) throws -> [Story]
    /// The list entries for the file. `needsCommentIDs(storyID, legacyID)` says, per story, whether the
    /// loader needs its comment ids (only stories with read marks do). Throws `LoadFailure`.
    func summaries(in bytes: [UInt8], path: String, needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary]
    /// The story a list entry points at, parsed again in full (a default below).
    func story(in bytes: [UInt8], for summary: StorySummary) throws -> Story
    /// For a file whose stories continue in other files (items that name parents or replies it does not
    /// hold): the ids it holds and names, so the loader can read it together with the files that share
    /// them. Nil (the default) for a file that stands alone.
    func joinKeys(in bytes: [UInt8]) -> [String]?
}

extension Importer {
    public func joinKeys(in bytes: [UInt8]) -> [String]? { nil }

    /// Importers without a faster path parse in full and summarize.
    public func summaries(in bytes: [UInt8], path: String, needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary] {
        try stories(in: bytes, path: path).map { story in
            ImportedSummary(summary: story.summary,
                            commentIDs: needsCommentIDs(story.id, story.legacyID) ? story.comments.filter(\.isCounted).map(\.id) : nil)
        }
    }

    /// The story a list entry points at, parsed again: the one with its id, else the one at its locator,
    /// else the first (the file changed since it was listed).
    public func story(in bytes: [UInt8], for summary: StorySummary) throws -> Story {
        let stories = try stories(in: bytes, path: summary.path)
        guard let story = stories.first(where: { $0.id == summary.id })
            ?? stories.first(where: { $0.source == summary.source }) ?? stories.first else { throw LoadFailure.storyGone }
        return story
    }
}
