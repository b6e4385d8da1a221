import TidingsModel

/// One wrapped row of text with its style: the story text pane, the help and the problem list.
struct StyledLine: Equatable {
    var text: String
    var style: Style
}

/// Lays out a story's title, header line and body for the story text pane.
enum StoryText {
    static func lines(for story: Story, width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        var lines: [StyledLine] = []
        for line in TextWrap.wrap(UntrustedText.sanitize(story.title ?? "(untitled)"), width: width) {
            lines.append(StyledLine(text: line, style: .bold))
        }
        let header = [story.category, story.via, story.age, story.byline].compactMap { $0 }
            .map { UntrustedText.sanitize($0) }.joined(separator: " · ")
        if !header.isEmpty {
            for line in TextWrap.wrap(header, width: width) { lines.append(StyledLine(text: line, style: .accent)) }
        }
        lines.append(StyledLine(text: commentSummary(story), style: .dim))
        var previousWasItem = false
        for paragraph in story.body {
            let isItem = paragraph.hasPrefix("- ")
            if !(isItem && previousWasItem) { lines.append(StyledLine(text: "", style: .plain)) }
            previousWasItem = isItem
            if isItem {
                let wrapped = TextWrap.wrap(String(paragraph.dropFirst(2)), width: max(1, width - 2))
                for (offset, line) in wrapped.enumerated() {
                    lines.append(StyledLine(text: (offset == 0 ? "• " : "  ") + line, style: .plain))
                }
            } else {
                for line in TextWrap.wrap(paragraph, width: width) { lines.append(StyledLine(text: line, style: .plain)) }
            }
        }
        if story.body.isEmpty {
            lines.append(StyledLine(text: "", style: .plain))
            lines.append(StyledLine(text: "(no story text)", style: .dim))
        }
        return lines
    }

    static func commentSummary(_ story: Story) -> String {
        let count = story.comments.count
        var text = count == 1 ? "1 comment" : "\(count) comments"
        if let declared = story.declaredComments, declared != count { text += " (the page said \(declared))" }
        return text
    }
}

extension AppState {
    mutating func storyTextLines(width: Int) -> [StyledLine] {
        if let cache = storyTextCache, cache.story == selectedStory, cache.width == width { return cache.lines }
        guard let story = currentStory else { return [] }
        let lines = StoryText.lines(for: story, width: width)
        storyTextCache = (selectedStory, width, lines)
        return lines
    }
}
