import TidingsModel

/// Draws the whole screen for a state. Rendering may fill layout caches, hence `mutating`.
extension AppState {
    public mutating func render() -> ScreenBuffer {
        var screen = ScreenBuffer(width: width, height: height)
        let layout = self.layout
        guard layout.arrangement != .tooSmall else {
            drawTooSmall(&screen)
            return screen
        }
        switch overlay {
        case .help(let top): drawHelp(&screen, area: layout.full, top: top)
        case .problems(let selected, let top): drawProblems(&screen, area: layout.full, selected: selected, top: top)
        case .none: drawReader(&screen, layout: layout)
        }
        drawStatus(&screen, area: layout.status)
        return screen
    }

    private func drawTooSmall(_ screen: inout ScreenBuffer) {
        let text = "Terminal too small (\(width)x\(height)): Tidings needs \(Layout.minimumWidth)x\(Layout.minimumHeight). q quits."
        for (row, line) in TextWrap.wrap(text, width: width).prefix(height).enumerated() {
            screen.write(line, x: 0, y: row, style: .warning)
        }
    }

    private mutating func drawReader(_ screen: inout ScreenBuffer, layout: Layout) {
        if let title = layout.storyListTitle {
            drawTitle(&screen, area: title, text: "Stories \((entries.isEmpty ? 0 : selectedStory + 1).formatted)/\(entries.count.formatted)",
                      focused: focus == .stories)
        }
        if let list = layout.storyList { drawStoryList(&screen, area: list) }
        if let title = layout.storyTextTitle {
            drawTitle(&screen, area: title, text: "Story", focused: focus == .text)
        }
        if let text = layout.storyText { drawStoryText(&screen, area: text) }
        if let divider = layout.divider {
            for row in divider.y..<divider.maxY { screen.write("│", x: divider.x, y: row, style: .guide) }
        }
        if let title = layout.commentsTitle { drawTitle(&screen, area: title, text: commentsTitleText, focused: focus == .comments) }
        if let comments = layout.comments { drawComments(&screen, area: comments) }
    }

    private var commentsTitleText: String {
        guard let story = currentStory else { return "Comments" }
        let unread = readState.unreadCount(of: story)
        var text = "Comments"
        if let selected = selectedComment, let position = thread?.position(of: selected) {
            text += " \(position + 1)/\(thread!.visible.count)"
        }
        if story.comments.count != thread?.visible.count { text += " (\(story.comments.count) in all)" }
        if unread > 0 { text += " · \(unread) new" }
        return text
    }

    private func drawTitle(_ screen: inout ScreenBuffer, area: Rect, text: String, focused: Bool) {
        let style = focused ? Style(bold: true, reverse: true) : Style(color: .accent, bold: true, underline: true)
        screen.pad(x: area.x, y: area.y, count: area.width, style: style)
        screen.write(" " + text, x: area.x, y: area.y, maxWidth: area.width, style: style)
    }

    private func drawStoryList(_ screen: inout ScreenBuffer, area: Rect) {
        guard !entries.isEmpty else {
            screen.write(loadProgress == nil ? "No stories here." : "Loading…", x: area.x + 1, y: area.y,
                         maxWidth: area.width - 1, style: .dim)
            return
        }
        for row in 0..<area.height {
            let index = storyListTop + row
            guard index < entries.count else { break }
            let story = entries[index].summary
            let unreadStory = !readState.isStoryRead(story.id)
            let unreadComments = entries[index].unreadComments
            let selected = index == selectedStory
            var style = unreadStory ? Style.bold : Style.plain
            if selected { style.reverse = true; style.dim = focus != .stories }
            let y = area.y + row
            screen.pad(x: area.x, y: y, count: area.width, style: style)
            // "12 new" when nothing has been read, "12 · 3 new" after a visit, "12" when all is read.
            var counts = "\(story.commentCount)"
            if unreadComments > 0 {
                counts = unreadComments == story.commentCount ? "\(unreadComments) new" : counts + " · \(unreadComments) new"
            }
            let countsWidth = DisplayWidth.of(counts)
            var markerStyle = Style.fresh
            markerStyle.reverse = style.reverse
            screen.write(unreadStory ? "●" : " ", x: area.x, y: y, style: markerStyle)
            let titleWidth = area.width - 3 - countsWidth - 1
            if titleWidth >= 4 {
                screen.write(TextWrap.truncate(story.title ?? "(untitled)", width: titleWidth), x: area.x + 2, y: y, style: style)
                var countStyle = unreadComments > 0 ? Style(color: .fresh) : Style.dim
                countStyle.reverse = style.reverse
                screen.write(counts, x: area.maxX - countsWidth - 1, y: y, style: countStyle)
            } else {
                screen.write(TextWrap.truncate(story.title ?? "(untitled)", width: area.width - 2), x: area.x + 2, y: y, style: style)
            }
        }
    }

    private mutating func drawStoryText(_ screen: inout ScreenBuffer, area: Rect) {
        let textWidth = area.width - 2
        let lines = storyTextLines(width: textWidth)
        for row in 0..<area.height {
            let index = textTop + row
            guard index < lines.count else { break }
            screen.write(lines[index].text, x: area.x + 1, y: area.y + row, maxWidth: textWidth, style: lines[index].style)
        }
    }

    private mutating func drawComments(_ screen: inout ScreenBuffer, area: Rect) {
        guard currentStory != nil else { return }
        prepareCommentLayout(width: area.width)
        guard thread?.isEmpty == false else {
            screen.write("No comments.", x: area.x + 1, y: area.y, maxWidth: area.width - 1, style: .dim)
            return
        }
        var y = area.y
        for (index, lines) in commentsOnScreen(height: area.height) {
            let unread = isNew(comment: index)
            let selected = index == selectedComment
            for line in lines {
                if line.kind == .spacer {
                    y += 1
                    continue
                }
                var x = area.x
                x += screen.write(line.guide, x: x, y: y, maxWidth: area.maxX - x, style: .guide)
                let rowStart = x
                var style: Style
                switch line.kind {
                case .header: style = Style(color: .accent, bold: true)
                case .text: style = .plain
                case .collapsedSummary: style = Style(color: .accent)
                case .spacer: style = .plain
                }
                if selected {
                    style.reverse = true
                    style.dim = focus != .comments
                    screen.pad(x: rowStart, y: y, count: area.maxX - rowStart, style: style)
                }
                var markerStyle = Style.fresh
                markerStyle.reverse = style.reverse
                if !(line.isFirst && unread) { markerStyle = Style(color: .guide, reverse: style.reverse, dim: true) }
                screen.write(line.isFirst ? (unread ? "● " : "· ") : "  ", x: x, y: y, maxWidth: area.maxX - x, style: markerStyle)
                x += 2
                screen.write(line.content, x: x, y: y, maxWidth: area.maxX - x, style: style)
                y += 1
            }
        }
    }

    private func drawStatus(_ screen: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        screen.pad(x: area.x, y: area.y, count: area.width, style: .status)
        var right = "? help · q quit"
        if case let count = problems.count(where: { !$0.isSkipped }), count > 0 { right = "\(count) problem\(count == 1 ? "" : "s"): p · " + right }
        var left: String
        if let message {
            left = message
        } else if let progress = loadProgress {
            left = progress.total == 0 && progress.done == 0 ? "looking for stories…"
                : "loading \(progress.done.formatted)/\(progress.total.formatted)"
        } else {
            switch focus {
            case .stories: left = "↑↓ move · Enter open · Tab pane"
            case .text: left = "↑↓ scroll · Tab pane"
            case .comments: left = "↑↓ move · ←→ fold · r read"
            }
        }
        if case .help = overlay { left = "Help: ↑↓ scroll · Esc close" }
        if case .problems = overlay { left = "Problems: ↑↓ move · Esc close" }
        let rightWidth = DisplayWidth.of(right)
        // A message that needs the room gets the whole line; the key hints are always in the help.
        let messageNeedsRoom = message != nil && DisplayWidth.of(left) + rightWidth + 4 > area.width
        if rightWidth + 4 < area.width, !messageNeedsRoom {
            screen.write(right, x: area.maxX - rightWidth - 1, y: area.y, style: .status)
            screen.write(" " + left, x: area.x, y: area.y, maxWidth: area.width - rightWidth - 3, style: .status)
        } else {
            screen.write(" " + left, x: area.x, y: area.y, maxWidth: area.width, style: .status)
        }
    }

    private func drawHelp(_ screen: inout ScreenBuffer, area: Rect, top: Int) {
        var lines: [(String, Style)] = [("Tidings: keys", .bold), ("", .plain)]
        let help = keyMap.helpLines()
        let keyColumn = min(16, (help.map { DisplayWidth.of($0.keys) }.max() ?? 0) + 2)
        for entry in help {
            let padding = String(repeating: " ", count: max(1, keyColumn - DisplayWidth.of(entry.keys)))
            lines.append((entry.keys + padding + entry.summary, .plain))
        }
        lines.append(("", .plain))
        lines.append(("Read state is saved as you go and on quit.", .dim))
        for row in 0..<area.height {
            let index = top + row
            guard index < lines.count else { break }
            screen.write(lines[index].0, x: area.x + 2, y: area.y + row, maxWidth: area.width - 3, style: lines[index].1)
        }
    }

    private func drawProblems(_ screen: inout ScreenBuffer, area: Rect, selected: Int, top: Int) {
        let title = "\(problems.count) file\(problems.count == 1 ? "" : "s") could not be loaded"
        screen.write(title, x: area.x + 1, y: area.y, maxWidth: area.width - 2, style: .bold)
        for row in 0..<max(0, area.height - 2) {
            let index = top + row
            guard index < problems.count else { break }
            let problem = problems[index]
            let style = index == selected ? Style.reverse : Style.plain
            let y = area.y + 2 + row
            screen.pad(x: area.x, y: y, count: area.width, style: style)
            let used = screen.write(problem.path, x: area.x + 1, y: y, maxWidth: area.width - 2, style: style)
            screen.write(": " + problem.reason, x: area.x + 1 + used, y: y, maxWidth: area.width - 2 - used,
                         style: Style(color: .warning, reverse: style.reverse))
        }
    }
}

extension Int {
    /// Thousands separated by commas, independent of locale: 41,200.
    var formatted: String {
        let digits = String(self.magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return self < 0 ? "-" + out : out
    }
}
