/// What the story list needs to know of a story: its header and comment count, without the body or the
/// comments, so 100,000 of them fit in little memory. The full story is parsed again from `source` when shown.
@dynamicMemberLookup
public struct StorySummary: Sendable, Equatable, CustomReflectable {
    /// The fields live in one shared box, copied only when a copy that shares it is changed: the list's
    /// arrays then hold a pointer per story, so listing 100,000 stories moves and copies pointers, not the
    /// dozen strings of each (every copy of them retained each one).
    private var fields: Fields

    public var id: String {
        get { fields.id }
        set { unique().id = newValue }
    }
    /// The story's version-1 id (see `Story.legacyID`).
    public var legacyID: String? {
        get { fields.legacyID }
        set { unique().legacyID = newValue }
    }
    public var source: SourceReference {
        // Lent, not copied: `summary.header.date` over 100,000 entries (a sort) reads one field.
        _read { yield fields.source }
        set { unique().source = newValue }
    }
    public var format: String {
        get { fields.format }
        set { unique().format = newValue }
    }
    public var header: StoryHeader {
        // Lent, not copied: `summary.header.date` over 100,000 entries (a sort) reads one field.
        _read { yield fields.header }
        set { unique().header = newValue }
    }
    public var commentCount: Int {
        get { fields.commentCount }
        set { unique().commentCount = newValue }
    }
    /// What the mail client had marked read (Maildir `S`, mbox `Status: R`), when anything: the story starts
    /// with these marks unless the state file already says something of it.
    public var sourceMarks: SourceMarks? {
        get { fields.sourceMarks }
        set { unique().sourceMarks = newValue }
    }

    public init(id: String, legacyID: String? = nil, source: SourceReference, format: String, header: StoryHeader,
                commentCount: Int = 0) {
        fields = Fields(id: id, legacyID: legacyID, source: source, format: format, header: header,
                        commentCount: commentCount, sourceMarks: nil)
    }

    public subscript<Value>(dynamicMember field: WritableKeyPath<StoryHeader, Value>) -> Value {
        _read { yield fields.header[keyPath: field] }
        set { unique().header[keyPath: field] = newValue }
    }

    public var path: String { fields.source.path }

    /// Shows the fields, not the box (in test failures and `dump`).
    public var customMirror: Mirror { Mirror(self, children: storedFields.children) }

    public static func == (left: StorySummary, right: StorySummary) -> Bool {
        left.fields === right.fields || left.fields.sameValues(as: right.fields)
    }

    /// The stored fields, by name and value.
    var storedFields: Mirror { Mirror(reflecting: fields) }

    /// The box, made this summary's own before it is changed.
    private mutating func unique() -> Fields {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
        return fields
    }

    /// Changed only through `unique()`, when no other summary holds it: shared boxes are only read, so they
    /// may be read from any thread.
    private final class Fields: @unchecked Sendable {
        var id: String
        var legacyID: String?
        var source: SourceReference
        var format: String
        var header: StoryHeader
        var commentCount: Int
        var sourceMarks: SourceMarks?

        init(id: String, legacyID: String?, source: SourceReference, format: String, header: StoryHeader,
             commentCount: Int, sourceMarks: SourceMarks?) {
            self.id = id
            self.legacyID = legacyID
            self.source = source
            self.format = format
            self.header = header
            self.commentCount = commentCount
            self.sourceMarks = sourceMarks
        }

        func copy() -> Fields {
            Fields(id: id, legacyID: legacyID, source: source, format: format, header: header,
                   commentCount: commentCount, sourceMarks: sourceMarks)
        }

        func sameValues(as other: Fields) -> Bool {
            id == other.id && legacyID == other.legacyID && source == other.source && format == other.format
                && header == other.header && commentCount == other.commentCount && sourceMarks == other.sourceMarks
        }
    }
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
