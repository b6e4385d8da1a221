import TidingsModel

/// The comment pane: the thread drawn with guides, the selected comment marked by its first line and a bar.
extension AppState {
    /// "Comments 5/11 (13 in all) · 2 new", dropping whole parts when narrow; in the one-pane layout it
    /// also names the story, since the story list is not on screen. Stubs for replies not saved are not
    /// comments: none of the numbers counts them.
    func commentsTitleText(width: Int, naming: Bool) -> String {
        guard let story = currentStory else { return "Comments" }
        // The open story's entry is kept up to date by every change to the marks: no count over the
        // whole thread on every frame.
        let unread = entries.indices.contains(selectedStory) ? entries[selectedStory].unreadComments : readState.unreadCount(of: story)
        var parts = [FittedLine.Part(text: "Comments", priority: 0)]
        // A stub selected has no number of its own.
        if let selected = selectedComment, let thread, let number = thread.countedNumber(of: selected) {
            parts.append(.init(text: " \(number)/\(thread.visibleCountedCount)", priority: 2))
        }
        if let thread, thread.countedCount != thread.visibleCountedCount {
            parts.append(.init(text: " (\(thread.countedCount) in all)", priority: 3))
        }
        if unread > 0 { parts.append(.init(text: " · \(unread) new", priority: 1)) }
        var text = FittedLine.fit(parts, width: width)
        let room = width - DisplayWidth.of(text) - 3
        if naming, room >= 10 { text += " · " + TextWrap.truncate(StoryTitle.shown(story.title), width: room) }
        return text
    }

    mutating func drawComments(_ screen: inout ScreenBuffer, area: Rect) {
        guard currentStory != nil else {
            if loadingStory != nil { screen.write("Loading…", x: area.x + 1, y: area.y, maxWidth: area.width - 1, style: .dim) }
            return
        }
        prepareCommentLayout(width: area.width)
        guard thread?.isEmpty == false else {
            // A listing saved without its comments says how many there were, as the story text does.
            screen.write(noCommentsWords, x: area.x + 1, y: area.y, maxWidth: area.width - 1, style: .dim)
            return
        }
        var y = area.y
        let focused = focus == .comments
        for (index, lines) in commentsOnScreen(height: area.height) {
            // `●` new (unread when this visit began), `○` marked unread during this visit (shown, yet unread:
            // only `r` does that), `·` read before.
            let unread = isNew(comment: index)
            let markedUnread = commentPane.shown.contains(index) && isUnread(comment: index)
            let selected = index == selectedComment
            for line in lines {
                if line.kind == .spacer {
                    y += 1
                    continue
                }
                var x = area.x
                x += screen.write(line.guide, x: x, y: y, maxWidth: area.maxX - x, style: .guide)
                // The selected comment: its first line reversed (underlined when the pane is not focused)
                // and a bar down its other lines, so a long comment never becomes an inverted block.
                let highlighted = selected && line.isFirst
                func mark(_ style: Style) -> Style {
                    guard highlighted else { return style }
                    var marked = style
                    if focused { marked.reverse = true } else { marked.underline = true }
                    return marked
                }
                if highlighted { screen.pad(x: x, y: y, count: area.maxX - x, style: mark(line.kind.style)) }
                let marker: String
                var markerStyle: Style
                if line.isFirst, line.kind == .stub {
                    // Not a comment: no read marker.
                    marker = "  "
                    markerStyle = mark(.plain)
                } else if line.isFirst {
                    marker = markedUnread ? "○ " : unread ? "● " : "· "
                    markerStyle = unread || markedUnread ? .fresh : Style(color: .guide, dim: true)
                    let lineStyle = mark(.plain)
                    markerStyle.reverse = lineStyle.reverse
                    markerStyle.underline = lineStyle.underline
                } else if selected {
                    marker = "▌ "
                    markerStyle = focused ? Style(color: .accent, bold: true) : Style(color: .guide, dim: true)
                } else {
                    marker = "  "
                    markerStyle = .plain
                }
                screen.write(marker, x: x, y: y, maxWidth: area.maxX - x, style: markerStyle)
                x += 2
                for span in line.spans {
                    guard x < area.maxX else { break }
                    x += screen.write(span.text, x: x, y: y, maxWidth: area.maxX - x, style: mark(span.style))
                }
                y += 1
            }
        }
    }
}
