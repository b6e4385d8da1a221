/// Renders the HTML of Hacker News, Lobsters and Reddit comments as a story body: paragraphs, lists,
/// quotes, code and tables of runs with emphasis and numbered links.
public enum HTMLText {
    /// The body of `html`. Never fails: malformed HTML keeps all its text, and any depth of nesting renders
    /// without recursion.
    /// `relativeLinks` false (mail) keeps no relative reference as a link: nothing there to resolve it against.
    public static func body(_ html: String, relativeLinks: Bool = true) -> StoryBody {
        let bytes = Array(html.utf8)
        // Plain text, the usual short comment: one paragraph, its whitespace collapsed.
        if !bytes.contains(where: { $0 == UInt8(ascii: "<") || $0 == HTMLEntities.ampersand }) {
            if HTMLWhitespace.isCollapsed(bytes) { return StoryBody(blocks: [StoryBody.Block(.paragraph, text: html)]) }
            var writer = HTMLBlockWriter()
            writer.write(bytes, bytes.indices, style: HTMLRunStyle(), context: HTMLBlockContext())
            writer.endBlock()
            return StoryBody(blocks: writer.blocks)
        }
        var renderer = HTMLRenderer(bytes: bytes, relativeLinks: relativeLinks)
        return renderer.render()
    }
}
