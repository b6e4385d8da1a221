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

    /// The command table. Adding a command: a case above, a row here, a binding in `KeyMap.standard`, and
    /// its handling in `AppState.execute(_:)` (a switch with no default, so a missing case does not compile).
    static let rows: [CommandSpec] = [
        CommandSpec(.moveUp, "Move up (a comment taller than the pane scrolls first)", in: everywhere, hint: "move"),
        CommandSpec(.moveDown, "Move down (a comment taller than the pane scrolls first)", in: everywhere, hint: "move"),
        CommandSpec(.pageUp, "Page up", in: everywhere),
        CommandSpec(.pageDown, "Page down", in: everywhere),
        CommandSpec(.goTop, "Go to the top: the first line of the first item", in: everywhere),
        CommandSpec(.goBottom, "Go to the bottom: the last line of the last item", in: everywhere),
        CommandSpec(.openStory, "Open the selected story: focus moves to its comments", in: [.storyList, .storyText],
                    needs: .selectedStory, hint: "open"),
        CommandSpec(.toggleFold, "Fold or unfold the selected comment's replies", in: [.comments], needs: .selectedComment),
        CommandSpec(.collapseThread, "Collapse the thread, or go to the parent", in: [.comments],
                    needs: .selectedComment, hint: "fold"),
        CommandSpec(.expandThread, "Expand the selected thread (on an open one: go to its first reply)", in: [.comments],
                    needs: .selectedComment, hint: "fold"),
        CommandSpec(.toggleRead, "Mark read (a story with its comments, a comment with its replies); if all of it is read already, mark it unread",
                    in: InputContext.reader, needs: .selectedStory, hint: "read"),
        CommandSpec(.nextUnread, "Go to the next unread comment, on to the next story with unread comments",
                    in: InputContext.reader, hint: "next unread"),
        CommandSpec(.focusStories, "Focus the story list", in: [.storyText, .comments], hint: "stories"),
        CommandSpec(.nextPane, "Focus the next pane (stories, story text, comments)", in: InputContext.reader, hint: "pane"),
        CommandSpec(.previousPane, "Focus the previous pane", in: InputContext.reader),
        CommandSpec(.showHelp, "Show the keys", in: InputContext.reader.union([.problems]), hint: "help"),
        CommandSpec(.showProblems, "List problems (files not loaded, the state file) and recent messages",
                    in: InputContext.reader.union([.help])),
        CommandSpec(.closePage, "Close the help or the problem list", in: InputContext.pages, hint: "close"),
        CommandSpec(.quit, "Save and quit", in: InputContext.reader, hint: "quit", actsWhenHidden: true),
        CommandSpec(.quitNow, "Save and quit, from any screen", in: everywhere, actsWhenHidden: true),
        CommandSpec(.redraw, "Redraw the whole screen", in: everywhere, actsWhenHidden: true),
        CommandSpec(.suspend, "Suspend to the shell (fg brings the reader back)", in: everywhere, actsWhenHidden: true),
    ]

    static let everywhere = InputContext.reader.union(InputContext.pages)

    static let table: [Command: CommandSpec] = Dictionary(uniqueKeysWithValues: rows.map { ($0.command, $0) })
}
