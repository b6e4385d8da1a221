extension StorySummary {
    /// Whether the story is an item of a feed: an article, which comments may answer, not a discussion.
    public var isFeedItem: Bool { format == FeedStories.format }
}

extension Story {
    /// Whether the story is an item of a feed (`StorySummary.isFeedItem`).
    public var isFeedItem: Bool { format == FeedStories.format }
}
