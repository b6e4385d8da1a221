import Foundation

/// One comment, stored flat: the tree is given by `depth` and `parent` over the story's pre-order list.
public struct Comment: Sendable, Equatable {
    /// What the entry stands for: most are comments; some sources keep the place of what is gone or was
    /// never saved.
    public enum Kind: Sendable, Equatable {
        case comment
        /// Deleted or removed at the source: it keeps its place so its replies stay in the tree; the text
        /// says what the source says (`[deleted]`, `[removed]`).
        case deleted
        /// Not a comment: replies the source listed but the file does not hold ("12 more replies not
        /// saved"). Never counted, never unread, never marked.
        case unsaved
    }

    public var id: CommentID
    /// The id the comment's service gave it (a Hacker News item number, a Reddit `t1_` name), when it has one.
    public var serviceID: String?
    public var kind: Kind
    /// 0 for a top-level comment, parent depth + 1 for a reply.
    public var depth: Int
    /// Index of the parent comment in `Story.comments`, or nil for a top-level comment.
    public var parent: Int?
    public var author: String?
    /// The time as the source wrote it ("3 hours ago"), shown when there is no `date`.
    public var age: String?
    /// When it was posted, when the source gives a time: shown as an age relative to now.
    public var date: Date?
    public var score: Int?
    /// A mail or news message's subject, decoded, or a feed reply's title: shown when it differs from its
    /// parent's after `Re:`.
    public var subject: String?
    /// The comment's own page, when its source names one (a feed reply's link): `o` and `y` open it when
    /// the text links no page. Only a web address (`webPage`).
    public var url: String?

    /// A link as a comment's own page: an http or https address, else none (a link left relative with no
    /// address to resolve it against, `ftp:`, `javascript:` is no page to open: `o` opens the story's).
    public static func webPage(_ link: String?) -> String? {
        guard let link, case let lower = link.prefix(8).lowercased(), lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        return link
    }
    /// The mail client had marked it seen (Maildir `S`, mbox `Status: RO`): it starts read unless the
    /// state file already says something of its story.
    public var seenAtSource: Bool = false
    /// A message whose own parent (the last id its `References` or `In-Reply-To` name) is not saved: it
    /// stands under the nearest message that is, and says so, or it would read as an answer to that one.
    public var answersMissingMessage = false
    /// Attachments of a message, listed by name, type and size; never shown.
    public var attachments: [Attachment] = []
    /// The text as blocks with emphasis and numbered links (their targets listed under the comment).
    public var body: StoryBody
    /// Number of comments below this one (all descendants), which follow it directly in pre-order.
    public var descendantCount: Int

    public init(id: CommentID, serviceID: String? = nil, kind: Kind = .comment, depth: Int, parent: Int?,
                author: String? = nil, age: String? = nil, date: Date? = nil, score: Int? = nil, body: StoryBody,
                descendantCount: Int = 0) {
        self.id = id
        self.serviceID = serviceID
        self.kind = kind
        self.depth = depth
        self.parent = parent
        self.author = author
        self.age = age
        self.date = date
        self.score = score
        self.body = body
        self.descendantCount = descendantCount
    }

    /// A comment of one paragraph of plain text.
    public init(id: CommentID, serviceID: String? = nil, kind: Kind = .comment, depth: Int, parent: Int?,
                author: String? = nil, age: String? = nil, date: Date? = nil, score: Int? = nil, text: String,
                descendantCount: Int = 0) {
        self.init(id: id, serviceID: serviceID, kind: kind, depth: depth, parent: parent, author: author, age: age,
                  date: date, score: score, body: StoryBody(blocks: [.init(.paragraph, text: text)]),
                  descendantCount: descendantCount)
    }

    /// The text without emphasis: its blocks as lines in the native markup (`StoryBody.lines`), one per line.
    public var text: String {
        if body.blocks.count == 1, body.blocks[0].kind == .paragraph, body.blocks[0].level == 0 {
            return body.blocks[0].plainText
        }
        return body.lines.joined(separator: "\n")
    }

    /// A part of a message that is not its text: listed under it, never shown.
    public struct Attachment: Sendable, Equatable {
        public var name: String?
        /// The MIME type, lowercased (`application/pdf`).
        public var type: String
        /// Size in bytes after transfer decoding (as far as it could be decoded).
        public var size: Int

        public init(name: String?, type: String, size: Int) {
            self.name = name
            self.type = type
            self.size = size
        }
    }

    /// Whether it counts as a comment (everything but `unsaved` stubs).
    public var isCounted: Bool { kind != .unsaved }
}

extension Sequence where Element == Comment {
    /// How many of them are comments (not `unsaved` stubs).
    public var countedCount: Int { reduce(0) { $0 + ($1.isCounted ? 1 : 0) } }
}
