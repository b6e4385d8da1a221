/// The messages of one mail story whose mark the state has its own word on, so a mail client's mark (a Maildir
/// `S` flag, an mbox `Status: R`) no longer counts for them: those whose client mark was taken, and those
/// marked unread here. Its own message and some of its comments.
public struct ClientMarks: Sendable, Equatable {
    public var story: Bool
    public var comments: CommentIDSet

    public init(story: Bool = false, comments: CommentIDSet = []) {
        self.story = story
        self.comments = comments
    }

    public var isEmpty: Bool { !story && comments.isEmpty }

    mutating func formUnion(_ other: ClientMarks) {
        story = story || other.story
        comments.formUnion(other.comments)
    }

    /// Whether a story's entry records what it took: mail and news threads, the stories a client can mark.
    static func applies(to storyID: String) -> Bool { storyID.hasPrefix("mail:") }
}

extension ReadState {
    /// Takes the marks a mail client left on a story's messages, those the state has not taken before: each
    /// starts read unless the state says otherwise (docs/STATE.md, "Marks from mail clients"). An entry saved
    /// before taken marks were recorded only records them, so what it says stays as it was. Returns whether
    /// anything changed.
    @discardableResult
    public mutating func takeClientMarks(_ client: SourceMarks?, storyID: String, legacyID: String?) -> Bool {
        let seen = ClientMarks(story: client?.storyRead ?? false, comments: CommentIDSet(client?.readComments ?? []))
        guard let entry = stories[storyID] else {
            // Marks still under a version-1 id are the state's word on the story.
            guard !seen.isEmpty, !knows(storyID, legacyID: legacyID) else { return false }
            return take(seen, storyID: storyID)
        }
        guard let taken = entry.takenFromClient else {
            recordTaken(seen, for: storyID, record: true)
            return true
        }
        let new = ClientMarks(story: seen.story && !taken.story,
                              comments: CommentIDSet(seen.comments.lazy.filter { !taken.comments.contains($0) }))
        guard !new.isEmpty else { return false }
        return take(new, storyID: storyID)
    }

    /// Whether taking client marks could change the story's entry (cheap: no set is built).
    public func mayTakeClientMarks(_ client: SourceMarks?, storyID: String) -> Bool {
        guard client != nil || (!stories.isEmpty && ClientMarks.applies(to: storyID)) else { return false }
        guard let entry = stories[storyID] else { return client != nil }
        guard let taken = entry.takenFromClient else { return true }
        guard let client else { return false }
        return (client.storyRead && !taken.story) || client.readComments.contains { !taken.comments.contains($0) }
    }

    /// The client's marks on a story the state knows that it has not taken yet (the list counts them read,
    /// as they will be once the story is listed).
    /// A story still known by its former id (`legacyID`) counts with that entry, as it takes it over when
    /// listed. Those read already are left out.
    public func untakenClientMarks(_ client: SourceMarks?, storyID: String, legacyID: String? = nil) -> [CommentID] {
        guard let client, let marks = stories[storyID] ?? legacyID.flatMap(movedMarks), let taken = marks.takenFromClient else { return [] }
        return client.readComments.filter { !taken.comments.contains($0) && !marks.readComments.contains($0) }
    }

    private mutating func take(_ marks: ClientMarks, storyID: String) -> Bool {
        if marks.story { setStory(storyID, read: true, record: true) }
        setComments(marks.comments.sorted, in: storyID, read: true, record: true)
        recordTaken(marks, for: storyID, record: true)
        return true
    }
}
