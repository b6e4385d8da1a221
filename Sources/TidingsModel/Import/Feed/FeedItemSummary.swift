extension StorySummary {
    /// Whether the story is an item of a feed: an article, which comments may answer, not a discussion.
    public var isFeedItem: Bool { format == FeedStories.format }
}
