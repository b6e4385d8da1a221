/// One saved story with its header fields, body paragraphs and comment thread.
public struct Story: Sendable, Equatable {
    /// Stable identifier: the `Id:` header when present, otherwise derived from the title, submitter,
    /// category, byline and body (docs/STATE.md).
    public var id: String
    /// The id the story had under the version-1 rule (title and submitter), to find marks saved under it;
    /// nil when unknown.
    public var legacyID: String?
    /// Path of the file the story came from, as given to the loader.
    public var path: String
    /// Name of the format that parsed it (for example `tidings`).
    public var format: String
    public var title: String?
    public var category: String?
    /// The submitter named on the `Via:` line.
    public var via: String?
    public var age: String?
    /// The comment count the file claims, which may differ from the comments it holds.
    public var declaredComments: Int?
    public var byline: String?
    /// Body paragraphs in order; list items keep their leading `- `.
    public var body: [String]
    /// Every comment in pre-order (a parent before its replies); see `Comment.depth` and `Comment.parent`.
    public var comments: [Comment]

    public init(id: String, legacyID: String? = nil, path: String, format: String, title: String? = nil,
                category: String? = nil, via: String? = nil, age: String? = nil, declaredComments: Int? = nil, byline: String? = nil,
                body: [String] = [], comments: [Comment] = []) {
        self.id = id
        self.legacyID = legacyID
        self.path = path
        self.format = format
        self.title = title
        self.category = category
        self.via = via
        self.age = age
        self.declaredComments = declaredComments
        self.byline = byline
        self.body = body
        self.comments = comments
    }

    /// Indices of the comments with no parent, in order.
    public var topLevelCommentIndices: [Int] {
        comments.indices.filter { comments[$0].parent == nil }
    }
}

/// One comment, stored flat: the tree is given by `depth` and `parent` over the story's pre-order list.
public struct Comment: Sendable, Equatable {
    public var id: CommentID
    /// 0 for a top-level comment, parent depth + 1 for a reply.
    public var depth: Int
    /// Index of the parent comment in `Story.comments`, or nil for a top-level comment.
    public var parent: Int?
    public var author: String?
    public var age: String?
    public var text: String
    /// Number of comments below this one (all descendants), which follow it directly in pre-order.
    public var descendantCount: Int

    public init(id: CommentID, depth: Int, parent: Int?, author: String? = nil, age: String? = nil,
                text: String, descendantCount: Int = 0) {
        self.id = id
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
