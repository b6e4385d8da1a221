/// One row of the command table: everything the help, the hints and the key handling know of a command.
public struct CommandSpec: Sendable {
    public let command: Command
    /// One line for the help.
    public let summary: String
    /// Where it applies.
    public let contexts: Set<InputContext>
    public let needs: CommandNeed?
    /// The word the status line shows after the key, when the command is hinted there.
    public let hint: String?
    /// Whether it may act while the reader is hidden ("terminal too small"): only commands that change
    /// nothing in the reader.
    public let actsWhenHidden: Bool

    init(_ command: Command, _ summary: String, in contexts: Set<InputContext>, needs: CommandNeed? = nil,
         hint: String? = nil, actsWhenHidden: Bool = false) {
        self.command = command
        self.summary = summary
        self.contexts = contexts
        self.needs = needs
        self.hint = hint
        self.actsWhenHidden = actsWhenHidden
    }

    /// The command table: one row for each command, in a switch with no default, so a command without a row
    /// does not compile. Adding a command: a case in `Command`, a row here, a binding in `KeyMap.standard`, and
    /// its handling in `AppState.execute(_:)` (also a switch with no default). The order of `Command`'s cases
    /// is the order of the status hints.
    static func row(for command: Command) -> CommandSpec {
        switch command {
        case .moveUp:
            return CommandSpec(.moveUp, "Move up (a comment taller than the pane scrolls first)", in: everywhere, hint: "move")
        case .moveDown:
            return CommandSpec(.moveDown, "Move down (a comment taller than the pane scrolls first)", in: everywhere, hint: "move")
        case .pageUp:
            return CommandSpec(.pageUp, "Page up", in: everywhere)
        case .pageDown:
            return CommandSpec(.pageDown, "Page down", in: everywhere)
        case .goTop:
            return CommandSpec(.goTop, "Go to the top: the first line of the first item", in: everywhere)
        case .goBottom:
            return CommandSpec(.goBottom, "Go to the bottom: the last line of the last item", in: everywhere)
        case .openStory:
            return CommandSpec(.openStory, "Open the selected story: focus moves to its comments, or to its text when it has none", in: [.storyList, .storyText],
                               needs: .selectedStory, hint: "open")
        case .readOn:
            return CommandSpec(.readOn, "Read on: open the story, page through its text, then its comments, then on to the next unread story",
                               in: InputContext.reader)
        case .toggleFold:
            return CommandSpec(.toggleFold, "Fold or unfold the selected comment's replies", in: [.comments], needs: .selectedComment)
        case .collapseThread:
            return CommandSpec(.collapseThread, "Collapse the thread, or go to the parent", in: [.comments],
                               needs: .selectedComment, hint: "fold")
        case .expandThread:
            return CommandSpec(.expandThread, "Expand the selected thread (on an open one: go to its first reply)", in: [.comments],
                               needs: .selectedComment, hint: "fold")
        case .parentComment:
            return CommandSpec(.parentComment, "Go to the parent comment", in: [.comments])
        case .nextSibling:
            return CommandSpec(.nextSibling, "Go to the next comment at the same level (same parent)", in: [.comments])
        case .previousSibling:
            return CommandSpec(.previousSibling, "Go to the previous comment at the same level (same parent)", in: [.comments])
        case .nextThread:
            return CommandSpec(.nextThread, "Go to the next top-level thread", in: [.comments])
        case .previousThread:
            return CommandSpec(.previousThread, "Go to the previous top-level thread", in: [.comments])
        case .collapseAll:
            return CommandSpec(.collapseAll, "Collapse every top-level thread", in: [.comments])
        case .expandAll:
            return CommandSpec(.expandAll, "Expand every thread", in: [.comments])
        case .collapseRead:
            return CommandSpec(.collapseRead, "Collapse read: fold every thread with nothing unread, open the ones with unread replies",
                               in: [.comments])
        case .toggleRead:
            return CommandSpec(.toggleRead, "Mark read (a story with its comments, a comment with its replies); if all of it is read already, mark it unread",
                               in: InputContext.reader, needs: .selectedStory, hint: "read")
        case .toggleHideRead:
            return CommandSpec(.toggleHideRead, "Hide read stories (the selected one stays until you move off it), or show every story again",
                               in: InputContext.reader)
        case .markAllRead:
            return CommandSpec(.markAllRead, "Mark all read: every story the list shows, or the open story with its comments (asks first)",
                               in: InputContext.reader, needs: .selectedStory)
        case .undo:
            return CommandSpec(.undo, "Undo the last marking (r or A), back to 50 of them, also after a restart", in: InputContext.reader)
        case .sortNext:
            return CommandSpec(.sortNext, "Sort the stories: path, newest first, most comments, most unread, title, and round again",
                               in: InputContext.reader)
        case .sortPrevious:
            return CommandSpec(.sortPrevious, "Sort the stories by the previous order of that cycle", in: InputContext.reader)
        case .rescan:
            return CommandSpec(.rescan, "Rescan: read again every file added, changed or removed (changes are also followed as they happen)",
                               in: InputContext.reader)
        case .toggleQuotes:
            return CommandSpec(.toggleQuotes, "Show long quotes in full, or fold them again to their first lines (in every message)",
                               in: [.storyText, .comments])
        case .toggleDates:
            return CommandSpec(.toggleDates, "Show each comment's date and time, or its age again (\"3 hours ago\")",
                               in: InputContext.reader)
        case .zoomPane:
            return CommandSpec(.zoomPane, "Zoom: the focused pane alone fills the screen; again shows every pane",
                               in: InputContext.reader)
        case .openLink:
            return CommandSpec(.openLink, "Open the story's link in the browser ($BROWSER, else xdg-open); in the comments, the comment's link when it has one alone, else its own page when its feed gives one",
                               in: InputContext.reader, needs: .selectedStory)
        case .openNumberedLink:
            return CommandSpec(.openNumberedLink, "Open link [N] of the story text, or of the selected comment in the comments; 0 the story's own link (with ten or more links, type the whole number; Enter ends a shorter one)",
                               in: InputContext.reader, needs: .selectedStory)
        case .copyLink:
            return CommandSpec(.copyLink, "Copy the link o would open to the clipboard (through the terminal, OSC 52)",
                               in: InputContext.reader, needs: .selectedStory)
        case .nextUnread:
            return CommandSpec(.nextUnread, "Go to the next unread comment, on to the next story with anything unread (a story not read yet at its text)",
                               in: InputContext.reader, hint: "next unread")
        case .previousUnread:
            return CommandSpec(.previousUnread, "Go to the previous unread comment, back to the previous unread story or story with unread comments",
                               in: InputContext.reader)
        case .search:
            return CommandSpec(.search, "Search every story: words and \"phrases\" (all must be there), -word, and the filters unread, new, author:NAME, in:FEED, format:hn|reddit|lobsters|mail|news|feed|text|json, since:2d, before:2024-06-01, comments:>100; Enter on an empty line clears it",
                               in: InputContext.reader, hint: "search")
        case .findInPane:
            return CommandSpec(.findInPane, "Find text in the open story's text or comments as you type (Enter keeps it, Esc goes back)",
                               in: [.storyText, .comments])
        case .nextMatch:
            return CommandSpec(.nextMatch, "Next match of the find, else of the search's words, opening folded threads",
                               in: [.storyText, .comments], needs: .selectedStory)
        case .previousMatch:
            return CommandSpec(.previousMatch, "Previous match of the find, else of the search's words", in: [.storyText, .comments],
                               needs: .selectedStory)
        case .clearSearch:
            return CommandSpec(.clearSearch, "Clear the search: every story listed again, the selection kept", in: [.storyList])
        case .focusStories:
            return CommandSpec(.focusStories, "Focus the story list (Esc stops a running search first)",
                               in: [.storyText, .comments], hint: "stories")
        case .nextPane:
            return CommandSpec(.nextPane, "Focus the next pane (stories, story text, comments)", in: InputContext.reader, hint: "pane")
        case .previousPane:
            return CommandSpec(.previousPane, "Focus the previous pane", in: InputContext.reader)
        case .showHelp:
            return CommandSpec(.showHelp, "Show the keys", in: InputContext.reader.union([.problems]), hint: "help")
        case .showProblems:
            return CommandSpec(.showProblems, "List problems (files not loaded, the state file) and recent messages",
                               in: InputContext.reader.union([.help]))
        case .closePage:
            return CommandSpec(.closePage, "Close the help or the problem list", in: InputContext.pages, hint: "close")
        case .quit:
            return CommandSpec(.quit, "Save and quit", in: InputContext.reader, hint: "quit", actsWhenHidden: true)
        case .quitNow:
            return CommandSpec(.quitNow, "Save and quit, from any screen", in: everywhere, actsWhenHidden: true)
        case .redraw:
            return CommandSpec(.redraw, "Redraw the whole screen", in: everywhere, actsWhenHidden: true)
        case .suspend:
            return CommandSpec(.suspend, "Suspend to the shell (fg brings the reader back)", in: everywhere, actsWhenHidden: true)
        }
    }

    static let rows: [CommandSpec] = Command.allCases.map(row(for:))

    static let everywhere = InputContext.reader.union(InputContext.pages)

    static let table: [Command: CommandSpec] = Dictionary(uniqueKeysWithValues: rows.map { ($0.command, $0) })
}
