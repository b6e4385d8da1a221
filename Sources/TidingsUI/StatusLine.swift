/// The status line: a message, the load progress, or key hints for what has focus; hints that do not fit
/// are dropped whole, least useful first, and the keys named are the keys bound now.
extension AppState {
    func drawStatus(_ screen: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        screen.pad(x: area.x, y: area.y, count: area.width, style: .status)
        let room = area.width - 2
        if let message, overlay == .none || DisplayWidth.of(message) <= room {
            screen.write(" " + fittedMessage(message, width: room), x: area.x, y: area.y, maxWidth: area.width, style: .status)
            return
        }
        var left: [FittedLine.Part] = []
        var right: [FittedLine.Part] = []
        switch overlay {
        case .help:
            left = [.init(text: "Help", priority: 0), .init(text: " · ↑↓ scroll", priority: 2)]
            right = [hint(.back, "close", priority: 1)].compactMap { $0 }
        case .problems:
            left = [.init(text: "Problems and messages", priority: 0), .init(text: " · ↑↓ scroll", priority: 3)]
            right = [hint(.back, "close", priority: 1)].compactMap { $0 }
        case .none:
            if let progress = loadProgress {
                let text = progress.total == 0 && progress.done == 0 ? "looking for stories…"
                    : "loading \(progress.done.formatted)/\(progress.total.formatted)"
                left = [.init(text: text, priority: 0)]
            } else {
                left = focusHints()
            }
            if !failedFiles.isEmpty || !sessionProblems.isEmpty {
                let count = failedFiles.count + sessionProblems.count
                if let key = keyMap.firstKey(for: .showProblems) {
                    right.append(.init(text: "\(count.formatted) problem\(count == 1 ? "" : "s"): \(key) · ", priority: 2))
                }
            }
            right += [hint(.help, "help", priority: 1, separator: " · "), hint(.quit, "quit", priority: 1)].compactMap { $0 }
        }
        let (leftText, rightText) = fitSides(left: left, right: right, width: room)
        screen.write(" " + leftText, x: area.x, y: area.y, maxWidth: area.width, style: .status)
        let rightWidth = DisplayWidth.of(rightText)
        if rightWidth > 0 { screen.write(rightText, x: area.maxX - rightWidth - 1, y: area.y, style: .status) }
    }

    /// A message cut to the line ends with `…` and says where its full text is.
    private func fittedMessage(_ message: String, width: Int) -> String {
        guard DisplayWidth.of(message) > width, overlay == .none, let key = keyMap.firstKey(for: .showProblems) else {
            return TextWrap.truncate(message, width: width)
        }
        let suffix = " (\(key): all)"
        let suffixWidth = DisplayWidth.of(suffix)
        guard width - suffixWidth >= 12 else { return TextWrap.truncate(message, width: width) }
        return TextWrap.truncate(message, width: width - suffixWidth) + suffix
    }

    private func focusHints() -> [FittedLine.Part] {
        var parts: [FittedLine.Part] = []
        switch focus {
        case .stories:
            parts = [.init(text: "↑↓ move", priority: 3), hint(.open, "open", priority: 4), hint(.nextUnread, "next unread", priority: 6),
                     hint(.nextPane, "pane", priority: 5)].compactMap { $0 }
        case .text:
            parts = [.init(text: "↑↓ scroll", priority: 3), hint(.open, "comments", priority: 4),
                     hint(.nextPane, "pane", priority: 5)].compactMap { $0 }
        case .comments:
            parts = [.init(text: "↑↓ move", priority: 3), .init(text: "←→ fold", priority: 4), hint(.toggleRead, "read", priority: 5),
                     hint(.nextUnread, "next unread", priority: 6), hint(.back, "stories", priority: 7)].compactMap { $0 }
        }
        for index in parts.indices.dropFirst() { parts[index].text = " · " + parts[index].text }
        return parts
    }

    private func hint(_ action: Action, _ text: String, priority: Int, separator: String = "") -> FittedLine.Part? {
        keyMap.firstKey(for: action).map { .init(text: "\($0) \(text)" + separator, priority: priority) }
    }

    /// Drops whole hints from either side, least important first, until both sides fit with a gap.
    private func fitSides(left: [FittedLine.Part], right: [FittedLine.Part], width: Int) -> (String, String) {
        var all = left.map { (part: $0, isLeft: true) } + right.map { (part: $0, isLeft: false) }
        func total() -> Int {
            let l = DisplayWidth.of(all.filter(\.isLeft).map(\.part.text).joined())
            let r = DisplayWidth.of(all.filter { !$0.isLeft }.map(\.part.text).joined())
            return l + r + (r > 0 ? 2 : 0)
        }
        while total() > width, let drop = all.indices.filter({ all[$0].part.priority > 0 })
            .max(by: { all[$0].part.priority < all[$1].part.priority }) {
            all.remove(at: drop)
        }
        var rightText = all.filter { !$0.isLeft }.map(\.part.text).joined()
        if rightText.hasSuffix(" · ") { rightText.removeLast(3) }
        let leftText = all.filter(\.isLeft).map(\.part.text).joined()
        return (TextWrap.truncate(leftText, width: width), rightText)
    }
}
