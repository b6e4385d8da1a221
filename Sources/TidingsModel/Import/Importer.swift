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
    /// A file to be read with others (its `joinKeys`), with what listing needs of it kept from this reading;
    /// nil for a file that stands alone. The default keeps nothing: the group is read again to be listed.
    func heldPart(in bytes: [UInt8], path: String) -> HeldPart?
    /// The list entries of files read together, from what was kept of each (`heldPart`), in the group's
    /// order; nil (the default) when the files must be read again.
    func summaries(kept: [(path: String, kept: any Sendable)], needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary]?
    /// Whether a certain claim from this importer rests on the file's content (JSON, mail, XML), so it may be
    /// asked before the others; false for the native format, which takes what no other format recognizes.
    var recognizesContent: Bool { get }
    /// Whether the stories of files read together name their own files (a mail thread names the files of
    /// its messages); if not (the default), each is marked with every file of the group.
    var namesFilesOfJoinedStories: Bool { get }
    /// Files read together (their `joinKeys` met): every story in them. The default reads the files' bytes
    /// one after another as one document named by the first file.
    func stories(inFiles files: [FileContents]) throws -> [Story]
    /// The list entries of files read together.
    func summaries(inFiles files: [FileContents], needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary]
    /// The story a list entry points at, from the files it was read from together.
    func story(inFiles files: [FileContents], for summary: StorySummary) throws -> Story
    /// For a file larger than the loader reads whole (an mbox of gigabytes): its list entries, read from the
    /// file in pieces. Nil (the default): the importer reads files whole only, and the file is too large.
    func summaries(streamingFile path: String, needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary]?
    /// The story a list entry of such a file points at, read from the part of the file that holds it.
    func story(streamingFile path: String, for summary: StorySummary) throws -> Story?
    /// Every story of such a file, in full (`dump`); nil: each is read on its own from its list entry.
    func stories(streamingFile path: String) throws -> [Story]?
    /// For a file whose stories were read though it is damaged (a feed cut short): what to report of it.
    /// Nil (the default) for a whole file. List entries say it themselves (`ImportedSummary.damage`).
    func damage(in bytes: [UInt8]) -> LoadFailure?
    /// For a large file that holds many stories (an mbox): the list entries of its first stories as far as
    /// `head`, the file's first bytes, tells them (a thread may have more replies further on), shown while
    /// the whole file is read. Nil (the default) when the importer cannot tell stories from part of a file.
    func earlySummaries(inHead head: [UInt8], path: String, needsCommentIDs: (String, String?) -> Bool) -> [ImportedSummary]?
    /// Why an empty file of this name is passed over rather than a problem (an empty mailbox is a mailbox
    /// with no mail yet); nil (the default) when this format cannot be empty.
    func emptyFileReason(path: String) -> String?
}

extension Importer {
    public func emptyFileReason(path: String) -> String? { nil }
    public func joinKeys(in bytes: [UInt8]) -> [String]? { nil }

    public var namesFilesOfJoinedStories: Bool { false }

    public var recognizesContent: Bool { true }

    public func heldPart(in bytes: [UInt8], path: String) -> HeldPart? { joinKeys(in: bytes).map { HeldPart(keys: $0) } }

    public func summaries(kept: [(path: String, kept: any Sendable)], needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary]? { nil }

    public func stories(inFiles files: [FileContents]) throws -> [Story] {
        try stories(in: JoinedFiles.concatenated(files.map(\.bytes)), path: files.first?.path ?? "")
    }

    public func summaries(inFiles files: [FileContents], needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary] {
        try summaries(in: JoinedFiles.concatenated(files.map(\.bytes)), path: files.first?.path ?? "", needsCommentIDs: needsCommentIDs)
    }

    public func story(inFiles files: [FileContents], for summary: StorySummary) throws -> Story {
        try story(in: JoinedFiles.concatenated(files.map(\.bytes)), for: summary)
    }

    public func summaries(streamingFile path: String, needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary]? { nil }

    public func story(streamingFile path: String, for summary: StorySummary) throws -> Story? { nil }

    public func stories(streamingFile path: String) throws -> [Story]? { nil }

    public func damage(in bytes: [UInt8]) -> LoadFailure? { nil }

    public func earlySummaries(inHead head: [UInt8], path: String, needsCommentIDs: (String, String?) -> Bool) -> [ImportedSummary]? { nil }

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
