/// The status line: a message, the load progress, or hints for the commands of the current context,
/// taken from the command table with the keys bound now. Hints that do not fit are dropped whole, least
/// useful first.
extension AppState {
    func drawStatus(_ screen: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        screen.pad(x: area.x, y: area.y, count: area.width, style: .status)
        let room = area.width - 2
        if let question {
            screen.write(" " + question.fitted(width: room), x: area.x, y: area.y, maxWidth: area.width, style: .status)
            return
        }
        if let prompt, overlay == .none {
            drawPrompt(&screen, area: area, prompt: prompt)
            return
        }
        if let message, overlay == .none || DisplayWidth.of(message) <= room {
            screen.write(" " + fittedMessage(message, width: room), x: area.x, y: area.y, maxWidth: area.width, style: .status)
            return
        }
        let context = inputContext
        var left: [FittedLine.Part] = []
        var right: [FittedLine.Part] = []
        switch overlay {
        case .help: left = [.init(text: "Help", priority: 0)]
        case .problems: left = [.init(text: "Problems and messages", priority: 0)]
        case .none:
            // The query in force comes first: it is why the list is short.
            if let searchStatus { left.append(.init(text: searchStatus, priority: 0)) }
            if let progress = loadProgress {
                // The first files of a big folder load while the rest of it is still being listed.
                let text = progress.total == 0 && progress.done == 0 ? "looking for stories…"
                    : progress.total == 0 ? "loading \(progress.done.formatted), looking for more…"
                    : "loading \(progress.done.formatted)/\(progress.total.formatted)"
                left = [.init(text: text, priority: 0)]
            }
            let count = failedFiles.count + sessionProblems.count + configProblems.count
            if count > 0, let key = keyMap.keys(for: .showProblems, in: context).first {
                // Before the help and quit hints: on a narrow screen it is the one sign that a file failed.
                right.append(.init(text: "\(count.formatted) problem\(count == 1 ? "" : "s"): \(key)", priority: 1))
            }
        }
        // The commands that end a visit (help, quit, close) go on the right; the rest on the left.
        let trailing: Set<Command> = [.showHelp, .quit, .closePage]
        for (rank, hint) in hints(in: context).enumerated() {
            if trailing.contains(hint.command) {
                right.append(.init(text: hint.text, priority: 2))
            } else if loadProgress == nil || overlay != .none {
                left.append(.init(text: hint.text, priority: 3 + rank))
            }
        }
        let (leftText, rightText) = fitSides(left: left, right: right, width: room)
        screen.write(" " + leftText, x: area.x, y: area.y, maxWidth: area.width, style: .status)
        let rightWidth = DisplayWidth.of(rightText)
        if rightWidth > 0 { screen.write(rightText, x: area.maxX - rightWidth - 1, y: area.y, style: .status) }
    }

    /// "↑↓ move", "Enter open", "r read": the hinted commands of a context in table order, with the keys
    /// bound to them here; neighbours with the same word share it ("←→ fold").
    func hints(in context: InputContext) -> [(command: Command, text: String)] {
        var result: [(command: Command, keys: [String], word: String)] = []
        // With no story listed, commands that need one are not advertised.
        for spec in CommandSpec.rows where spec.contexts.contains(context)
            && !(!hasStories && (spec.needs != nil || spec.command == .nextUnread)) {
            guard var word = spec.hint, let key = keyMap.keys(for: spec.command, in: context).first else { continue }
            // Where there is no selection, only text, moving is scrolling.
            if word == "move", context == .storyText || InputContext.pages.contains(context) { word = "scroll" }
            let shown = key.arrow ?? key.description
            if let last = result.last, last.word == word {
                result[result.count - 1].keys.append(shown)
            } else {
                result.append((spec.command, [shown], word))
            }
        }
        return result.map { hint in
            let arrows = hint.keys.allSatisfy { ["↑", "↓", "←", "→"].contains($0) }
            return (hint.command, hint.keys.joined(separator: arrows ? "" : "/") + " " + hint.word)
        }
    }

    /// A message cut to the line ends with `…` and says where its full text is.
    private func fittedMessage(_ message: String, width: Int) -> String {
        guard DisplayWidth.of(message) > width, overlay == .none,
              let key = keyMap.keys(for: .showProblems, in: inputContext).first else {
            return TextWrap.truncate(message, width: width)
        }
        let suffix = " (\(key): all)"
        let suffixWidth = DisplayWidth.of(suffix)
        guard width - suffixWidth >= 12 else { return TextWrap.truncate(message, width: width) }
        return TextWrap.truncate(message, width: width - suffixWidth) + suffix
    }

    /// Drops whole hints from either side, least important first, until both sides fit with a gap.
    private func fitSides(left: [FittedLine.Part], right: [FittedLine.Part], width: Int) -> (String, String) {
        var all = left.map { (part: $0, isLeft: true) } + right.map { (part: $0, isLeft: false) }
        func joined(_ isLeft: Bool) -> String { all.filter { $0.isLeft == isLeft }.map(\.part.text).joined(separator: " · ") }
        func total() -> Int {
            let rightWidth = DisplayWidth.of(joined(false))
            // At least three spaces between the two sides, so they never read as one phrase.
            return DisplayWidth.of(joined(true)) + rightWidth + (rightWidth > 0 ? 3 : 0)
        }
        while total() > width, let drop = all.indices.filter({ all[$0].part.priority > 0 })
            .max(by: { all[$0].part.priority < all[$1].part.priority }) {
            all.remove(at: drop)
        }
        return (TextWrap.truncate(joined(true), width: width), joined(false))
    }
}
