import TidingsModel

/// Everything the reader shows, and the one place it changes: `handle(_:)` takes a key or event and
/// updates the state; `Renderer` draws it. No terminal, no files: the executable does the I/O.
public struct AppState: Sendable {
    /// A screen drawn over the reader.
    public enum Overlay: Equatable, Sendable {
        case none
        case help(top: Int)
        case problems(selected: Int, top: Int)
    }

    public private(set) var stories: [Story] = []
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
    public internal(set) var shouldQuit = false
    /// A one-off message for the status line, cleared by the next key.
    public var message: String?
    /// Files loaded so far and in all, while a background load runs.
    public var loadProgress: (done: Int, total: Int)?
    public let keyMap: KeyMap

    var thread: CommentThread?
    var selectedComment: Int?
    var commentTop = 0
    var commentTopLine = 0
    var commentLayout = CommentLayout(width: 0)
    var storyTextCache: (story: Int, width: Int, lines: [StoryTextLine])?
    /// Comments already shown during this visit to the story: they are marked read once, not again
    /// after the user marks them unread.
    var shownComments: Set<Int> = []
    /// Comments that were unread when this visit to the story began: they keep their "new" marker while
    /// the user reads them, so what is new stays visible even though showing it marks it read.
    var newThisVisit: Set<Int> = []

    public init(stories: [Story] = [], problems: [LoadProblem] = [], readState: ReadState = ReadState(),
                width: Int = 80, height: Int = 24, keyMap: KeyMap = .standard) {
        self.readState = readState
        self.width = width
        self.height = height
        self.keyMap = keyMap
        append(stories: stories, problems: problems)
    }

    public var layout: Layout { Layout(width: width, height: height, focus: focus) }

    public var currentStory: Story? { stories.indices.contains(selectedStory) ? stories[selectedStory] : nil }

    /// Adds stories found by the loader; the selection stays on the same story.
    public mutating func append(stories newStories: [Story], problems newProblems: [LoadProblem] = []) {
        let hadStory = currentStory != nil
        stories.append(contentsOf: newStories)
        problems.append(contentsOf: newProblems)
        if !hadStory, currentStory != nil { selectStory(selectedStory) }
        settle()
    }

    public mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        settle()
    }

    // MARK: Story selection

    mutating func selectStory(_ index: Int) {
        guard !stories.isEmpty else { return }
        let clamped = min(max(0, index), stories.count - 1)
        if clamped == selectedStory, thread != nil { return }
        selectedStory = clamped
        thread = CommentThread(comments: stories[clamped].comments)
        selectedComment = thread!.isEmpty ? nil : 0
        commentTop = 0
        commentTopLine = 0
        commentLayout.invalidateAll()
        textTop = 0
        shownComments = []
        let story = stories[clamped]
        newThisVisit = Set(story.comments.indices.filter { !readState.isCommentRead(story.comments[$0].id, in: story.id) })
    }

    /// Brings scroll positions in line with the selection and size, then marks what is now shown.
    mutating func settle() {
        let layout = self.layout
        if let list = layout.storyList { keepStoryVisible(height: list.height) }
        if let text = layout.storyText { clampText(height: text.height, width: text.width) }
        if let pane = layout.comments {
            prepareCommentLayout(width: pane.width)
            keepCommentVisible(height: pane.height)
            if focus == .comments, overlay == .none { markShownCommentsRead(height: pane.height) }
        }
    }

    mutating func prepareCommentLayout(width: Int) {
        if commentLayout.width != width { commentLayout = CommentLayout(width: width) }
    }

    private mutating func keepStoryVisible(height: Int) {
        guard height > 0 else { return }
        if selectedStory < storyListTop { storyListTop = selectedStory }
        if selectedStory >= storyListTop + height { storyListTop = selectedStory - height + 1 }
        storyListTop = max(0, min(storyListTop, max(0, stories.count - height)))
    }

    // MARK: Read state

    mutating func changeReadState(_ change: (inout ReadState) -> Bool) {
        if change(&readState) { readStateRevision += 1 }
    }

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
