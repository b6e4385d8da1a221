import TidingsModel

/// Draws the whole screen for a state. Rendering may fill layout caches, hence `mutating`.
extension AppState {
    public mutating func render() -> ScreenBuffer {
        needsFrame = false
        var screen = ScreenBuffer(width: width, height: height)
        let layout = self.layout
        guard layout.arrangement != .tooSmall else {
            drawTooSmall(&screen)
            return screen
        }
        if overlay == .none { drawReader(&screen, layout: layout) } else { drawPage(&screen, area: layout.full) }
        drawStatus(&screen, area: layout.status)
        return screen
    }

    private func drawTooSmall(_ screen: inout ScreenBuffer) {
        var text = "Terminal too small (\(width)x\(height)): Tidings needs \(Layout.minimumWidth)x\(Layout.minimumHeight)."
        if let key = keyMap.keys(for: .quit, in: .storyList).first { text += " \(key) quits." }
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
        if let title = layout.storyTextTitle, let text = layout.storyText {
            drawTitle(&screen, area: title, text: storyTextTitle(area: text), focused: focus == .text)
        }
        if let text = layout.storyText { drawStoryText(&screen, area: text) }
        if let divider = layout.divider {
            for row in divider.y..<divider.maxY { screen.write("│", x: divider.x, y: row, style: .guide) }
        }
        if let title = layout.commentsTitle {
            drawTitle(&screen, area: title, text: commentsTitleText(width: title.width - 1, naming: layout.arrangement == .single),
                      focused: focus == .comments)
        }
        if let comments = layout.comments { drawComments(&screen, area: comments) }
    }

    /// "Story", and where the pane is in a text longer than it: "Story · 40% · more below", "Story · end".
    private mutating func storyTextTitle(area: Rect) -> String {
        let total = storyTextLines(width: area.width - 2).count
        guard total > area.height, area.height > 0 else { return "Story" }
        var parts = [FittedLine.Part(text: "Story", priority: 0)]
        if textTop + area.height >= total {
            parts.append(.init(text: " · end", priority: 1))
        } else {
            parts.append(.init(text: " · \((textTop + area.height) * 100 / total)%", priority: 1))
            parts.append(.init(text: " · more below", priority: 2))
        }
        return FittedLine.fit(parts, width: area.width - 1)
    }

    /// "Comments 5/11 (13 in all) · 2 new", dropping whole parts when narrow; in the one-pane layout it
    /// also names the story, since the story list is not on screen.
    private func commentsTitleText(width: Int, naming: Bool) -> String {
        guard let story = currentStory else { return "Comments" }
        let unread = readState.unreadCount(of: story)
        var parts = [FittedLine.Part(text: "Comments", priority: 0)]
        if let selected = selectedComment, let position = thread?.position(of: selected) {
            parts.append(.init(text: " \(position + 1)/\(thread!.visible.count)", priority: 2))
        }
        if story.comments.count != thread?.visible.count { parts.append(.init(text: " (\(story.comments.count) in all)", priority: 3)) }
        if unread > 0 { parts.append(.init(text: " · \(unread) new", priority: 1)) }
        var text = FittedLine.fit(parts, width: width)
        let room = width - DisplayWidth.of(text) - 3
        if naming, room >= 10 { text += " · " + TextWrap.truncate(story.title ?? "(untitled)", width: room) }
        return text
    }

    private func drawTitle(_ screen: inout ScreenBuffer, area: Rect, text: String, focused: Bool) {
        let style = focused ? Style(bold: true, reverse: true) : Style(color: .accent, bold: true, underline: true)
        screen.pad(x: area.x, y: area.y, count: area.width, style: style)
        screen.write(" " + TextWrap.truncate(text, width: area.width - 1), x: area.x, y: area.y, maxWidth: area.width, style: style)
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
            // The focused pane's selection is reversed; elsewhere it is only underlined, so focus shows.
            if selected { if focus == .stories { style.reverse = true } else { style.underline = true } }
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
                countStyle.underline = style.underline
                screen.write(counts, x: area.maxX - countsWidth - 1, y: y, style: countStyle)
            } else {
                screen.write(TextWrap.truncate(story.title ?? "(untitled)", width: area.width - 2), x: area.x + 2, y: y, style: style)
            }
        }
    }

    private mutating func drawStoryText(_ screen: inout ScreenBuffer, area: Rect) {
        let textWidth = area.width - 2
        if currentStory == nil, let loading = loadingStory, entries.indices.contains(loading) {
            // The list already knows the title: show it while the file is parsed.
            let title = TextWrap.truncate(entries[loading].summary.title ?? "(untitled)", width: textWidth)
            screen.write(title, x: area.x + 1, y: area.y, maxWidth: textWidth, style: .bold)
            screen.write("Loading…", x: area.x + 1, y: area.y + 2, maxWidth: textWidth, style: .dim)
            return
        }
        let lines = storyTextLines(width: textWidth)
        for row in 0..<area.height {
            let index = textTop + row
            guard index < lines.count else { break }
            screen.write(lines[index].text, x: area.x + 1, y: area.y + row, maxWidth: textWidth, style: lines[index].style)
        }
    }

    private mutating func drawComments(_ screen: inout ScreenBuffer, area: Rect) {
        guard currentStory != nil else {
            if loadingStory != nil { screen.write("Loading…", x: area.x + 1, y: area.y, maxWidth: area.width - 1, style: .dim) }
            return
        }
        prepareCommentLayout(width: area.width)
        guard thread?.isEmpty == false else {
            screen.write("No comments.", x: area.x + 1, y: area.y, maxWidth: area.width - 1, style: .dim)
            return
        }
        var y = area.y
        let focused = focus == .comments
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
                var style: Style
                switch line.kind {
                case .header: style = Style(color: .accent, bold: true)
                case .text: style = .plain
                case .collapsedSummary: style = Style(color: .accent)
                case .spacer: style = .plain
                }
                // The selected comment: its first line reversed (underlined when the pane is not focused)
                // and a bar down its other lines, so a long comment never becomes an inverted block.
                if selected, line.isFirst {
                    if focused { style.reverse = true } else { style.underline = true }
                    screen.pad(x: x, y: y, count: area.maxX - x, style: style)
                }
                let marker: String
                var markerStyle: Style
                if line.isFirst {
                    marker = unread ? "● " : "· "
                    markerStyle = unread ? .fresh : Style(color: .guide, dim: true)
                    markerStyle.reverse = style.reverse
                    markerStyle.underline = style.underline
                } else if selected {
                    marker = "▌ "
                    markerStyle = focused ? Style(color: .accent, bold: true) : Style(color: .guide, dim: true)
                } else {
                    marker = "  "
                    markerStyle = .plain
                }
                screen.write(marker, x: x, y: y, maxWidth: area.maxX - x, style: markerStyle)
                x += 2
                screen.write(line.content, x: x, y: y, maxWidth: area.maxX - x, style: style)
                y += 1
            }
        }
    }

    /// The help or the problem list: wrapped lines from the page's scroll position.
    private mutating func drawPage(_ screen: inout ScreenBuffer, area: Rect) {
        let lines = pageLines()
        for row in 0..<area.height {
            let index = pageTop + row
            guard index < lines.count else { break }
            screen.write(lines[index].text, x: area.x + Pages.leftMargin, y: area.y + row,
                         maxWidth: area.width - Pages.leftMargin - Pages.rightMargin, style: lines[index].style)
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
