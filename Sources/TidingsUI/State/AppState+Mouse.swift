/// Mouse events: a click selects what is under the pointer and focuses its pane (and opens a link whose
/// number it is on, `AppState+LinkClicks`); the wheel moves through the pane under the pointer as three arrow
/// keys would (an open page scrolls by three lines).
extension AppState {
    static let wheelLines = 3

    mutating func handle(_ mouse: MouseEvent) {
        message = nil
        guard layout.arrangement != .tooSmall else { return }
        if overlay != .none {
            switch mouse.kind {
            case .wheelUp: setPageTop(pageTop - Self.wheelLines)
            case .wheelDown: setPageTop(pageTop + Self.wheelLines)
            case .click: break
            }
            return
        }
        guard let region = layout.region(x: mouse.x, y: mouse.y) else { return }
        switch (region, mouse.kind) {
        case (.status, _): return
        case (.title(let pane), .click):
            if focus != pane { focus(pane) }
        case (.pane(let pane, let row), .click):
            let link = linkNumber(at: row, x: mouse.x, in: pane)
            if focus != pane { focus(pane) }
            select(row: row, in: pane)
            if pane == .comments { expandIfFoldMarkerClicked(row: row, x: mouse.x) }
            if let link { openClickedLink(link) }
        case (.title(let pane), let wheel), (.pane(let pane, _), let wheel):
            if focus != pane { focus(pane) }
            for _ in 0..<Self.wheelLines { run(wheel == .wheelUp ? .moveUp : .moveDown) }
        }
        settle()
    }

    /// A click on a folded comment's `[+3]` opens its replies, as Enter would; anywhere else on the row it
    /// only selects. The marker is the first thing after the guide and the read marker (`CommentPane`).
    private mutating func expandIfFoldMarkerClicked(row: Int, x: Int) {
        guard let area = layout.comments else { return }
        var rows = 0
        for (index, lines) in commentsOnScreen(height: commentPaneHeight) {
            guard row < rows + lines.count else {
                rows += lines.count
                continue
            }
            let line = lines[lines.startIndex + row - rows]
            guard line.kind == .collapsedSummary, line.isFirst, let text = line.spans.first?.text,
                  let close = text.firstIndex(of: "]") else { return }
            let start = area.x + DisplayWidth.of(line.guide) + 2
            guard x >= start, x < start + DisplayWidth.of(String(text[...close])) else { return }
            selectedComment = index
            expandComment()
            return
        }
    }

    /// A click on a row: the story or comment drawn there becomes the selection.
    private mutating func select(row: Int, in pane: Focus) {
        switch pane {
        case .stories:
            let listRow = storyListTop + row
            if listRow < rows.count { selectStory(rows.entry(atRow: listRow)) }
        case .text:
            break
        case .comments:
            var rows = 0
            for (index, lines) in commentsOnScreen(height: commentPaneHeight) {
                if row < rows + lines.count {
                    if lines[lines.startIndex + row - rows].kind != .spacer { selectedComment = index }
                    return
                }
                rows += lines.count
            }
        }
    }
}
