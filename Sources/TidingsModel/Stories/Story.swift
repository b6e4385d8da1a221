/// One saved story: what it says about itself, its text, and its comment thread, in a form that does not
/// depend on the format it came from. Header fields read as the story's own: `story.title`.
@dynamicMemberLookup
public struct Story: Sendable, Equatable {
    /// Stable identifier: the `Id:` header (or the id the service gave) when present, otherwise derived
    /// from what makes the story itself (docs/STATE.md).
    public var id: String
    /// The id the story had under the version-1 rule (title and submitter), to find marks saved under it;
    /// nil when unknown.
    public var legacyID: String?
    public var source: SourceReference
    /// Name of the importer that read it (for example `tidings`).
    public var format: String
    public var header: StoryHeader
    public var body: StoryBody
    /// Every comment in pre-order (a parent before its replies); see `Comment.depth` and `Comment.parent`.
    public var comments: [Comment]

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

/// One comment, stored flat: the tree is given by `depth` and `parent` over the story's pre-order list.
public struct Comment: Sendable, Equatable {
    public var id: CommentID
    /// The id the comment's service gave it (a Hacker News item number), when it has one.
    public var serviceID: String?
    /// 0 for a top-level comment, parent depth + 1 for a reply.
    public var depth: Int
    /// Index of the parent comment in `Story.comments`, or nil for a top-level comment.
    public var parent: Int?
    public var author: String?
    public var age: String?
    public var text: String
    /// Number of comments below this one (all descendants), which follow it directly in pre-order.
    public var descendantCount: Int

    public init(id: CommentID, serviceID: String? = nil, depth: Int, parent: Int?, author: String? = nil,
                age: String? = nil, text: String, descendantCount: Int = 0) {
        self.id = id
        self.serviceID = serviceID
        self.depth = depth
        self.parent = parent
        self.author = author
        self.age = age
        self.text = text
        self.descendantCount = descendantCount
    }
}

/// A comment's stable identifier: 36 bits of a hash, written as six URL-safe base64 characters.
public struct CommentID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public static let characterCount = 6
    public let value: UInt64

    public init(value: UInt64) { self.value = value & 0xF_FFFF_FFFF }

    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == Self.characterCount, let decoded = Base64URL.decode(text) else { return nil }
        self.init(value: decoded)
    }

    public var description: String { Base64URL.encode(value, characters: Self.characterCount) }

    public static func < (lhs: CommentID, rhs: CommentID) -> Bool { lhs.value < rhs.value }
}

extension Story {
    /// Fills in `descendantCount` for every comment from `parent` links, without recursion.
    static func countDescendants(_ comments: inout [Comment]) {
        for index in comments.indices.reversed() {
            if let parent = comments[index].parent {
                comments[parent].descendantCount += comments[index].descendantCount + 1
            }
        }
    }
}
