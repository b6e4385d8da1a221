/// What a shape reader needs: the parsed file, its path, and how much to build. In `full` detail every
/// comment is built with its rendered text; for the list only the header, the count and (when the loader
/// asks, per story) the comment ids.
struct JSONReading {
    let document: JSONDocument
    let path: String
    private(set) var full: Bool
    let needsCommentIDs: (String, String?) -> Bool
    /// With a story id, only that story is read in full (the one the reader opens from a file of many).
    var onlyStory: String?

    init(document: JSONDocument, path: String, full: Bool, needsCommentIDs: @escaping (String, String?) -> Bool,
         onlyStory: String? = nil) {
        self.document = document
        self.path = path
        self.full = full
        self.needsCommentIDs = needsCommentIDs
        self.onlyStory = onlyStory
    }

    /// The reading for one story: in full only when it is the story asked for (or every story is).
    func focused(on storyID: String) -> JSONReading {
        var copy = self
        copy.full = full && (onlyStory == nil || onlyStory == storyID)
        return copy
    }

    /// A story as read: in list detail `story.comments` is empty and `commentCount` says how many there are.
    struct Result {
        var story: Story
        var commentCount: Int
        var commentIDs: [CommentID]?
    }

    /// A comment tree for the story with this id, building what this detail needs.
    func tree(for storyID: String) -> CommentTree {
        CommentTree(full: full, wantsIDs: full || needsCommentIDs(storyID, nil))
    }

    func result(_ story: Story, _ tree: inout CommentTree) -> Result {
        var story = story
        let ids = tree.commentIDs
        if full { story.comments = tree.finish() }
        return Result(story: story, commentCount: tree.counted, commentIDs: ids)
    }

    /// HTML rendered to blocks, in full detail only (the list never shows text).
    /// HTML rendered to blocks, in full detail only (the list never shows text). Links relative to the
    /// service (`item?id=8863`) are made absolute against `base`, so they can be opened.
    func html(_ node: Int?, base: String? = nil) -> StoryBody {
        guard full, let text = document.string(node), !text.isEmpty else { return StoryBody(blocks: []) }
        return Self.html(text, base: base)
    }

    /// A service's HTML as blocks: Latin-1 mojibake repaired, links made absolute against `base`.
    static func html(_ text: String, base: String?) -> StoryBody {
        var body = HTMLText.body(HTMLEntities.repairingC1(text))
        if let base { body.links = body.links.map { ServiceLinks.absolute($0, base: base) } }
        quoteTypedQuotes(&body)
        return body
    }

    /// A paragraph written `> quoted` is a quote, `>>` one level deeper: Hacker News has no quote markup,
    /// so people type the mark, and readers (hackernews-TUI, circumflex) show it as a quote.
    static func quoteTypedQuotes(_ body: inout StoryBody) {
        for index in body.blocks.indices where body.blocks[index].kind == .paragraph {
            guard let first = body.blocks[index].runs.first, first.text.hasPrefix(">") else { continue }
            var text = Substring(first.text)
            var level = 0
            while let next = text.first, next == ">" || (next == " " && level > 0 && text.dropFirst().first == ">") {
                if next == ">" { level += 1 }
                text = text.dropFirst()
            }
            // `> text`, `>text`, `>"text"`: a mark before words; `>_<` or `>.>` is a face, not a quote.
            if let next = text.first, next != " ", !next.isLetter, !next.isNumber, !"\"'“‘(".contains(next) { continue }
            text = text.drop { $0 == " " }
            guard !text.isEmpty || body.blocks[index].runs.count > 1 else { continue }
            if text.isEmpty { body.blocks[index].runs.removeFirst() } else { body.blocks[index].runs[0].text = String(text) }
            body.blocks[index].kind = .quote
            // Levels count from 0, the top quote, as `<blockquote>` and mail quotes do.
            body.blocks[index].level = min(level, 32) - 1
        }
    }

    func markdown(_ text: String?) -> StoryBody {
        guard full, let text, !text.isEmpty else { return StoryBody(blocks: []) }
        return MarkdownText.body(text)
    }
}

/// Links as services write them, made absolute.
enum ServiceLinks {
    static let hackerNews = "https://news.ycombinator.com/"
    static let lobsters = "https://lobste.rs/"
    static let reddit = "https://www.reddit.com/"

    /// `item?id=1` or `/s/abc` against `https://host/`; links with a scheme (or `//host`) stay as they are.
    static func absolute(_ link: String, base: String) -> String {
        if link.hasPrefix("//") { return "https:" + link }
        if let colon = link.firstIndex(of: ":"), link[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }),
           !link[..<colon].isEmpty { return link }
        return base + (link.hasPrefix("/") ? String(link.dropFirst()) : link)
    }
}

/// The start of a text as a title: its first line, cut at a word near `limit` characters.
enum TitleFromText {
    static func make(_ body: StoryBody, limit: Int = 80) -> String? {
        guard let first = body.blocks.first?.plainText.split(whereSeparator: \.isNewline).first else { return nil }
        let line = first.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        guard line.count > limit else { return line.isEmpty ? nil : line }
        let cut = line.prefix(limit)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord + "…"
    }
}
