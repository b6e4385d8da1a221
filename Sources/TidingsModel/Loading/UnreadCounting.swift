extension Importer {
    /// The list entries for a file with their unread counts: the importer makes the summaries (with comment
    /// ids only for stories that have read marks), and the counting is the same for every format. Marks
    /// still under a story's version-1 id count too: the reader moves them when it lists the story.
    public func entries(in bytes: [UInt8], path: String, readState: ReadState) throws -> [StoryEntry] {
        UnreadCounting.entries(try summaries(in: bytes, path: path, needsCommentIDs: { readState.hasReadComments($0, legacyID: $1) }),
                     readState: readState)
    }

    /// The list entries of files read together.
    public func entries(inFiles files: [FileContents], readState: ReadState) throws -> [StoryEntry] {
        UnreadCounting.entries(try summaries(inFiles: files, needsCommentIDs: { readState.hasReadComments($0, legacyID: $1) }),
                     readState: readState)
    }

    /// The list entries of a file read in pieces (nil: the importer does not stream).
    public func entries(streamingFile path: String, readState: ReadState) throws -> [StoryEntry]? {
        try summaries(streamingFile: path, needsCommentIDs: { readState.hasReadComments($0, legacyID: $1) })
            .map { UnreadCounting.entries($0, readState: readState) }
    }

}

/// Unread counts for list entries, the same for every format.
enum UnreadCounting {
    /// Summaries with their unread counts.
    static func entries(_ summaries: [ImportedSummary], readState: ReadState) -> [StoryEntry] {
        summaries.map { entry($0, readState: readState) }
    }

    /// One summary with its unread count.
    static func entry(_ imported: ImportedSummary, readState: ReadState) -> StoryEntry {
        let ids = imported.commentIDs
        let summary = imported.summary
        // Marks a mail client left (docs/STATE.md): they count while the state says nothing of the story.
        if let seen = summary.sourceMarks, !readState.knows(summary.id, legacyID: summary.legacyID) {
            return StoryEntry(summary: summary, unreadComments: max(0, summary.commentCount - seen.readComments.count))
        }
        let unread = ids.map {
            readState.unreadCount(storyID: summary.id, legacyID: summary.legacyID, commentIDs: $0, total: summary.commentCount)
        } ?? summary.commentCount
        // Messages the client marked read since the story was last listed are taken when it is listed now.
        let taking = readState.untakenClientMarks(summary.sourceMarks, storyID: summary.id, legacyID: summary.legacyID).count
        return StoryEntry(summary: summary, unreadComments: max(0, unread - taking))
    }
}
