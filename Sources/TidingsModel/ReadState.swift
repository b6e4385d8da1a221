/// Which stories and comments the user has read, keyed by stable ids.
public struct ReadState: Sendable, Equatable {
    /// The read marks of one story.
    public struct StoryMarks: Sendable, Equatable {
        public var isRead: Bool
        public var readComments: CommentIDSet
        public init(isRead: Bool = false, readComments: CommentIDSet = []) {
            self.isRead = isRead
            self.readComments = readComments
        }
        var isEmpty: Bool { !isRead && readComments.isEmpty }
    }

    public private(set) var stories: [String: StoryMarks]

    public init(stories: [String: StoryMarks] = [:]) { self.stories = stories }

    public func isStoryRead(_ storyID: String) -> Bool { stories[storyID]?.isRead ?? false }

    public func isCommentRead(_ commentID: CommentID, in storyID: String) -> Bool {
        stories[storyID]?.readComments.contains(commentID) ?? false
    }

    /// Number of the story's comments not marked read.
    public func unreadCount(of story: Story) -> Int {
        unreadCount(storyID: story.id, commentIDs: story.comments.lazy.map(\.id), total: story.comments.count)
    }

    public func unreadCount<S: Sequence>(storyID: String, commentIDs: S, total: Int) -> Int where S.Element == CommentID {
        guard let marks = stories[storyID], !marks.readComments.isEmpty else { return total }
        return commentIDs.reduce(0) { $0 + (marks.readComments.contains($1) ? 0 : 1) }
    }

    /// Whether any comment of the story is marked read (if not, its unread count is its comment count).
    public func hasReadComments(_ storyID: String) -> Bool { !(stories[storyID]?.readComments.isEmpty ?? true) }

    /// Sets the story's own read mark; returns whether anything changed.
    @discardableResult
    public mutating func setStory(_ storyID: String, read: Bool) -> Bool {
        var marks = stories[storyID] ?? StoryMarks()
        guard marks.isRead != read else { return false }
        marks.isRead = read
        store(marks, for: storyID)
        return true
    }

    /// Marks comments read or unread; returns whether anything changed.
    @discardableResult
    public mutating func setComments<S: Sequence>(_ ids: S, in storyID: String, read: Bool) -> Bool
    where S.Element == CommentID {
        var marks = stories[storyID] ?? StoryMarks()
        let before = marks.readComments.count
        if read { marks.readComments.formUnion(ids) } else { marks.readComments.subtract(ids) }
        guard marks.readComments.count != before else { return false }
        store(marks, for: storyID)
        return true
    }

    private mutating func store(_ marks: StoryMarks, for storyID: String) {
        stories[storyID] = marks.isEmpty ? nil : marks
    }
}
