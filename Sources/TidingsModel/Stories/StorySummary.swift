import Foundation

/// What the story list needs to know of a story: its header and comment count, without the body or the
/// comments, so 100,000 of them fit in little memory. The full story is parsed again from `source` when shown.
@dynamicMemberLookup
public struct StorySummary: Sendable, Equatable, CustomReflectable {
    /// The fields live in one shared box that is never changed, only replaced: the list's arrays hold a
    /// pointer per story, so listing 100,000 stories moves and copies pointers, not the dozen strings of each
    /// (every copy of them retained each one). Fields are constants, read with a plain load from code that
    /// inlines the getters: a sort reads one field of each of 100,000 boxes.
    @usableFromInline var box: Box

    public var id: String {
        @inlinable get { box.values.id }
        set { change { $0.id = newValue } }
    }
    /// An id its marks may still be saved under (see `Story.legacyID`).
    public var legacyID: String? {
        @inlinable get { box.values.legacyID }
        set { change { $0.legacyID = newValue } }
    }
    public var source: SourceReference {
        @inlinable get { box.values.source }
        set { change { $0.source = newValue } }
    }
    public var format: String {
        @inlinable get { box.values.format }
        set { change { $0.format = newValue } }
    }
    public var header: StoryHeader {
        @inlinable get { box.values.header }
        set { change { $0.header = newValue } }
    }
    public var commentCount: Int {
        @inlinable get { box.values.commentCount }
        set { change { $0.commentCount = newValue } }
    }
    /// The count the list shows, `comments:` filters by and the most-comments sort orders by: the comments
    /// saved, or the count the page claimed when none were saved (an Ask HN listing).
    public var listedCommentCount: Int { commentCount == 0 ? header.declaredComments ?? 0 : commentCount }
    /// What the mail client had marked read (Maildir `S`, mbox `Status: R`), when anything: the story starts
    /// with these marks unless the state file already says something of it.
    public var sourceMarks: SourceMarks? {
        @inlinable get { box.values.sourceMarks }
        set { change { $0.sourceMarks = newValue } }
    }

    public init(id: String, legacyID: String? = nil, source: SourceReference, format: String, header: StoryHeader,
                commentCount: Int = 0) {
        box = Box(Values(id: id, legacyID: legacyID, source: source, format: format, header: header,
                         commentCount: commentCount, sourceMarks: nil))
    }

    // The header fields the list sorts, filters and draws by, read without the rest of the header.
    public var title: String? {
        @inlinable get { box.values.header.title }
        set { change { $0.header.title = newValue } }
    }
    public var author: String? {
        @inlinable get { box.values.header.author }
        set { change { $0.header.author = newValue } }
    }
    public var category: String? {
        @inlinable get { box.values.header.category }
        set { change { $0.header.category = newValue } }
    }
    public var date: Date? {
        @inlinable get { box.values.header.date }
        set { change { $0.header.date = newValue } }
    }
    public var dateText: String? {
        @inlinable get { box.values.header.dateText }
        set { change { $0.header.dateText = newValue } }
    }

    public subscript<Value>(dynamicMember field: WritableKeyPath<StoryHeader, Value>) -> Value {
        get { box.values.header[keyPath: field] }
        set { change { $0.header[keyPath: field] = newValue } }
    }

    public var path: String { @inlinable get { box.values.source.path } }

    /// Shows the fields, not the box (in test failures and `dump`).
    public var customMirror: Mirror { Mirror(self, children: storedFields.children) }

    public static func == (left: StorySummary, right: StorySummary) -> Bool {
        left.box === right.box || left.box.values == right.box.values
    }

    /// The stored fields, by name and value.
    var storedFields: Mirror { Mirror(reflecting: box.values) }

    /// A new box with the change made (the old one may be shared).
    private mutating func change(_ body: (inout Values) -> Void) {
        var values = box.values
        body(&values)
        box = Box(values)
    }

    @usableFromInline
    struct Values: Sendable, Equatable {
        @usableFromInline var id: String
        @usableFromInline var legacyID: String?
        @usableFromInline var source: SourceReference
        @usableFromInline var format: String
        @usableFromInline var header: StoryHeader
        @usableFromInline var commentCount: Int
        @usableFromInline var sourceMarks: SourceMarks?
    }

    @usableFromInline
    final class Box: Sendable {
        @usableFromInline let values: Values

        init(_ values: Values) { self.values = values }
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
