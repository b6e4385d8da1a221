import Foundation
import TidingsModel

/// Lays out a story for the story text pane: title, header lines, the link it is about as `[0]`, then the
/// body's blocks (`BodyLayout`) and their links' targets, numbered from 1, then a message's attachments.
enum StoryText {
    static func lines(for story: Story, width: Int, timeZone: TimeZone, quotes: QuoteFold = .shown) -> [StyledLine] {
        guard width > 0 else { return [] }
        var lines: [StyledLine] = []
        func add(_ text: String, _ style: Style) {
            // Header fields are one line each at the source: a line break in one is a space.
            // No-break spaces (the date's) hold words together while wrapping, and are shown as spaces.
            lines += TextWrap.wrap(UntrustedText.sanitize(text), width: width).map {
                StyledLine(text: $0, style: style).noBreakSpacesShownAsSpaces()
            }
        }
        let header = story.header
        add(StoryTitle.shown(header.title), .bold)
        // A date is not broken over two rows (`… 19:00` / `+00:00`): its spaces do not break.
        let when = header.date.map { DateText.full($0, in: timeZone).replacingOccurrences(of: " ", with: "\u{A0}") } ?? header.dateText
        // A feed whose items are by the feed itself (a YouTube channel) names it once.
        let author = header.author == header.category ? nil : header.author
        let about = [header.category, author, when, header.byline].compactMap { $0 }.joined(separator: " · ")
        if !about.isEmpty { add(about, .accent) }
        if let url = header.url { lines += BodyLayout.linkLines([url], firstNumber: 0, width: width) }
        // A feed item is an article: without comments, and none declared, there is nothing to count.
        if !(story.isFeedItem && story.comments.isEmpty && story.declaredComments == nil && story.score == nil) {
            add(commentSummary(story), .dim)
        }
        lines += BodyLayout.lines(story.body.blocks, width: width, separateFirst: true, quotes: quotes)
        if story.body.isEmpty, story.attachments.isEmpty {
            lines.append(BodyLayout.blank)
            lines.append(StyledLine(text: "(no story text)", style: .dim))
        }
        let writtenOut = story.body.links.isEmpty ? [] : story.body.linksWrittenOut
        if story.body.links.count > writtenOut.count {
            lines.append(BodyLayout.blank)
            lines += BodyLayout.linkLines(story.body.links, firstNumber: 1, width: width, skipping: writtenOut)
        }
        if !story.attachments.isEmpty {
            lines.append(BodyLayout.blank)
            lines += AttachmentLines.lines(story.attachments, width: width)
        }
        return lines
    }

    /// "12 points · 40 comments (the page said 52)": comments the file holds (stubs for replies it does
    /// not hold are not comments), and the count the source declared when it differs.
    static func commentSummary(_ story: Story) -> String {
        let count = story.comments.countedCount
        var text = count == 1 ? "1 comment" : "\(count) comments"
        if let declared = story.declaredComments, declared != count {
            text = count == 0 && declared > 0 ? "\(declared) \(declared == 1 ? "comment" : "comments"), none saved"
                : text + " (the page said \(declared))"
        }
        if let score = story.score { text = (score == 1 ? "1 point" : "\(score) points") + " · " + text }
        return text
    }
}

extension AppState {
    mutating func storyTextLines(width: Int) -> [StyledLine] {
        if let cache = storyTextCache, cache.story == selectedStory, cache.width == width { return cache.lines }
        guard let story = currentStory else { return [] }
        let lines = StoryText.lines(for: story, width: width, timeZone: timeZone, quotes: quoteFold)
        // The same text at a new width (the terminal was resized): the pane goes on from the same words,
        // not from the same row number.
        // The place is kept while the reader does not scroll, so resizing back and forth comes back to it.
        var anchor: (row: Int, place: WrapAnchor)?
        if let cache = storyTextCache, cache.story == selectedStory, textTop > 0 {
            let place = cache.anchor.flatMap { $0.row == textTop ? $0.place : nil } ?? WrapAnchor(top: textTop, in: cache.lines)
            textTop = place.row(in: lines)
            anchor = (textTop, place)
        }
        storyTextCache = (selectedStory, width, lines, anchor)
        return lines
    }
}
