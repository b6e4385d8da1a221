/// A key press as the UI understands it, independent of curses.
public enum Key: Hashable, Sendable {
    case up, down, left, right, pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace
    case character(Character)
    /// A letter typed with Ctrl held (`control("l")` is Ctrl-L), written `C-l` in the help.
    case control(Character)

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
        case .control(let letter): return "C-" + String(letter)
        }
    }
}

/// Named operations: keys map to these, and the help screen lists them.
public enum Action: String, CaseIterable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, moveFirst, moveLast
    case nextPane, previousPane, open, expand, collapse
    case toggleRead, nextUnread, showProblems, help, back, quit, quitNow, redraw, suspend

    /// One line for the help screen.
    public var summary: String {
        switch self {
        case .moveUp: return "Move up in the focused pane (a long comment scrolls first)"
        case .moveDown: return "Move down in the focused pane (a long comment scrolls first)"
        case .pageUp: return "Page up"
        case .pageDown: return "Page down"
        case .moveFirst: return "Go to the top: the first line of the first item"
        case .moveLast: return "Go to the bottom: the last line of the last item"
        case .nextPane: return "Focus the next pane (stories, story text, comments)"
        case .previousPane: return "Focus the previous pane"
        case .open: return "Open the selected story (focus moves to its comments); on a comment, fold or unfold it"
        case .expand: return "Comments: expand the selected thread (on an open one: go to its first reply)"
        case .collapse: return "Comments: collapse the thread, or go to the parent"
        case .toggleRead: return "Mark read (a story with its comments, a comment with its replies); if all of it is read already, mark it unread"
        case .nextUnread: return "Go to the next unread comment, on to the next story with unread comments"
        case .showProblems: return "List problems (files not loaded, the state file) and recent messages"
        case .help: return "Show or hide this help"
        case .back: return "Close the help or problem list; in the reader, focus the story list"
        case .quit: return "Save and quit (in the help or problem list: close it)"
        case .quitNow: return "Save and quit, from any screen"
        case .redraw: return "Redraw the whole screen"
        case .suspend: return "Suspend to the shell (fg brings the reader back)"
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
        Binding(keys: [.control("c")], action: .quitNow),
        Binding(keys: [.control("l")], action: .redraw),
        Binding(keys: [.control("z")], action: .suspend),
    ])

    public func action(for key: Key) -> Action? {
        for binding in bindings where binding.keys.contains(key) { return binding.action }
        return nil
    }

    /// The keys bound to an action, as the help writes them (`q`), or nil when it has none.
    public func keys(for action: Action) -> String? {
        let keys = bindings.filter { $0.action == action }.flatMap(\.keys)
        return keys.isEmpty ? nil : keys.map(\.label).joined(separator: " ")
    }

    /// The first key bound to an action, for short hints on the status line.
    public func firstKey(for action: Action) -> String? {
        bindings.first { $0.action == action }?.keys.first?.label
    }

    /// Help lines built from the table, in table order: keys, then what they do.
    public func helpLines() -> [(keys: String, summary: String)] {
        bindings.map { binding in
            (binding.keys.map(\.label).joined(separator: " "), binding.action.summary)
        }
    }

    /// The README's key table, generated from the bindings (a test keeps the README in step).
    public func markdownTable() -> String {
        var table = "| keys | action |\n| --- | --- |\n"
        for (keys, summary) in helpLines() {
            table += "| " + keys.split(separator: " ").joined(separator: ", ") + " | " + summary + " |\n"
        }
        return table
    }
}
