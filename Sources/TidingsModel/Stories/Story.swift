/// One saved story: what it says about itself, its text, and its comment thread, in a form that does not
/// depend on the format it came from. Header fields read as the story's own: `story.title`.
@dynamicMemberLookup
public struct Story: Sendable, Equatable {
    /// Stable identifier: the `Id:` header (or the id the service gave) when present, otherwise derived
    /// from what makes the story itself (docs/STATE.md).
    public var id: String
    /// An id the story's marks may still be saved under: the id it had under the version-1 rule (title and
    /// submitter), or a mail thread's id before the parent of its missing start turned up
    /// (`MailThreads.formerID`); nil when none.
    public var legacyID: String?
    public var source: SourceReference
    /// Name of the importer that read it (for example `tidings`).
    public var format: String
    public var header: StoryHeader
    public var body: StoryBody
    /// Every comment in pre-order (a parent before its replies); see `Comment.depth` and `Comment.parent`.
    public var comments: [Comment]
    /// The mail client had marked the story's own message read (see `Comment.seenAtSource`).
    public var seenAtSource = false
    /// A message's attachments when the story is the first message of a mail or news thread: listed under
    /// its text, never shown.
    public var attachments: [Comment.Attachment] = []
    /// The body is the reader's note, not the writer's text (a thread whose first message is not saved):
    /// there is nothing of the story's own to read.
    public var bodyIsNote = false

    public init(id: String, legacyID: String? = nil, source: SourceReference, format: String, header: StoryHeader,
                body: StoryBody = [], comments: [Comment] = []) {
        self.id = id
        self.legacyID = legacyID
        self.source = source
        self.format = format
        self.header = header
        self.body = body
        self.comments = comments
    }

    /// A story with a title and little else (tests, placeholders).
    public init(id: String, path: String, format: String, title: String?, body: StoryBody = [], comments: [Comment] = []) {
        self.init(id: id, source: SourceReference(path: path), format: format, header: StoryHeader(title: title),
                  body: body, comments: comments)
    }

    public subscript<Value>(dynamicMember field: WritableKeyPath<StoryHeader, Value>) -> Value {
        get { header[keyPath: field] }
        set { header[keyPath: field] = newValue }
    }

    /// The file the story came from.
    public var path: String { source.path }

    /// Indices of the comments with no parent, in order.
    public var topLevelCommentIndices: [Int] {
        comments.indices.filter { comments[$0].parent == nil }
    }
}

extension Story {
    /// Fills in `descendantCount` for every comment from `parent` links, without recursion.
    public static func countDescendants(_ comments: inout [Comment]) {
        for index in comments.indices.reversed() {
            if let parent = comments[index].parent {
                comments[parent].descendantCount += comments[index].descendantCount + 1
            }
        }
    }
}
