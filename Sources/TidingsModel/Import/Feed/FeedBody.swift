/// An item's text as a story body, rendered only for the item shown: `content:encoded` before
/// `description`, Atom `content` before `summary`; HTML through the HTML renderer, plain text as
/// paragraphs; relative links made absolute.
enum FeedBody {
    /// `base` gives the address relative links in a content element resolve against.
    static func body(_ entry: FeedEntry, bytes: [UInt8], base: (FeedContent) -> String?) -> StoryBody {
        for content in [entry.content, entry.summary].compactMap({ $0 }) where content.type != .skipped {
            var body = render(content, bytes: bytes)
            guard !body.isEmpty else { continue }
            if let base = base(content) { body.links = body.links.map { FeedLinks.resolve($0, against: base) } }
            return body
        }
        return StoryBody(blocks: [])
    }

    /// The content's text; the addresses it writes out without a link to them (plain text, or HTML that
    /// names an address in its words) are links too, numbered where they stand, as in mail.
    static func render(_ content: FeedContent, bytes: [UInt8]) -> StoryBody {
        if content.hasElements {
            let html = FeedMarkup.html(bytes, content.range, encoding: content.encoding, unwrapDiv: content.type == .xhtml)
            return PlainTextLinks.marked(HTMLText.body(html))
        }
        let text = FeedMarkup.text(bytes, content.range, encoding: content.encoding)
        // Atom text with no `type` that is HTML all the same (feeds forget the label) is read as HTML.
        if content.type == .html || (content.typeIsDefault && FeedText.looksLikeMarkup(text)) {
            return PlainTextLinks.marked(HTMLText.body(text))
        }
        return content.keepsLines ? MailText.body(text) : PlainTextLinks.marked(paragraphs(text))
    }

    /// Plain text: paragraphs at blank lines, the lines of each joined.
    static func paragraphs(_ text: String) -> StoryBody {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(FeedText.collapsed(current.joined(separator: " "))) }
                current.removeAll()
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(FeedText.collapsed(current.joined(separator: " "))) }
        return StoryBody(paragraphs: paragraphs.filter { !$0.isEmpty })
    }
}
