/// Which stories and comments the user has read, keyed by stable ids.
public struct ReadState: Sendable, Equatable {
    /// The read marks of one story.
    public struct StoryMarks: Sendable, Equatable {
        public var isRead: Bool
        public var readComments: CommentIDSet
        /// The messages whose mark is the state's own (mail stories only; nil in an entry saved before they
        /// were recorded): those whose mail client mark was taken, and those marked unread here. A message the
        /// client marks read later is taken then; one of these stays as the state says (docs/STATE.md, "Marks
        /// from mail clients").
        public var takenFromClient: ClientMarks?
        public init(isRead: Bool = false, readComments: CommentIDSet = [], takenFromClient: ClientMarks? = nil) {
            self.isRead = isRead
            self.readComments = readComments
            self.takenFromClient = takenFromClient
        }
        var isEmpty: Bool { !isRead && readComments.isEmpty }
    }

    /// One change as made (only what really changed), kept until it is saved: a save applies the changes
    /// on top of the file on disk, so two instances sharing a state file keep each other's marks.
    public enum Change: Sendable, Equatable {
        case story(String, read: Bool)
        case comments(String, [CommentID], read: Bool)
        /// Marks a mail client left were taken: from now on the state's marks count for these messages.
        case client(String, ClientMarks)
        /// Marks an undo gave back to the mail client: its marks count again for these messages, as before
        /// the action undone (`releaseToClient`).
        case released(String, ClientMarks)
        /// The version-1 entry under this id was taken over by the stories that need it and leaves the file
        /// (see `adoptLegacyMarks`).
        case legacyAdopted(String)
        /// A marking action the user can take back was made (see `ReadState+Undo`).
        case undoAdded(UndoStep)
        /// That action was taken back: the step leaves the undo list.
        case undoTaken(UndoStep)
        /// A story is known by another id now (a mail thread whose first message arrived): the undo steps
        /// that name it name the new id.
        case undoRenamed(from: String, to: String)
    }

    public private(set) var stories: [String: StoryMarks]
    /// Marks saved under version-1 story ids that no story has taken over yet (docs/STATE.md, "Migration").
    public internal(set) var legacy: [String: StoryMarks]
    /// The marking actions `u` can take back, oldest first; saved with the marks (docs/STATE.md, "Undo").
    public internal(set) var undoSteps: [UndoStep] = []
    /// Changes since the journal was last taken (see `takeJournal`).
    public internal(set) var journal: [Change] = []
    /// Legacy entries taken over during this run, so that every story sharing one inherits it. Not saved.
    var adoptedLegacy: [String: StoryMarks] = [:]
    /// Stories that took over marks during this run: they do not again, so a mark removed since stays removed.
    var adoptedStories: Set<String> = []

    public init(stories: [String: StoryMarks] = [:], legacy: [String: StoryMarks] = [:], undoSteps: [UndoStep] = []) {
        self.stories = stories
        self.legacy = legacy
        self.undoSteps = undoSteps
    }

    /// Equal read marks, legacy ones included; the journals, the undo steps and this run's migration records
    /// do not matter (`undoSteps` is compared on its own where it does).
    public static func == (lhs: ReadState, rhs: ReadState) -> Bool {
        lhs.stories == rhs.stories && lhs.legacy == rhs.legacy
    }

    /// Moves the entries of stories whose ids have changed since they were saved (`isOld`) to the legacy
    /// table, for the stories now named otherwise to take over (`adoptLegacyMarks`).
    mutating func moveToLegacy(where isOld: (String) -> Bool) {
        for (id, marks) in stories where isOld(id) {
            stories[id] = nil
            // An entry with nothing read has nothing to hand over (the legacy table keeps none such).
            if legacy[id] == nil, !marks.isEmpty { legacy[id] = marks }
        }
    }

    /// The changes made since the last call, for saving.
    public mutating func takeJournal() -> [Change] {
        defer { journal.removeAll() }
        return journal
    }

    /// Replays changes (made by this instance) on this state, typically what another instance saved.
    public mutating func apply(_ changes: [Change]) {
        for change in changes {
            switch change {
            case .story(let id, let read): setStory(id, read: read, record: false)
            case .comments(let id, let ids, let read): setComments(ids, in: id, read: read, record: false)
            case .client(let id, let taken): recordTaken(taken, for: id, record: false)
            case .released(let id, let marks): releaseToClient(marks, of: id, record: false)
            case .legacyAdopted(let id): legacy[id] = nil
            // Steps merge by appending, so each instance's actions stay undoable (docs/STATE.md, "Undo").
            case .undoAdded(let step): appendUndoStep(step)
            case .undoTaken(let step): removeUndoStep(step)
            case .undoRenamed(let old, let new): renameInUndoSteps(old, to: new)
            }
        }
    }

    /// Whether the state says anything of the story (under its id, its version-1 id, or the id a mail
    /// thread had before its first message arrived).
    public func knows(_ storyID: String, legacyID: String? = nil) -> Bool {
        stories[storyID] != nil || legacyID.map { legacy[$0] != nil || movedMarks($0) != nil } == true
    }

    public func isStoryRead(_ storyID: String) -> Bool { stories[storyID]?.isRead ?? false }

    public func isCommentRead(_ commentID: CommentID, in storyID: String) -> Bool {
        stories[storyID]?.readComments.contains(commentID) ?? false
    }

    /// Number of the story's comments not marked read.
    public func unreadCount(of story: Story) -> Int {
        unreadCount(storyID: story.id, commentIDs: story.comments.lazy.filter(\.isCounted).map(\.id),
                    total: story.comments.countedCount)
    }

    /// With `legacyID`, a story with no marks of its own counts the marks still saved under its version-1
    /// id (see `marks(storyID:legacyID:)`).
    public func unreadCount<S: Sequence>(storyID: String, legacyID: String? = nil, commentIDs: S, total: Int) -> Int
    where S.Element == CommentID {
        guard let marks = marks(storyID: storyID, legacyID: legacyID), !marks.readComments.isEmpty else { return total }
        return commentIDs.reduce(0) { $0 + (marks.readComments.contains($1) ? 0 : 1) }
    }

    /// Whether any comment of the story is marked read (if not, its unread count is its comment count).
    public func hasReadComments(_ storyID: String, legacyID: String? = nil) -> Bool {
        !(marks(storyID: storyID, legacyID: legacyID)?.readComments.isEmpty ?? true)
    }

    /// Sets the story's own read mark; returns whether anything changed.
    @discardableResult
    public mutating func setStory(_ storyID: String, read: Bool) -> Bool {
        setStory(storyID, read: read, record: true)
    }

    @discardableResult
    mutating func setStory(_ storyID: String, read: Bool, record: Bool) -> Bool {
        var marks = stories[storyID] ?? StoryMarks()
        guard marks.isRead != read else { return false }
        marks.isRead = read
        // Marked unread here, it stays so whatever the mail client says of it later.
        if !read { marks.takenFromClient?.story = true }
        store(marks, for: storyID)
        if record { journal.append(.story(storyID, read: read)) }
        return true
    }

    /// Marks comments read or unread; returns whether anything changed.
    @discardableResult
    public mutating func setComments<S: Sequence>(_ ids: S, in storyID: String, read: Bool) -> Bool
    where S.Element == CommentID {
        setComments(Array(ids), in: storyID, read: read, record: true)
    }

    @discardableResult
    mutating func setComments(_ ids: [CommentID], in storyID: String, read: Bool, record: Bool) -> Bool {
        var marks = stories[storyID] ?? StoryMarks()
        // The journal records what changed, not what was asked: undoing it then restores exactly the
        // marks before (a comment already read stays read when "mark read" is undone).
        var seen = Set<CommentID>()
        let changed = ids.filter { marks.readComments.contains($0) != read && seen.insert($0).inserted }
        guard !changed.isEmpty else { return false }
        if read {
            marks.readComments.formUnion(changed)
        } else {
            marks.readComments.subtract(changed)
            marks.takenFromClient?.comments.formUnion(changed)
        }
        store(marks, for: storyID)
        if record { journal.append(.comments(storyID, changed, read: read)) }
        return true
    }

    /// A story marked unread keeps its (empty) entry: the state then says it is unread, which must outlast
    /// the marks a mail client left in the mailbox (docs/STATE.md, "Marks from mail clients").
    /// A mail story's new entry records that no client mark has been taken yet (an empty record, not
    /// none): every one the client sets from then on is taken.
    private mutating func store(_ marks: StoryMarks, for storyID: String) {
        var marks = marks
        if marks.takenFromClient == nil, stories[storyID] == nil, ClientMarks.applies(to: storyID) {
            marks.takenFromClient = ClientMarks()
        }
        stories[storyID] = marks
    }

    /// A mark made unread by an undo is the mail client's again, as it was before the action undone: marking
    /// unread here holds a message unread against the client's later marks (`setStory`), which the user's
    /// `r` means but an undo of a "read" must not (a message left unread, then read in mutt, turns read).
    mutating func releaseToClient(_ marks: ClientMarks, of storyID: String, record: Bool = true) {
        guard !marks.isEmpty, var entry = stories[storyID], var taken = entry.takenFromClient else { return }
        let before = taken
        if marks.story { taken.story = false }
        taken.comments.subtract(marks.comments)
        guard taken != before else { return }
        entry.takenFromClient = taken
        stories[storyID] = entry
        if record { journal.append(.released(storyID, marks)) }
    }

    /// Adds client marks to those the story's entry has taken (creating the entry).
    mutating func recordTaken(_ taken: ClientMarks, for storyID: String, record: Bool) {
        var marks = stories[storyID] ?? StoryMarks()
        var known = marks.takenFromClient ?? ClientMarks()
        let before = known
        known.formUnion(taken)
        guard known != before || marks.takenFromClient == nil else { return }
        marks.takenFromClient = known
        stories[storyID] = marks
        if record { journal.append(.client(storyID, taken)) }
    }
}
