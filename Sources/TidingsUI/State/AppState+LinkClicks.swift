/// A click on a link's number (`[2]` after linked text, `[2] ` before a listed target, `[0]` for the story's
/// own link) opens that link, with the rules of the keys `0`…`9`: only links that pass `LinkCheck`,
/// and the same message when one does not. The numbers are found in the laid-out rows (`StyledLine.Span.link`),
/// never by reading the screen back.
extension AppState {
    /// The link number drawn at a row of a pane and a screen column, if any: asked before the click changes
    /// anything, so it is what the screen showed.
    mutating func linkNumber(at row: Int, x: Int, in pane: Focus) -> Int? {
        switch pane {
        case .stories:
            return nil
        case .text:
            guard currentStory != nil, let body = layout.storyTextBody else { return nil }
            let lines = storyTextLines(width: body.width)
            let index = textTop + row
            guard lines.indices.contains(index) else { return nil }
            return lines[index].link(atCell: x - body.x)
        case .comments:
            guard let area = layout.comments else { return nil }
            var rows = 0
            for (_, lines) in commentsOnScreen(height: area.height) {
                guard row < rows + lines.count else {
                    rows += lines.count
                    continue
                }
                let line = lines[lines.startIndex + row - rows]
                guard line.kind == .text else { return nil }
                // After the guide and the read marker (`CommentPane`).
                let start = area.x + DisplayWidth.of(line.guide) + 2
                return StyledLine(spans: line.spans).link(atCell: x - start)
            }
            return nil
        }
    }

    /// Opens link `number` of the text in focus (the click focused its pane and selected its comment).
    mutating func openClickedLink(_ number: Int) {
        report(openLink(numbered: number))
    }
}
