import TidingsModel

/// The counted comment ids of one list entry's story, read again from its file (`Effect.recountUnread`).
public struct RecountedStory: Sendable, Equatable {
    public var summary: StorySummary
    public var commentIDs: [CommentID]

    public init(summary: StorySummary, commentIDs: [CommentID]) {
        self.summary = summary
        self.commentIDs = commentIDs
    }

    /// The entry's story as parsed again: its counted comments' ids.
    public init(summary: StorySummary, story: Story) {
        self.init(summary: summary, commentIDs: story.comments.filter(\.isCounted).map(\.id))
    }
}

/// One story saved in two files is listed twice, under one id, so marks made reading one row are the other's
/// too. The open row's count follows at once; the other rows' counts need their own comment ids, which are
/// not in memory: they are counted again when the reader leaves the story (from the parsed story when it is
/// at hand, else from their files in the background).
extension AppState {
    /// Counts again the other rows of the story at `index`, when its marks changed while it was selected.
    mutating func recountCopies(of index: Int) {
        guard marksChangedOnVisit else { return }
        marksChangedOnVisit = false
        guard entries.indices.contains(index) else { return }
        let id = entries[index].keys.id
        var unparsed: [StorySummary] = []
        for other in entries.indices where other != index && entries[other].keys.id == id && !gone.contains(other) {
            if let story = parsedStories.story(at: other, id: id) {
                setUnread(of: other, counting: story.comments.lazy.filter(\.isCounted).map(\.id))
            } else {
                unparsed.append(entries[other].summary)
            }
        }
        if !unparsed.isEmpty { request(.recountUnread(unparsed)) }
    }

    /// The comment ids of rows read again have arrived: each row with that very entry (same file and
    /// place) is counted against the marks as they are now.
    mutating func receiveRecount(_ stories: [RecountedStory]) {
        for recounted in stories {
            for index in entries.indices where entries[index].keys.id == recounted.summary.id && entries[index].summary == recounted.summary {
                setUnread(of: index, counting: recounted.commentIDs)
            }
        }
    }

    private mutating func setUnread<IDs: Collection<CommentID>>(of index: Int, counting ids: IDs) {
        let unread = readState.unreadCount(storyID: entries[index].summary.id, legacyID: nil, commentIDs: ids, total: ids.count)
        guard unread != entries[index].unreadComments else { return }
        entries[index].unreadComments = unread
        unreadTally.stale = true
    }
}
