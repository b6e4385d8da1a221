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
