import Foundation

/// One row of the story list: the summary, and how many of its comments are unread.
public struct StoryEntry: Sendable, Equatable {
    public var summary: StorySummary {
        didSet { keys = ListKeys(summary) }
    }
    public var unreadComments: Int
    /// The summary's fields the list sorts and looks stories up by, kept in the entry itself: a sort of
    /// 100,000 entries then reads one array in order, not 100,000 boxes scattered over the heap.
    public private(set) var keys: ListKeys

    public init(summary: StorySummary, unreadComments: Int) {
        self.summary = summary
        self.unreadComments = unreadComments
        keys = ListKeys(summary)
    }

    /// The entry for a fully parsed story; marks still under its version-1 id count (docs/STATE.md).
    public init(story: Story, readState: ReadState) {
        let unread = readState.unreadCount(storyID: story.id, legacyID: story.legacyID,
                                           commentIDs: story.comments.lazy.filter(\.isCounted).map(\.id),
                                           total: story.comments.countedCount)
        self.init(summary: story.summary, unreadComments: unread)
    }
}

/// What the list sorts by, and the id it looks marks up by, copied out of a summary.
public struct ListKeys: Sendable, Equatable {
    public let id: String
    public let title: String?
    public let date: Date?
    /// How long before now the story was posted, when the source gives only an age ("6 hours ago").
    public let age: TimeInterval?
    /// As the list shows it (`StorySummary.listedCommentCount`), for the most-comments sort.
    public let commentCount: Int
    /// Where the title sorts, worked out as the entry is made (on the loader's threads, not under a key).
    public let titleKey: TitleSortKey

    init(_ summary: StorySummary) {
        id = summary.id
        title = summary.title
        titleKey = TitleSortKey(summary.title)
        date = summary.date
        age = date == nil ? summary.dateText.flatMap(RelativeAge.seconds(in:)) : nil
        commentCount = summary.listedCommentCount
    }

    /// When the story was posted: its date, else its age counted back from `now` (how the newest-first sort
    /// and `since:`/`before:` date a native story, which has only "6 hours ago").
    public func postedDate(now: Date) -> Date? {
        date ?? age.map { now - $0 }
    }
}
