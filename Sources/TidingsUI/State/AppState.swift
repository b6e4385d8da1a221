import Foundation
import TidingsModel

/// Everything the reader shows, and the one place it changes: `update(_:)` takes an event (a key, a resize,
/// loaded stories, a finished save) and returns the effects the executable must carry out (parse a story,
/// save read marks, quit); `render()` draws it. No terminal, no files, no clock: the executable does the I/O.
public struct AppState: Sendable {
    /// A screen drawn over the reader: a page of text scrolled by line.
    public enum Overlay: Equatable, Sendable {
        case none
        case help(top: Int)
        case problems(top: Int)
    }

    /// Something only the executable can do, asked for by the update.
    public enum Effect: Equatable, Sendable {
        /// Parse the story behind the list entry at `index`; answer with `Event.storyParsed`.
        case loadStory(index: Int, summary: StorySummary)
        /// Apply these read-state changes to the state file (`fallback` is written if the file is unusable);
        /// answer with `Event.saveFinished` or `Event.saveFailed`.
        case save(changes: [ReadState.Change], fallback: ReadState)
        /// Everything is saved (a `save` came first): exit.
        case quit
        /// Clear the terminal and draw every cell again (another program may have damaged the screen).
        case redraw
        /// Restore the terminal and stop the process until the shell's `fg`.
        case suspend
        /// Start the browser on this URL (it passed `LinkCheck`), without a shell and without waiting;
        /// answer with `Event.openFailed` when no browser could be started.
        case openURL(String)
        /// Put this URL (it passed `LinkCheck`) on the clipboard through the terminal, between frames.
        case copyToClipboard(String)
        /// Read the counted comment ids of these stories from their files, for mark-all-read; answer with
        /// `Event.commentsCollected`.
        case collectComments([StorySummary])
        /// Read the counted comment ids of these list entries from their files, so their unread counts follow
        /// marks made on the same story listed from another file; answer with `Event.unreadRecounted`.
        case recountUnread([StorySummary])
        /// Look for these words in these stories in the background (any search before stops); answer with
        /// `Event.searchFound` batches of this generation.
        /// `order` are indices into `entries`, in the order to search them (the list's); `entries` is the
        /// reader's own array, handed over shared, not copied.
        case search(generation: Int, words: TextQuery, entries: [StoryEntry], order: [Int])
        /// More stories for the search of this generation (they arrived from the loader while it ran).
        case searchMore(generation: Int, entries: [StoryEntry], order: [Int])
        /// Stop the search under way.
        case cancelSearch
        /// List every source again and read what changed since it was read; answer with
        /// `Event.collectionChanged` (a rescan).
        case rescan
    }

    /// The story list, in load order: `selectedStory`, `loadingStory` and parsed stories are indices here.
    public internal(set) var entries: [StoryEntry] = []
    /// Which entries the list shows, in which order (`StoryRows`).
    var rows = StoryRows()
    /// Entries whose stories left the disk or were read again (`AppState+Changes`): never shown again.
    var gone = GoneEntries()
    /// Entries whose place in load order is not their index → that place: a story read again from a changed
    /// file takes the place of the entry it replaced, a new file a place between its neighbours by name
    /// (`AppState+Changes`). An entry not here is at its index.
    var loadRanks: [Int: Double] = [:]
    /// The files and folders the stories were read from, in the order given: the walk reads each whole
    /// before the next (`WalkOrder`).
    public var sourcePaths: [String] = []
    /// Stories with anything unread and unread comments in all, for the list's title (`UnreadTally`).
    var unreadTally = UnreadTally()
    /// The stories listed or listable: every entry but those gone.
    public var storyCount: Int { entries.count - gone.count }
    /// Whether there is any story (loaded, and not gone since).
    public var hasStories: Bool { storyCount > 0 }
    /// Whether stories with nothing unread are left out of the list (`H`), for this session.
    public internal(set) var hidesRead = false
    /// The order of the rows (`s`, `S`); saved with the session.
    public internal(set) var sort = StorySort.path
    /// The folds and selected comment of each story visited, by story id (`AppState+Places`).
    var places = StoryPlaces()
    /// The story the last session ended on, until it arrives from the loader or a key comes first.
    var pendingRestore: PendingRestore?
    /// How many entries at the end of the list are provisional (`AppState+Provisional`).
    public internal(set) var provisionalCount = 0
    /// Whether a key or a click has come: until then the reader stays on the first row of a list that
    /// changes as it loads.
    var touched = false
    /// Whether the story on screen was put there by the session restore, no key or click having come since:
    /// the story is not opened by the restore, so one marked unread stays so across a restart (its comments
    /// on screen are read, all but those marked unread: `restoredUnread`).
    var showsRestoredPlace = false
    /// The restored story's comments marked unread in the last session, until the story is shown.
    var restoredUnread: (storyID: String, ids: [String])?
    public internal(set) var problems: [LoadProblem] = []
    public internal(set) var readState: ReadState
    /// Bumped on every change to `readState`, so the executable knows when to save.
    public internal(set) var readStateRevision = 0
    /// When a link was opened by its number without Enter (`AppState+Links`): an Enter typed straight after
    /// (within a second, no click between) is the number's.
    var linkOpenedByNumber: Date?
    /// The other rows of the selected story, once its marks changed (`AppState+DuplicateStories`).
    var copiesOfSelection: CopiesOfSelection?
    /// The stories whose marks changed in this run (the loader counted unread comments against the marks it
    /// started with: `AppState+Provisional`).
    var storiesMarkedThisRun: Set<String> = []
    public internal(set) var width: Int
    public internal(set) var height: Int
    public internal(set) var focus: Focus = .stories
    public internal(set) var overlay: Overlay = .none
    public internal(set) var selectedStory = 0
    /// The story list's scroll position.
    public internal(set) var storyList = ListViewport()
    /// The story text's scroll position.
    public internal(set) var storyTextView = ListViewport()
    public var storyListTop: Int { storyList.top }
    var textTop: Int {
        get { storyTextView.top }
        set { storyTextView.top = newValue }
    }
    /// Whether quitting was asked for: the next `update` asks for the last save and the exit.
    public var shouldQuit: Bool { quitting }
    /// Keys pressed so far of a key sequence not yet complete.
    var pendingKeys: [KeyPress] = []
    /// Keys waiting for the selected story to be parsed.
    var heldKeys: [KeyPress] = []
    /// The key that ran the command being run: `1`…`9` say which link to open.
    var commandKey: KeyPress?
    /// Whether the reader has stopped taking keys (quit was asked for and the final save requested).
    var quitting = false
    /// A one-off message for the status line, cleared by the next key; every message is also kept in
    /// `recentMessages`, so one cut at the screen edge can be read in full in the problem list.
    public var message: String? {
        didSet {
            // Timed from the next tick: a message stays `messageLifetime` seconds unless a key clears it first.
            messageShownAt = nil
            guard let message, message != recentMessages.last, recordsMessage else { return }
            recentMessages.append(message)
            if recentMessages.count > Self.messagesKept { recentMessages.removeFirst() }
        }
    }
    /// Off while a message for the moment alone is set (`sayForNow`).
    var recordsMessage = true
    /// When the message on the status line was first drawn (set by the tick after it came).
    var messageShownAt: Date?
    /// How long a message stays on the status line when no key comes.
    static let messageLifetime: TimeInterval = 6
    /// The last messages shown, oldest first.
    public private(set) var recentMessages: [String] = []
    static let messagesKept = 30
    /// Problems with the session itself (the state file set aside, saves failing), listed above file problems.
    public private(set) var sessionProblems: [String] = []
    /// Lines of the config file that were not applied, each with its line number (`reportConfigProblems`).
    public internal(set) var configProblems: [String] = []
    /// The question the status line asks, waiting for the next key.
    var question: Question?
    /// A line being typed on the status line (a search, a find): it takes the keys until Enter or Esc.
    var prompt: Prompt?
    /// Why the line typed cannot be used, or that it is not found: shown after it.
    var promptProblem: String?
    /// The query the story list is narrowed by (`AppState+Search`).
    var activeQuery: ActiveQuery?
    /// Numbers the searches, so results of one stopped or replaced are never taken for another's.
    var searchGeneration = 0
    /// Set while a new query is applied: the selected story is judged like any other.
    var listingStrictly = false
    /// Text found in the open story with `/`, highlighted and stepped through with `>` and `<`.
    var paneFind: PaneFind?
    /// The story-text row `>`, `<` or the find last went to, while the pane stays where that left it: the
    /// next step goes on from it, also among rows the pane cannot bring to its top (the text ends).
    var textMatchPlace: TextMatchPlace?
    /// A mark-all-read said yes to, waiting for the comment ids of stories not parsed.
    var markingAll: MarkAllRequest?
    /// What each command changed in the read marks, oldest first (the last `readMarkHistoryKept`).
    public internal(set) var readMarkHistory: [ReadStateDelta] = []
    static let readMarkHistoryKept = 100
    /// Effects asked for and not yet carried out by the executable.
    public private(set) var pendingEffects: [Effect] = []
    /// Files loaded so far and in all, while a background load runs.
    public var loadProgress: (done: Int, total: Int)?
    /// The keys: `KeyMap.standard` changed by the config file. The help and the hints show these.
    public var keyMap: KeyMap {
        didSet {
            // The help and the quote fold's "T shows" are laid out with the keys.
            pageCache = nil
            storyTextCache = nil
            commentPane.layout = CommentLayout(width: commentPane.layout.width, ages: ageClock, quotes: quoteFold)
            needsFrame = true
        }
    }
    /// From this width on, the story and comment panes stand side by side (the config's
    /// `side_by_side_width`).
    public var sideBySideWidth = Layout.standardSideBySideWidth {
        didSet {
            guard sideBySideWidth != oldValue else { return }
            settle()
            needsFrame = true
        }
    }
    /// The selected story, parsed in full; nil while it is being parsed.
    public internal(set) var currentStory: Story?
    /// The selected story is not shown because a search lists no story (`AppState+EmptyList`).
    var storyHiddenByEmptyList = false
    /// Stories parsed recently, by list position: going back to one needs no parse.
    var parsedStories: ParsedStories
    /// The list position whose story was asked for and has not arrived yet.
    public internal(set) var loadingStory: Int?
    /// The last story asked to be parsed, and for which entry (`receive(_:at:for:)` drops older answers).
    var latestLoad: (index: Int, summary: StorySummary)?
    /// What to do once the story being parsed arrives.
    var onArrival = ArrivalIntent.none
    /// Whether anything shown changed since the last `render()`: an idle reader draws nothing.
    public internal(set) var needsFrame = true
    var saving = SaveSchedule()
    /// The time ages are measured from ("3 hours ago"): set by each tick, so it is current whenever a frame
    /// is drawn, and fixed by tests. The reader reads no clock of its own.
    public var now: Date
    /// Where the reader is: a story's date is shown in this time zone.
    public var timeZone: TimeZone {
        didSet {
            storyTextCache = nil
            commentPane.layout = CommentLayout(width: commentPane.layout.width, ages: ageClock, quotes: quoteFold)
        }
    }

    /// Colour, or attributes alone; the executable picks it from `NO_COLOR` and the terminal.
    public var colorMode: ColorMode = .color {
        didSet { if colorMode != oldValue { needsFrame = true } }
    }
    /// Whether long quotes are shown in full (`T`); they start folded.
    public internal(set) var quotesShown = false
    /// Comments show full dates instead of ages (`D`), for the session.
    public internal(set) var datesShown = false
    /// The focused pane fills the screen (`z`), whichever it is, until `z` again.
    public internal(set) var zoomed = false
    /// The comment pane's own state (see `CommentPaneState`).
    var commentPane = CommentPaneState()
    var storyTextCache: (story: Int, width: Int, lines: [StyledLine], anchor: (row: Int, place: WrapAnchor)?)?
    var pageCache: (key: PageKey, lines: [StyledLine], anchor: PageAnchor?)?

    /// A reader for entries that the loader will deliver; stories are parsed when shown, through effects.
    public init(readState: ReadState = ReadState(), width: Int = 80, height: Int = 24, keyMap: KeyMap = .standard,
                storyCacheSize: Int = 16, now: Date = Date(), timeZone: TimeZone = .current) {
        self.readState = readState
        self.now = now
        self.timeZone = timeZone
        self.width = width
        self.height = height
        self.keyMap = keyMap
        parsedStories = ParsedStories(capacity: storyCacheSize)
    }

    /// A reader over stories already parsed (tests, small collections): they are all kept, none is parsed again.
    public init(stories: [Story], problems: [LoadProblem] = [], readState: ReadState = ReadState(),
                width: Int = 80, height: Int = 24, keyMap: KeyMap = .standard, now: Date = Date(),
                timeZone: TimeZone = .current) {
        self.init(readState: readState, width: width, height: height, keyMap: keyMap, storyCacheSize: max(16, stories.count),
                  now: now, timeZone: timeZone)
        for (index, story) in stories.enumerated() { parsedStories.insert(story, at: index) }
        append(entries: stories.map { StoryEntry(story: $0, readState: readState) }, problems: problems)
    }

    public var layout: Layout { Layout(width: width, height: height, focus: focus, sideBySideWidth: sideBySideWidth, zoomed: zoomed) }

    /// Hands the effects asked for since the last call to the executable.
    public mutating func takeEffects() -> [Effect] {
        defer { pendingEffects.removeAll() }
        return pendingEffects
    }

    mutating func request(_ effect: Effect) {
        if case .loadStory(let index, let summary) = effect { latestLoad = (index, summary) }
        pendingEffects.append(effect)
    }

    /// Makes the next tick save the whole state, as after loading it from the backup of a damaged file:
    /// the good state is then in the state file again, not only in the backup.
    public mutating func saveSoon() {
        readStateRevision += 1
    }

    /// Records a problem with the session (not with a story file): shown now, and kept in the problem list.
    public mutating func reportSessionProblem(_ text: String, showNow: Bool = true) {
        if sessionProblems.last != text { sessionProblems.append(text) }
        if showNow { message = text }
        needsFrame = true
    }

    /// Forgets the session's problems that no longer hold (saves that failed, once one succeeded).
    mutating func forgetSessionProblems(where stale: (String) -> Bool) {
        sessionProblems.removeAll(where: stale)
        needsFrame = true
    }

    /// Files that could not be loaded, as opposed to files skipped because they are not stories.
    public internal(set) var failedFiles: [LoadProblem] = []
    /// Files passed over because they are not stories (a README beside the stories): listed only on `p`.
    public internal(set) var skippedFiles: [LoadProblem] = []

    /// Adds list entries found by the loader; the selection stays on the same story.
    public mutating func append(entries newEntries: [StoryEntry], problems newProblems: [LoadProblem] = []) {
        let wasEmpty = entries.isEmpty
        let start = entries.count
        entries.adopt(newEntries)
        problems.append(contentsOf: newProblems)
        // Kept apart as they arrive: the status line counts the failed ones on every frame.
        for problem in newProblems {
            if problem.isSkipped { skippedFiles.append(problem) } else { failedFiles.append(problem) }
        }
        // Stories arriving while a query with words is in force are listed once the search finds them.
        searchArrivals(from: start)
        keepingSelectionOnScreen { $0.rows.add(upTo: $0.entries.count, where: $0.isListed, order: $0.storyOrder()) }
        if wasEmpty, !entries.isEmpty { selectStory(rows.isEmpty ? 0 : rows.entry(atRow: 0)) }
        settle()
    }

    public mutating func resize(width: Int, height: Int) {
        // A page read to its end stays at its end, though its lines wrap anew.
        let pageAtEnd = overlay != .none && layout.arrangement != .tooSmall && pageTop > 0
            && pageTop >= pageLines().count - pageHeight
        // So does a tall last comment shown to its last line.
        let commentsAtEnd = isShowingTheEndOfATallLastComment()
        // The row a step named is another one at a new size: its message and place go.
        if textMatchPlace != nil, width != self.width || height != self.height {
            textMatchPlace = nil
            if message?.hasSuffix(Self.rowOfPaneWords) == true { message = nil }
        }
        self.width = max(0, width)
        self.height = max(0, height)
        settle()
        if pageAtEnd, layout.arrangement != .tooSmall { setPageTop(Int.max / 2) }
        if commentsAtEnd, layout.comments != nil {
            goToLastComment()
            settle()
        }
    }

    /// Brings scroll positions in line with the selection and size, then marks what is now shown.
    mutating func settle() {
        // First: a story hidden by an emptied list has nothing shown to mark.
        followEmptiedList()
        let layout = self.layout
        if let list = layout.storyList { storyList.show(rows.row(ofEntry: selectedStory) ?? 0, height: list.height, count: rows.count) }
        if let text = layout.storyTextBody {
            let lines = storyTextLines(width: text.width)
            let wanted = textTop
            storyTextView.clamp(height: text.height, count: lines.count)
            // Held at the end by this size, the pane keeps its place for the next size: only scrolling
            // makes a new one.
            if textTop != wanted, var cache = storyTextCache, let anchor = cache.anchor, anchor.row == wanted {
                cache.anchor = (textTop, anchor.place)
                storyTextCache = cache
            }
        }
        if let pane = layout.comments {
            prepareCommentLayout(width: pane.width)
            keepCommentVisible(height: pane.height)
            // Quitting reads nothing: what was on screen before the key was marked by the frame that showed it.
            if focus == .comments, overlay == .none, !quitting { markShownCommentsRead(height: pane.height) }
        }
        clampOverlay()
    }

    /// A layout for the pane's width, and for the minute it is now: ages move on, so a layout made in
    /// another minute is made again (line counts do not change with ages, so the anchor stays valid).
    mutating func prepareCommentLayout(width: Int) {
        if commentPane.layout.width != width || !commentPane.layout.ages.agrees(with: ageClock)
            || commentPane.layout.quotes != quoteFold {
            commentPane.layout = CommentLayout(width: width, ages: ageClock, quotes: quoteFold)
        }
    }

    var ageClock: AgeClock { AgeClock(now: now, timeZone: timeZone, showsDates: datesShown) }
}
