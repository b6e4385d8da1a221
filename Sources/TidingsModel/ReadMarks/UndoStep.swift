/// One marking action the user can take back (`u`): what it changed, kept as the marks that restore the state
/// before it, per story. Only what the action really changed is kept, so undoing it touches nothing else.
public struct UndoStep: Sendable, Equatable {
    /// What to give one story back.
    public struct Restore: Sendable, Equatable {
        /// The story's own read flag to restore; nil when the action did not change it.
        public var read: Bool?
        /// Comments to mark read again (the action marked them unread).
        public var readComments: [CommentID]
        /// Comments to mark unread again (the action marked them read).
        public var unreadComments: [CommentID]

        public init(read: Bool? = nil, readComments: [CommentID] = [], unreadComments: [CommentID] = []) {
            self.read = read
            self.readComments = readComments
            self.unreadComments = unreadComments
        }

        var isEmpty: Bool { read == nil && readComments.isEmpty && unreadComments.isEmpty }
    }

    /// The command that made the step (`toggle-read`, `mark-all-read`).
    public var command: String
    public var stories: [String: Restore]

    public init(command: String, stories: [String: Restore]) {
        self.command = command
        self.stories = stories
    }

    /// The step that takes back `changes` (made in this order): for each story flag and comment the value
    /// it had before the first change, when the last change left it different. Nil when nothing is left.
    public init?(command: String, undoing changes: [ReadState.Change]) {
        var flags: [String: (before: Bool, after: Bool)] = [:]
        var comments: [String: [CommentID: (before: Bool, after: Bool)]] = [:]
        for change in changes {
            switch change {
            case .story(let id, let read):
                flags[id] = (flags[id]?.before ?? !read, read)
            case .comments(let id, let ids, let read):
                for comment in ids {
                    comments[id, default: [:]][comment] = (comments[id]?[comment]?.before ?? !read, read)
                }
            case .client, .released, .legacyAdopted, .undoAdded, .undoTaken, .undoRenamed:
                // Marks taken over from version 1 or a mail client are not given back; undo bookkeeping is
                // not a mark.
                break
            }
        }
        var stories: [String: Restore] = [:]
        for id in Set(flags.keys).union(comments.keys) {
            var restore = Restore()
            if let flag = flags[id], flag.before != flag.after { restore.read = flag.before }
            // In id order, as the state file keeps comment ids: a step saved and read back is the same step.
            for (comment, value) in (comments[id] ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard value.before != value.after else { continue }
                if value.before { restore.readComments.append(comment) } else { restore.unreadComments.append(comment) }
            }
            if !restore.isEmpty { stories[id] = restore }
        }
        guard !stories.isEmpty else { return nil }
        self.init(command: command, stories: stories)
    }

    /// The changes that restore the marks, stories in id order.
    public var changes: [ReadState.Change] {
        var result: [ReadState.Change] = []
        for (id, restore) in stories.sorted(by: { $0.key < $1.key }) {
            if let read = restore.read { result.append(.story(id, read: read)) }
            if !restore.readComments.isEmpty { result.append(.comments(id, restore.readComments, read: true)) }
            if !restore.unreadComments.isEmpty { result.append(.comments(id, restore.unreadComments, read: false)) }
        }
        return result
    }

    /// What the action did, in words: "marked 12 stories and 340 comments read".
    public var summary: String { summary(countingEveryStory: false) }

    /// The step in the words of a mark-all-read's question: every story it marked counts, also one whose
    /// text was read before and only its comments changed.
    public var summaryCountingEveryStory: String { summary(countingEveryStory: true) }

    private func summary(countingEveryStory: Bool) -> String {
        var markedRead = (stories: 0, comments: 0)
        var markedUnread = (stories: 0, comments: 0)
        for restore in stories.values {
            if restore.read == false || (countingEveryStory && restore.read == nil && !restore.unreadComments.isEmpty) { markedRead.stories += 1 }
            if restore.read == true { markedUnread.stories += 1 }
            markedRead.comments += restore.unreadComments.count
            markedUnread.comments += restore.readComments.count
        }
        let parts = [(markedRead, "read"), (markedUnread, "unread")].compactMap { counts, word -> String? in
            let things = [Self.count(counts.stories, "story", "stories"), Self.count(counts.comments, "comment", "comments")]
                .compactMap { $0 }
            return things.isEmpty ? nil : things.joined(separator: " and ") + " " + word
        }
        return "marked " + parts.joined(separator: ", ")
    }

    /// "1 story", "12 stories"; nil for none.
    public static func count(_ number: Int, _ one: String, _ many: String) -> String? {
        number == 0 ? nil : "\(number.groupedDigits) \(number == 1 ? one : many)"
    }

    /// About what the step costs in the state file, in bytes (six a comment id, the story ids, the syntax).
    var encodedSize: Int {
        stories.reduce(40 + command.utf8.count) { total, entry in
            total + entry.key.utf8.count + 40 + (entry.value.readComments.count + entry.value.unreadComments.count) * CommentID.characterCount
        }
    }
}
