/// What the story list needs to know of a story: its header fields and comment count, without the body
/// or the comments, so 100,000 of them fit in little memory. The full story is parsed when it is shown.
public struct StorySummary: Sendable, Equatable {
    public var id: String
    /// The story's version-1 id (see `Story.legacyID`).
    public var legacyID: String?
    public var path: String
    public var format: String
    public var title: String?
    public var category: String?
    public var via: String?
    public var age: String?
    public var declaredComments: Int?
    public var byline: String?
    public var commentCount: Int

    public init(id: String, legacyID: String? = nil, path: String, format: String, title: String? = nil,
                category: String? = nil, via: String? = nil, age: String? = nil, declaredComments: Int? = nil, byline: String? = nil,
                commentCount: Int = 0) {
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
        self.commentCount = commentCount
    }
}

extension Story {
    /// The list entry for this story.
    public var summary: StorySummary {
        StorySummary(id: id, legacyID: legacyID, path: path, format: format, title: title, category: category,
                     via: via, age: age, declaredComments: declaredComments, byline: byline, commentCount: comments.count)
    }
}
