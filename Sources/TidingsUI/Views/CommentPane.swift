import TidingsModel

/// The comment pane: the thread drawn with guides, the selected comment marked by its first line and a bar.
extension AppState {
    /// "Comments 5/11 (13 in all) · 2 new", dropping whole parts when narrow; in the one-pane layout it
    /// also names the story, since the story list is not on screen.
    func commentsTitleText(width: Int, naming: Bool) -> String {
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

    mutating func drawComments(_ screen: inout ScreenBuffer, area: Rect) {
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
                    marker = markedUnread ? "○ " : unread ? "● " : "· "
                    markerStyle = unread || markedUnread ? .fresh : Style(color: .guide, dim: true)
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
}
