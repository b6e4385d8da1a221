/// Every command the reader knows, named as the help, the README and (later) the config file name it. The
/// order of the cases is the order of the status hints.
public enum Command: String, CaseIterable, Sendable {
    case moveUp = "move-up"
    case moveDown = "move-down"
    case pageUp = "page-up"
    case pageDown = "page-down"
    case goTop = "go-top"
    case goBottom = "go-bottom"
    case openStory = "open-story"
    case toggleFold = "toggle-fold"
    case collapseThread = "collapse-thread"
    case expandThread = "expand-thread"
    case parentComment = "parent-comment"
    case nextSibling = "next-sibling"
    case previousSibling = "previous-sibling"
    case nextThread = "next-thread"
    case previousThread = "previous-thread"
    case collapseAll = "collapse-all"
    case expandAll = "expand-all"
    case collapseRead = "collapse-read"
    case toggleRead = "toggle-read"
    case markAllRead = "mark-all-read"
    case undo = "undo"
    case toggleQuotes = "toggle-quotes"
    case nextUnread = "next-unread"
    case previousUnread = "previous-unread"
    case focusStories = "focus-stories"
    case nextPane = "next-pane"
    case previousPane = "previous-pane"
    case showHelp = "show-help"
    case showProblems = "show-problems"
    case closePage = "close-page"
    case quit = "quit"
    case quitNow = "quit-now"
    case redraw = "redraw"
    case suspend = "suspend"

    /// The stable name: `toggle-read`.
    public var name: String { rawValue }
    public var spec: CommandSpec { CommandSpec.table[self]! }
}
