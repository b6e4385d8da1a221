import Foundation
import TidingsModel

/// Lays out a story for the story text pane: title, header lines, then the body's blocks with emphasis
/// and numbered links, and the links' targets at the end.
enum StoryText {
    static func lines(for story: Story, width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        var lines: [StyledLine] = []
        func add(_ text: String, _ style: Style) {
            lines += TextWrap.wrap(UntrustedText.sanitize(text), width: width).map { StyledLine(text: $0, style: style) }
        }
        let header = story.header
        add(header.title ?? "(untitled)", .bold)
        let when = header.date.map(Self.dateText) ?? header.dateText
        let about = [header.category, header.author, when, header.byline].compactMap { $0 }.joined(separator: " · ")
        if !about.isEmpty { add(about, .accent) }
        if let url = header.url { add(url, Style(color: .accent, underline: true)) }
        add(commentSummary(story), .dim)
        var previous: StoryBody.Block.Kind?
        for block in story.body.blocks {
            // List items in a row stay together; every other block is set off by a blank line.
            if !(block.kind == .listItem && previous == .listItem) { lines.append(StyledLine(text: "", style: .plain)) }
            previous = block.kind
            lines += blockLines(block, width: width)
        }
        if story.body.isEmpty {
            lines.append(StyledLine(text: "", style: .plain))
            lines.append(StyledLine(text: "(no story text)", style: .dim))
        }
        if !story.body.links.isEmpty {
            lines.append(StyledLine(text: "", style: .plain))
            for (index, link) in story.body.links.enumerated() {
                let label = "[\(index + 1)] "
                let wrapped = TextWrap.wrap(UntrustedText.sanitize(link), width: max(1, width - label.count))
                for (offset, part) in wrapped.enumerated() {
                    let lead = offset == 0 ? label : String(repeating: " ", count: label.count)
                    lines.append(StyledLine(spans: [.init(text: lead, style: .accent), .init(text: part, style: Style(color: .accent, underline: true))]))
                }
            }
        }
        return lines
    }

    /// One block wrapped to the width, with its marker: `• ` for list items, `│ ` for quotes, an indent for code.
    static func blockLines(_ block: StoryBody.Block, width: Int) -> [StyledLine] {
        let spans = block.runs.flatMap { run -> [StyledLine.Span] in
            var result = [StyledLine.Span(text: run.text, style: style(for: run.emphasis, in: block.kind))]
            if let link = run.link { result.append(.init(text: "[\(link + 1)]", style: .accent)) }
            return result
        }
        switch block.kind {
        case .paragraph:
            return StyledWrap.wrap(spans, width: width)
        case .listItem, .quote, .code, .table:
            let marker = block.kind == .listItem ? "• " : block.kind == .quote ? "│ " : "  "
            let markerStyle = block.kind == .quote ? Style.guide : .plain
            let inner = width > 4 ? width - 2 : width
            let wrapped = block.kind == .code || block.kind == .table
                ? block.plainText.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
                    TextWrap.wrap(String($0), width: inner).map { StyledLine(text: $0, style: Style(color: .accent)) }
                }
                : StyledWrap.wrap(spans, width: inner)
            guard width > 4 else { return wrapped }
            return wrapped.enumerated().map { offset, line in
                line.prefixed(offset == 0 || block.kind != .listItem ? marker : "  ", style: markerStyle)
            }
        }
    }

    static func style(for emphasis: StoryBody.Run.Emphasis, in kind: StoryBody.Block.Kind) -> Style {
        var style = kind == .quote ? Style(dim: true) : .plain
        switch emphasis {
        case .none: break
        case .italic: style.underline = true
        case .bold: style.bold = true
        case .code: style.color = .accent
        case .strikethrough: style.dim = true
        }
        return style
    }

    static func commentSummary(_ story: Story) -> String {
        let count = story.comments.count
        var text = count == 1 ? "1 comment" : "\(count) comments"
        if let declared = story.declaredComments, declared != count { text += " (the page said \(declared))" }
        if let score = story.score { text = (score == 1 ? "1 point" : "\(score) points") + " · " + text }
        return text
    }

    /// A date as the reader shows it: `2026-11-25 19:40` in UTC, the same on every machine.
    static func dateText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date) + " UTC"
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
