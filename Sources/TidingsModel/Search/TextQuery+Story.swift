/// A query's words looked for in a parsed story: its title, author, category (a feed, a subreddit, a mailing
/// list: `Matched` finds the items of "Mixed & Matched"), byline and text, and each comment's author,
/// subject and text.
extension TextQuery {
    public func match(_ story: Story) -> StoryMatch {
        var tally = MatchTally(self)
        for field in [story.header.title, story.header.author, story.header.category, story.header.byline].compactMap({ $0 }) {
            tally.storyField { $0.occurs(in: field) }
        }
        for block in story.body.blocks {
            let text = block.plainText
            tally.storyField { $0.occurs(in: text) }
        }
        for comment in story.comments {
            let parts = comment.searchedParts
            tally.comment(counted: comment.isCounted) { needle in parts.contains { needle.occurs(in: $0) } }
        }
        return tally.result
    }

    /// Whether a comment holds every word (the comment pane marks it, `>` stops at it).
    public func matches(_ comment: Comment) -> Bool {
        guard !words.isEmpty, comment.isCounted else { return false }
        let parts = comment.searchedParts
        return needles.allSatisfy { needle in parts.contains { needle.occurs(in: $0) } }
    }

}

extension Comment {
    /// What a search looks at in a comment: its author, its subject and each block of its text.
    public var searchedParts: [String] {
        [author, subject].compactMap { $0 } + body.blocks.map(\.plainText)
    }
}
