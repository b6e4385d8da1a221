/// How sure an importer is that a file is one of its own; the most certain importer reads the file.
public enum ImportConfidence: Int, Comparable, Sendable {
    /// Not this importer's file.
    case none
    /// It can read any text, so it takes what nobody else wants.
    case fallback
    /// The name or the first bytes look right.
    case likely
    /// The first bytes could only be this format.
    case certain

    public static func < (lhs: ImportConfidence, rhs: ImportConfidence) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An importer's answer to "is this file yours?", with the reason when it is not.
public struct ImportClaim: Sendable, Equatable {
    public var confidence: ImportConfidence
    /// Why the file is not this importer's (shown for files skipped as not stories).
    public var reason: String?
    /// The file should have been this importer's but is damaged (a `.txt` that is binary): a real problem,
    /// not a file to skip quietly.
    public var damage: LoadFailure?

    public init(_ confidence: ImportConfidence, reason: String? = nil, damage: LoadFailure? = nil) {
        self.confidence = confidence
        self.reason = reason
        self.damage = damage
    }

    public static func no(_ reason: String) -> ImportClaim { ImportClaim(.none, reason: reason) }
    public static func damaged(_ failure: LoadFailure) -> ImportClaim { ImportClaim(.none, damage: failure) }
}

/// A list entry as an importer makes it: the summary, and its comments' ids when the loader asked for them
/// (the loader counts what is unread).
public struct ImportedSummary: Sendable {
    public var summary: StorySummary
    public var commentIDs: [CommentID]?

    public init(summary: StorySummary, commentIDs: [CommentID]?) {
        self.summary = summary
        self.commentIDs = commentIDs
    }
}

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
}

extension Importer {
    /// Importers without a faster path parse in full and summarize.
    public func summaries(in bytes: [UInt8], path: String, needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary] {
        try stories(in: bytes, path: path).map { story in
            ImportedSummary(summary: story.summary,
                            commentIDs: needsCommentIDs(story.id, story.legacyID) ? story.comments.map(\.id) : nil)
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
