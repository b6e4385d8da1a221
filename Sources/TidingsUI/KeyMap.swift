/// A key press as the UI understands it, independent of curses.
public enum Key: Hashable, Sendable {
    case up, down, left, right, pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace
    case character(Character)

    /// How the help screen writes the key.
    public var label: String {
        switch self {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Bksp"
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        }
    }
}

/// Named operations: keys map to these, and the help screen lists them.
public enum Action: String, CaseIterable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, moveFirst, moveLast
    case nextPane, previousPane, open, expand, collapse
    case toggleRead, nextUnread, showProblems, help, back, quit

    /// One line for the help screen.
    public var summary: String {
        switch self {
        case .moveUp: return "Move up in the focused pane (a long comment scrolls first)"
        case .moveDown: return "Move down in the focused pane (a long comment scrolls first)"
        case .pageUp: return "Page up"
        case .pageDown: return "Page down"
        case .moveFirst: return "Go to the first item"
        case .moveLast: return "Go to the last item"
        case .nextPane: return "Focus the next pane (stories, story text, comments)"
        case .previousPane: return "Focus the previous pane"
        case .open: return "Open the selected story (focus moves to its comments)"
        case .expand: return "Comments: expand the selected thread"
        case .collapse: return "Comments: collapse the thread, or go to the parent"
        case .toggleRead: return "Toggle read: a story with its comments, a comment with its replies"
        case .nextUnread: return "Go to the next unread story or comment"
        case .showProblems: return "List the files that could not be loaded"
        case .help: return "Show or hide this help"
        case .back: return "Close help or the problem list"
        case .quit: return "Save and quit"
        }
    }
}

/// The key table: the single source for key handling and the help screen.
public struct KeyMap: Sendable {
    public struct Binding: Sendable {
        public var keys: [Key]
        public var action: Action
    }

    public var bindings: [Binding]

    public static let standard = KeyMap(bindings: [
        Binding(keys: [.up, .character("k")], action: .moveUp),
        Binding(keys: [.down, .character("j")], action: .moveDown),
        Binding(keys: [.pageUp, .character("b")], action: .pageUp),
        Binding(keys: [.pageDown, .character(" ")], action: .pageDown),
        Binding(keys: [.home, .character("g")], action: .moveFirst),
        Binding(keys: [.end, .character("G")], action: .moveLast),
        Binding(keys: [.tab], action: .nextPane),
        Binding(keys: [.backTab], action: .previousPane),
        Binding(keys: [.enter], action: .open),
        Binding(keys: [.right, .character("l")], action: .expand),
        Binding(keys: [.left, .character("h")], action: .collapse),
        Binding(keys: [.character("r")], action: .toggleRead),
        Binding(keys: [.character("n")], action: .nextUnread),
        Binding(keys: [.character("p")], action: .showProblems),
        Binding(keys: [.character("?")], action: .help),
        Binding(keys: [.escape], action: .back),
        Binding(keys: [.character("q")], action: .quit),
    ])

    public func action(for key: Key) -> Action? {
        for binding in bindings where binding.keys.contains(key) { return binding.action }
        return nil
    }

    /// Help lines built from the table, in table order: keys, then what they do.
    public func helpLines() -> [(keys: String, summary: String)] {
        bindings.map { binding in
            (binding.keys.map(\.label).joined(separator: " "), binding.action.summary)
        }
    }
}
