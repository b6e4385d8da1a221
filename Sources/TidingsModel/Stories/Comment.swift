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
