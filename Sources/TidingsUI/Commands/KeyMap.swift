/// The key table: which keys run which command in which context. Help, status hints and the README's key
/// table are all generated from it.
public struct KeyMap: Equatable, Sendable {
    /// Keys that run a command, in the contexts given (or wherever the command applies).
    public struct Binding: Equatable, Sendable {
        /// Each entry is one key sequence; today every sequence is a single key.
        public var sequences: [[KeyPress]]
        public var command: Command
        /// Limits the binding to some of the command's contexts.
        public var only: Set<InputContext>?

        public init(_ keys: [KeyPress], _ command: Command, only: Set<InputContext>? = nil) {
            sequences = keys.map { [$0] }
            self.command = command
            self.only = only
        }

        /// Where the binding applies: the command's contexts, narrowed by `only`.
        public var contexts: Set<InputContext> { only.map { $0.intersection(command.spec.contexts) } ?? command.spec.contexts }
    }

    /// What a key sequence means in a context.
    public enum Resolution: Equatable, Sendable {
        case command(Command)
        /// The keys so far start a longer sequence: wait for the next key.
        case pending
        case unbound
    }

    public var bindings: [Binding] {
        didSet { keysIndex = Self.index(bindings) }
    }
    /// The single keys of each command in each context, worked out once: the status line asks for them on
    /// every frame.
    private var keysIndex: [InputContext: [Command: [KeyPress]]]

    public init(bindings: [Binding]) {
        self.bindings = bindings
        keysIndex = Self.index(bindings)
    }

    /// Two maps are the same when their bindings are (the index follows from them).
    public static func == (left: KeyMap, right: KeyMap) -> Bool { left.bindings == right.bindings }

    public static let standard = KeyMap(bindings: [
        Binding([.up, .character("k")], .moveUp),
        Binding([.down, .character("j")], .moveDown),
        Binding([.pageUp, .character("b")], .pageUp),
        Binding([.pageDown], .pageDown),
        // Space reads on in the reader's panes; on the help and the problem list it pages (below).
        Binding([.character(" ")], .readOn),
        Binding([.home, .character("g")], .goTop),
        Binding([.end, .character("G")], .goBottom),
        Binding([.tab], .nextPane),
        Binding([.backTab], .previousPane),
        Binding([.enter], .openStory),
        Binding([.enter], .toggleFold),
        Binding([.right, .character("l")], .expandThread),
        Binding([.left, .character("h")], .collapseThread),
        Binding([.right, .character("l")], .openStory),
        Binding([.left, .character("h")], .focusStories, only: [.storyText]),
        Binding([.character("P")], .parentComment),
        Binding([.character("]")], .nextSibling),
        Binding([.character("[")], .previousSibling),
        Binding([.character("}")], .nextThread),
        Binding([.character("{")], .previousThread),
        Binding([.character("C")], .collapseAll),
        Binding([.character("E")], .expandAll),
        Binding([.character("c")], .collapseRead),
        Binding([.character("r")], .toggleRead),
        Binding([.character("H")], .toggleHideRead),
        Binding([.character("A")], .markAllRead),
        Binding([.character("u")], .undo),
        Binding([.character("s")], .sortNext),
        Binding([.character("S")], .sortPrevious),
        Binding([.character("R")], .rescan),
        Binding([.character("n")], .nextUnread),
        Binding([.character("N")], .previousUnread),
        Binding([.character("/"), .character("F")], .search, only: [.storyList]),
        Binding([.character("F")], .search, only: [.storyText, .comments]),
        Binding([.character("/")], .findInPane),
        Binding([.character(">")], .nextMatch),
        Binding([.character("<")], .previousMatch),
        Binding([.character("T")], .toggleQuotes),
        Binding([.character("D")], .toggleDates),
        Binding([.character("z")], .zoomPane),
        Binding([.character("o")], .openLink),
        Binding((0...9).map { .character(Character(String($0))) }, .openNumberedLink),
        Binding([.character("y")], .copyLink),
        Binding([.escape], .focusStories),
        Binding([.escape], .clearSearch),
        Binding([.character("?")], .showHelp),
        Binding([.character("p")], .showProblems),
        Binding([.escape, .character("q")], .closePage),
        Binding([.character(" ")], .pageDown, only: InputContext.pages),
        Binding([.character("?")], .closePage, only: [.help]),
        Binding([.character("p")], .closePage, only: [.problems]),
        Binding([.character("q")], .quit),
        Binding([.control("c")], .quitNow),
        Binding([.control("l")], .redraw),
        Binding([.control("z")], .suspend),
    ])

    /// The command a key sequence runs in a context: the first binding that matches wins.
    public func resolve(_ keys: [KeyPress], in context: InputContext) -> Resolution {
        var longer = false
        for binding in bindings where binding.contexts.contains(context) {
            for sequence in binding.sequences {
                if sequence == keys { return .command(binding.command) }
                if sequence.count > keys.count, Array(sequence.prefix(keys.count)) == keys { longer = true }
            }
        }
        return longer ? .pending : .unbound
    }

    /// The keys that run a command in a context, as the help writes them.
    public func keys(for command: Command, in context: InputContext) -> [KeyPress] {
        keysIndex[context]?[command] ?? []
    }

    /// Each command's single keys per context, keeping only the keys that really run it there.
    private static func index(_ bindings: [Binding]) -> [InputContext: [Command: [KeyPress]]] {
        let map = KeyMap(unindexed: bindings)
        var index: [InputContext: [Command: [KeyPress]]] = [:]
        for context in InputContext.allCases {
            for command in Command.allCases {
                let keys = bindings.filter { $0.command == command && $0.contexts.contains(context) }
                    .flatMap(\.sequences).compactMap { $0.count == 1 ? $0[0] : nil }
                    .filter { if case .command(command) = map.resolve([$0], in: context) { return true } else { return false } }
                if !keys.isEmpty { index[context, default: [:]][command] = keys }
            }
        }
        return index
    }

    /// A map for resolving keys while the index is being made.
    private init(unindexed bindings: [Binding]) {
        self.bindings = bindings
        keysIndex = [:]
    }

    /// The keys bound to each command, grouped by where they apply, in table order: the help's content.
    public func helpSections(separator: String = " ") -> [(title: String, entries: [(keys: String, summary: String)])] {
        var sections: [(title: String, entries: [(keys: String, summary: String)])] = []
        for binding in bindings {
            let title = Self.sectionTitle(binding.contexts)
            let keys = Self.describe(binding.sequences).joined(separator: separator)
            let entry = (keys: keys, summary: binding.command.spec.summary)
            if let index = sections.firstIndex(where: { $0.title == title }) {
                sections[index].entries.append(entry)
            } else {
                sections.append((title, [entry]))
            }
        }
        return sections
    }

    /// Each key sequence as the help writes it; a run of three or more digits in a row is one range (`1-9`),
    /// so the help's key column stays narrow.
    static func describe(_ sequences: [[KeyPress]]) -> [String] {
        var written: [String] = []
        var index = 0
        while index < sequences.count {
            var end = index
            while end + 1 < sequences.count, let current = digit(sequences[end]), digit(sequences[end + 1]) == current + 1 { end += 1 }
            if end - index >= 2 {
                written.append("\(digit(sequences[index])!)-\(digit(sequences[end])!)")
            } else {
                written += sequences[index...end].map { $0.map(\.description).joined(separator: " ") }
            }
            index = end + 1
        }
        return written
    }

    /// The digit a single unmodified digit key types.
    private static func digit(_ sequence: [KeyPress]) -> Int? {
        guard sequence.count == 1, sequence[0].modifiers.isEmpty, case .character(let character) = sequence[0].base else { return nil }
        return character.wholeNumberValue.flatMap { character.isASCII ? $0 : nil }
    }

    static func sectionTitle(_ contexts: Set<InputContext>) -> String {
        if contexts == CommandSpec.everywhere { return "Everywhere" }
        if contexts == InputContext.reader { return "Reading" }
        if contexts == InputContext.pages { return "In the help and the problem list" }
        let order = InputContext.allCases.filter(contexts.contains).map(\.rawValue)
        let named = order.count > 1 ? order.dropLast().joined(separator: ", ") + " and " + order.last! : order.first ?? ""
        return "In the " + named
    }

    /// The README's key table, generated from the bindings (a test keeps the README in step).
    public func markdownTable() -> String {
        var table = "| keys | command | where | what it does |\n| --- | --- | --- | --- |\n"
        for binding in bindings {
            let keys = Self.describe(binding.sequences).map { "`" + $0 + "`" }.joined(separator: ", ")
            let title = Self.sectionTitle(binding.contexts)
            let place = title.hasPrefix("In the ") ? String(title.dropFirst(7)) : title.lowercased()
            // A `|` in a description would end its cell.
            let summary = binding.command.spec.summary.replacingOccurrences(of: "|", with: "\\|")
            table += "| \(keys) | `\(binding.command.name)` | \(place) | \(summary) |\n"
        }
        return table
    }
}
