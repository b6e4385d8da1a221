import TidingsModel

/// The story text pane: the story's title, header and body, scrolled by line; its title says where it is.
extension AppState {
    /// "Story", and where the pane is in a text longer than it: "Story · 40% · more below", "Story · end".
    mutating func storyTextTitle(area: Rect, width: Int) -> String {
        let total = storyTextLines(width: area.width).count
        guard total > area.height, area.height > 0 else { return "Story" }
        var parts = [FittedLine.Part(text: "Story", priority: 0)]
        if textTop + area.height >= total {
            parts.append(.init(text: " · end", priority: 1))
        } else {
            parts.append(.init(text: " · \((textTop + area.height) * 100 / total)%", priority: 1))
            parts.append(.init(text: " · more below", priority: 2))
        }
        return FittedLine.fit(parts, width: width)
    }

    mutating func drawStoryText(_ screen: inout ScreenBuffer, area: Rect) {
        let textWidth = area.width
        if currentStory == nil, let loading = loadingStory, entries.indices.contains(loading) {
            // The list already knows the title: show it while the file is parsed.
            let title = TextWrap.truncate(StoryTitle.shown(entries[loading].summary.title), width: textWidth)
            screen.write(title, x: area.x, y: area.y, maxWidth: textWidth, style: .bold)
            screen.write("Loading…", x: area.x, y: area.y + 2, maxWidth: textWidth, style: .dim)
            return
        }
        let lines = storyTextLines(width: textWidth)
        for row in 0..<area.height {
            let index = textTop + row
            guard index < lines.count else { break }
            var x = area.x
            for span in lines[index].spans {
                x += screen.write(span.text, x: x, y: area.y + row, maxWidth: area.maxX - x, style: span.style)
            }
        }
    }
}
