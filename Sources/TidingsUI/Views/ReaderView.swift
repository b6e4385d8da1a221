import TidingsModel

/// Draws the whole screen for a state: the panes side by side or one at a time, a page over them, the
/// status line. Each pane draws itself (the files beside this one); rendering may fill layout caches.
extension AppState {
    public mutating func render() -> ScreenBuffer {
        needsFrame = false
        refreshUnreadTally()
        var screen = ScreenBuffer(width: width, height: height)
        let layout = self.layout
        if layout.arrangement == .tooSmall {
            drawTooSmall(&screen)
        } else {
            if overlay == .none { drawReader(&screen, layout: layout) } else { drawPage(&screen, area: layout.full) }
            drawStatus(&screen, area: layout.status)
        }
        // Views name colour roles; without colour the roles become attributes here, in one place for all.
        if colorMode == .monochrome { screen.restyle(Monochrome.style) }
        return screen
    }

    func drawTooSmall(_ screen: inout ScreenBuffer) {
        var text = "Terminal too small (\(width)x\(height)): Tidings needs \(Layout.minimumWidth)x\(Layout.minimumHeight)."
        if let key = keyMap.keys(for: .quit, in: .storyList).first { text += " \(key) quits." }
        for (row, line) in TextWrap.wrap(text, width: width).prefix(height).enumerated() {
            screen.write(line, x: 0, y: row, style: .warning)
        }
    }

    mutating func drawReader(_ screen: inout ScreenBuffer, layout: Layout) {
        if let title = layout.storyListTitle {
            // A space kept at its end: beside the comment pane, a full title would run into the divider.
            drawTitle(&screen, area: title, text: storyListTitle(width: title.width - 2), focused: focus == .stories)
        }
        if let list = layout.storyList { drawStoryList(&screen, area: list) }
        if let title = layout.storyTextTitle, let body = layout.storyTextBody {
            drawTitle(&screen, area: title, text: storyTextTitle(area: body, width: title.width - 1), focused: focus == .text)
            drawStoryText(&screen, area: body)
        }
        if let divider = layout.divider {
            for row in divider.y..<divider.maxY { screen.write("│", x: divider.x, y: row, style: .guide) }
        }
        if let title = layout.commentsTitle {
            drawTitle(&screen, area: title, text: commentsTitleText(width: title.width - 1, naming: layout.arrangement == .single),
                      focused: focus == .comments)
        }
        if let comments = layout.comments { drawComments(&screen, area: comments) }
        highlightMatches(&screen, layout: layout)
    }

    /// The search's words in every pane, and the find's text in the story's panes (`MatchHighlight`).
    private func highlightMatches(_ screen: inout ScreenBuffer, layout: Layout) {
        let words = activeQuery?.words.needles.map(\.folded) ?? []
        let found = paneFind.map { [$0.needle.folded] } ?? []
        if let list = layout.storyList { MatchHighlight.apply(words, to: &screen, area: list) }
        if let text = layout.storyTextBody {
            // The rows just above and below the pane, for a phrase half in view.
            let lines = storyTextCache.flatMap { $0.story == selectedStory && $0.width == text.width ? $0.lines : nil } ?? []
            func row(_ index: Int) -> String? { lines.indices.contains(index) ? lines[index].text : nil }
            MatchHighlight.apply(words + found, to: &screen, area: text, acrossRows: true, above: row(textTop - 1),
                                 below: row(textTop + text.height))
        }
        if let comments = layout.comments { MatchHighlight.apply(words + found, to: &screen, area: comments, acrossRows: true) }
    }

    /// "Stories 3/40", or with `H` "Stories 3/12 (40 in all)": the rows shown, and every story when some are
    /// hidden; then the sort, unless it is load order ("· newest"). At 30 columns the count in all goes
    /// first, then the sort, before the place in the list does.
    func storyListTitle(width: Int) -> String {
        let row = hasStories && !rows.isEmpty ? (rows.row(ofEntry: selectedStory) ?? 0) + 1 : 0
        var parts = [FittedLine.Part(text: "Stories", priority: 0),
                     FittedLine.Part(text: " \(row.formatted)/\(rows.count.formatted)", priority: 1)]
        // The unread tally is of every story: while a filter or search leaves some out it goes with the count
        // in all ("(15 in all, 7 unread)"), so it never reads as a count of the rows shown.
        let filtered = hidesRead || activeQuery != nil
        if filtered {
            let inAll = " (\(storyCount.formatted) in all"
            parts.append(.init(text: inAll + (unreadWords.map { ", " + $0.stories } ?? "") + ")", priority: 3, shorter: inAll + ")"))
        }
        if let sortLabel { parts.append(.init(text: " · " + sortLabel, priority: 2)) }
        if !filtered, let unread = unreadWords {
            parts.append(.init(text: " · " + unread.stories, priority: 4))
            if let comments = unread.comments { parts.append(.init(text: " (\(comments))", priority: 5)) }
        }
        return FittedLine.fit(parts, width: width)
    }

    func drawTitle(_ screen: inout ScreenBuffer, area: Rect, text: String, focused: Bool) {
        let style = focused ? Style(bold: true, reverse: true) : Style(color: .accent, bold: true, underline: true)
        screen.pad(x: area.x, y: area.y, count: area.width, style: style)
        screen.write(" " + TextWrap.truncate(text, width: area.width - 1), x: area.x, y: area.y, maxWidth: area.width, style: style)
    }
}
