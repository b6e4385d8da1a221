/// What the story list needs to know of a story: its header and comment count, without the body or the
/// comments, so 100,000 of them fit in little memory. The full story is parsed again from `source` when shown.
@dynamicMemberLookup
public struct StorySummary: Sendable, Equatable {
    public var id: String
    /// The story's version-1 id (see `Story.legacyID`).
    public var legacyID: String?
    public var source: SourceReference
    public var format: String
    public var header: StoryHeader
    public var commentCount: Int
    /// What the mail client had marked read (Maildir `S`, mbox `Status: R`), when anything: the story starts
    /// with these marks unless the state file already says something of it.
    public var sourceMarks: SourceMarks?

    public init(id: String, legacyID: String? = nil, source: SourceReference, format: String, header: StoryHeader,
                commentCount: Int = 0) {
        self.id = id
        self.legacyID = legacyID
        self.source = source
        self.format = format
        self.header = header
        self.commentCount = commentCount
    }

    public subscript<Value>(dynamicMember field: WritableKeyPath<StoryHeader, Value>) -> Value {
        get { header[keyPath: field] }
        set { header[keyPath: field] = newValue }
    }

    public var path: String { source.path }
}

/// Read marks a mail client left in the source itself.
public struct SourceMarks: Sendable, Equatable {
    /// The story's own message (its root) was marked read.
    public var storyRead: Bool
    public var readComments: [CommentID]

    public init(storyRead: Bool, readComments: [CommentID]) {
        self.storyRead = storyRead
        self.readComments = readComments
    }
}

extension Story {
    /// The list entry for this story.
    public var summary: StorySummary {
        var summary = StorySummary(id: id, legacyID: legacyID, source: source, format: format, header: header,
                                   commentCount: comments.countedCount)
        summary.sourceMarks = sourceMarks
        return summary
    }

    /// The marks a mail client left on its messages, nil when none.
    public var sourceMarks: SourceMarks? {
        let read = comments.filter { $0.seenAtSource && $0.isCounted }.map(\.id)
        guard seenAtSource || !read.isEmpty else { return nil }
        return SourceMarks(storyRead: seenAtSource, readComments: read)
    }

    /// A story with nothing but what its list entry knows (its file could not be read again).
    public init(placeholderFor summary: StorySummary) {
        self.init(id: summary.id, legacyID: summary.legacyID, source: summary.source, format: summary.format,
                  header: summary.header)
    }
}
