/// A list entry as an importer makes it: the summary, and its comments' ids when the loader asked for them
/// (the loader counts what is unread).
public struct ImportedSummary: Sendable {
    public var summary: StorySummary
    public var commentIDs: [CommentID]?
    /// Set on the first entry of a file that is damaged but was read in part (a feed cut short keeps its
    /// complete items): the loader lists the entries and reports the file's problem beside them.
    public var damage: LoadFailure?

    public init(summary: StorySummary, commentIDs: [CommentID]?, damage: LoadFailure? = nil) {
        self.summary = summary
        self.commentIDs = commentIDs
        self.damage = damage
    }
}
