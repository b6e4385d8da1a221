import TidingsModel

/// Everything the reader shows, and the one place it changes: `handle(_:)` takes a key or event and
/// updates the state; `Renderer` draws it. No terminal, no files: the executable does the I/O.
public struct AppState: Sendable {
    /// A screen drawn over the reader: a page of text scrolled by line.
    public enum Overlay: Equatable, Sendable {
        case none
        case help(top: Int)
        case problems(top: Int)
    }

    /// Something only the executable can do, asked for by a key.
    public enum Effect: Equatable, Sendable {
        /// Save what is left and exit.
        case quit
        /// Clear the terminal and draw every cell again (another program may have damaged the screen).
        case redraw
        /// Restore the terminal and stop the process until the shell's `fg`.
        case suspend
    }

    /// The story list, in load order.
    public private(set) var entries: [StoryEntry] = []
    public private(set) var problems: [LoadProblem] = []
    public internal(set) var readState: ReadState
    /// Bumped on every change to `readState`, so the executable knows when to save.
    public internal(set) var readStateRevision = 0
    public internal(set) var width: Int
    public internal(set) var height: Int
    public internal(set) var focus: Focus = .stories
    public internal(set) var overlay: Overlay = .none
    public internal(set) var selectedStory = 0
    public internal(set) var storyListTop = 0
    public internal(set) var textTop = 0
    /// Whether quitting was asked for (the executable saves and exits when it takes the effect).
    public var shouldQuit: Bool { pendingEffects.contains(.quit) }
    /// Keys pressed so far of a key sequence not yet complete.
    var pendingKeys: [KeyPress] = []
    /// A one-off message for the status line, cleared by the next key; every message is also kept in
    /// `recentMessages`, so one cut at the screen edge can be read in full in the problem list.
    public var message: String? {
        didSet {
            guard let message, message != recentMessages.last else { return }
            recentMessages.append(message)
            if recentMessages.count > Self.messagesKept { recentMessages.removeFirst() }
        }
    }
    /// The last messages shown, oldest first.
    public private(set) var recentMessages: [String] = []
    static let messagesKept = 30
    /// Problems with the session itself (the state file set aside, saves failing), listed above file problems.
    public private(set) var sessionProblems: [String] = []
    /// Effects asked for and not yet carried out by the executable.
    public private(set) var pendingEffects: [Effect] = []
    /// Files loaded so far and in all, while a background load runs.
    public var loadProgress: (done: Int, total: Int)?
    public let keyMap: KeyMap
    let provider: any StoryProvider
    /// The selected story, parsed in full.
    public private(set) var currentStory: Story?

    var thread: CommentThread?
    var selectedComment: Int?
    var commentTop = 0
    var commentTopLine = 0
    var commentLayout = CommentLayout(width: 0)
    var storyTextCache: (story: Int, width: Int, lines: [StyledLine])?
    var pageCache: (key: PageKey, lines: [StyledLine])?
    /// Comments already shown during this visit to the story: they are marked read once, not again
    /// after the user marks them unread.
    var shownComments: Set<Int> = []
    /// Comments that were unread when this visit to the story began: they keep their "new" marker while
    /// the user reads them, so what is new stays visible even though showing it marks it read.
    var newThisVisit: Set<Int> = []

    public init(provider: any StoryProvider, readState: ReadState = ReadState(), width: Int = 80, height: Int = 24,
                keyMap: KeyMap = .standard) {
        self.provider = provider
        self.readState = readState
        self.width = width
        self.height = height
        self.keyMap = keyMap
    }

    /// A state over stories already parsed (tests, small collections).
    public init(stories: [Story], problems: [LoadProblem] = [], readState: ReadState = ReadState(),
                width: Int = 80, height: Int = 24, keyMap: KeyMap = .standard) {
        self.init(provider: InMemoryStories(stories), readState: readState, width: width, height: height, keyMap: keyMap)
        append(entries: stories.map { StoryEntry(story: $0, readState: readState) }, problems: problems)
    }

    public var layout: Layout { Layout(width: width, height: height, focus: focus) }

    /// Hands the effects asked for since the last call to the executable.
    public mutating func takeEffects() -> [Effect] {
        defer { pendingEffects.removeAll() }
        return pendingEffects
    }

    mutating func request(_ effect: Effect) { pendingEffects.append(effect) }

    /// Records a problem with the session (not with a story file): shown now, and kept in the problem list.
    public mutating func reportSessionProblem(_ text: String, showNow: Bool = true) {
        if sessionProblems.last != text { sessionProblems.append(text) }
        if showNow { message = text }
    }

    /// Files that could not be loaded, as opposed to files skipped because they are not stories.
    public var failedFiles: [LoadProblem] { problems }
    /// Files passed over because they are not stories (a README beside the stories): listed only on `p`.
    public var skippedFiles: [LoadProblem] { [] }

    /// Adds list entries found by the loader; the selection stays on the same story.
    public mutating func append(entries newEntries: [StoryEntry], problems newProblems: [LoadProblem] = []) {
        let wasEmpty = entries.isEmpty
        entries.append(contentsOf: newEntries)
        problems.append(contentsOf: newProblems)
        if wasEmpty, !entries.isEmpty { selectStory(0) }
        settle()
    }

    public mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        settle()
    }

    // MARK: Story selection

    mutating func selectStory(_ index: Int) {
        guard !entries.isEmpty else { return }
        let clamped = min(max(0, index), entries.count - 1)
        if clamped == selectedStory, currentStory != nil { return }
        selectedStory = clamped
        openSelectedStory()
    }

    /// Parses the selected story and resets the comment pane for it.
    private mutating func openSelectedStory() {
        let summary = entries[selectedStory].summary
        let story: Story
        switch provider.story(for: summary) {
        case .success(let found): story = found
        case .failure(let problem):
            message = "\(problem.path): \(problem.reason)"
            story = Story(id: summary.id, path: summary.path, format: summary.format, title: summary.title,
                          category: summary.category, via: summary.via, age: summary.age,
                          declaredComments: summary.declaredComments, byline: summary.byline)
        }
        currentStory = story
        // The file may have changed since the list was made: the list shows it as it is now.
        entries[selectedStory] = StoryEntry(story: story, readState: readState)
        storyTextCache = nil
        thread = CommentThread(comments: story.comments)
        selectedComment = thread!.isEmpty ? nil : 0
        commentTop = 0
        commentTopLine = 0
        commentLayout.invalidateAll()
        textTop = 0
        shownComments = []
        newThisVisit = Set(story.comments.indices.filter { !readState.isCommentRead(story.comments[$0].id, in: story.id) })
    }

    /// Brings scroll positions in line with the selection and size, then marks what is now shown.
    mutating func settle() {
        let layout = self.layout
        if let list = layout.storyList { keepStoryVisible(height: list.height) }
        if let text = layout.storyText { clampText(height: text.height, width: text.width - 2) }
        if let pane = layout.comments {
            prepareCommentLayout(width: pane.width)
            keepCommentVisible(height: pane.height)
            if focus == .comments, overlay == .none { markShownCommentsRead(height: pane.height) }
        }
        clampOverlay()
    }

    mutating func prepareCommentLayout(width: Int) {
        if commentLayout.width != width { commentLayout = CommentLayout(width: width) }
    }

    private mutating func keepStoryVisible(height: Int) {
        guard height > 0 else { return }
        if selectedStory < storyListTop { storyListTop = selectedStory }
        if selectedStory >= storyListTop + height { storyListTop = selectedStory - height + 1 }
        storyListTop = max(0, min(storyListTop, max(0, entries.count - height)))
    }

    // MARK: Read state

    /// Every read-state change goes through here: it bumps the revision and refreshes the selected
    /// story's unread count (only the open story can change).
    mutating func changeReadState(_ change: (inout ReadState) -> Bool) {
        guard change(&readState) else { return }
        readStateRevision += 1
        if let story = currentStory, entries.indices.contains(selectedStory) {
            entries[selectedStory].unreadComments = readState.unreadCount(of: story)
        }
    }

    /// The read-state changes made since the last call, for the saver to apply on top of the file.
    public mutating func takeReadStateChanges() -> [ReadState.Change] { readState.takeJournal() }

    mutating func markStoryOpened() {
        guard let story = currentStory else { return }
        changeReadState { $0.setStory(story.id, read: true) }
    }

    /// Whether the comment pane marks the comment as new: unread now, or unread when this visit began.
    public func isNew(comment index: Int) -> Bool {
        newThisVisit.contains(index) || isUnread(comment: index)
    }

    public func isUnread(comment index: Int) -> Bool {
        guard let story = currentStory else { return false }
        return !readState.isCommentRead(story.comments[index].id, in: story.id)
    }
}
