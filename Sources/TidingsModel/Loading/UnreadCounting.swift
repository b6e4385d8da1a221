extension Importer {
    /// The list entries for a file with their unread counts: the importer makes the summaries (with comment
    /// ids only for stories that have read marks), and the counting is the same for every format. Marks
    /// still under a story's version-1 id count too: the reader moves them when it lists the story.
    public func entries(in bytes: [UInt8], path: String, readState: ReadState) throws -> [StoryEntry] {
        try summaries(in: bytes, path: path, needsCommentIDs: { readState.hasReadComments($0, legacyID: $1) })
            .map { imported in
                let summary = imported.summary
                let unread = imported.commentIDs.map {
                    readState.unreadCount(storyID: summary.id, legacyID: summary.legacyID, commentIDs: $0, total: summary.commentCount)
                } ?? summary.commentCount
                return StoryEntry(summary: summary, unreadComments: unread)
            }
    }
}
