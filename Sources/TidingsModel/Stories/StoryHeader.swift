import Foundation

/// What a story says about itself, shared by the list entry and the full story: every format fills in what
/// it knows and leaves the rest nil.
public struct StoryHeader: Sendable, Equatable {
    public var title: String?
    /// Who submitted or wrote it (the native format's `Via:` submitter, a Hacker News `by`, a mail's sender).
    public var author: String?
    /// The link the story is about, when it has one.
    public var url: String?
    /// Where it was posted: a category, a subreddit, a newsgroup, a feed.
    public var category: String?
    /// A credit line for the story text ("Story by Ines Calloway").
    public var byline: String?
    /// When it was posted, when the source gives a time.
    public var date: Date?
    /// The time as the source wrote it ("6 hours ago"), shown when there is no `date`.
    public var dateText: String?
    public var score: Int?
    /// The comment count the source claims, which may differ from the comments it holds.
    public var declaredComments: Int?

    public init(title: String? = nil, author: String? = nil, url: String? = nil, category: String? = nil,
                byline: String? = nil, date: Date? = nil, dateText: String? = nil, score: Int? = nil,
                declaredComments: Int? = nil) {
        self.title = title
        self.author = author
        self.url = url
        self.category = category
        self.byline = byline
        self.date = date
        self.dateText = dateText
        self.score = score
        self.declaredComments = declaredComments
    }
}
