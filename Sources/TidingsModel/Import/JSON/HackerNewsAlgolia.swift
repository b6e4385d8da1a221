import Foundation

/// Hacker News as the Algolia API gives it: an item (`items/<id>`) with its replies nested in `children`,
/// or a search listing (`hits[]`) of stories whose comments were not saved.
enum HackerNewsAlgolia {
    static let format = "hn"

    /// An item: nested `children` and the fields of an Algolia item.
    static func isItem(_ document: JSONDocument, _ node: Int) -> Bool {
        guard let children = document.member(node, "children"), document.kind(children) == .array else { return false }
        return document.member(node, "created_at_i") != nil || document.member(node, "story_id") != nil
            || (document.member(node, "author") != nil && document.member(node, "type") != nil)
    }

    static func isSearch(_ document: JSONDocument, _ node: Int) -> Bool {
        guard let hits = document.member(node, "hits"), document.kind(hits) == .array else { return false }
        return document.member(node, "nbHits") != nil || document.member(node, "hitsPerPage") != nil
            || document.member(node, "params") != nil || document.member(node, "query") != nil
    }

    static func item(_ reading: JSONReading, _ root: Int) -> JSONReading.Result {
        let document = reading.document
        let serviceID = document.text(document.member(root, "id")) ?? "?"
        let storyID = "hn:" + serviceID
        let reading = reading.focused(on: storyID)
        var header = StoryHeader()
        header.author = document.string(document.member(root, "author"))
        header.date = date(document, root)
        header.score = document.integer(document.member(root, "points"))
        header.url = document.string(document.member(root, "url")).flatMap { $0.isEmpty ? nil : $0 }
        var body = StoryBody(blocks: [])
        let text = document.member(root, "text")
        if document.string(document.member(root, "type")) == "comment" {
            // A saved sub-thread: its root comment is the story, titled from its text.
            // Rendered in list detail too: the title comes from it.
            let rendered = JSONReading.html(document.string(text) ?? "", base: ServiceLinks.hackerNews)
            header.title = TitleFromText.make(rendered) ?? "[deleted comment]"
            let story = document.text(document.member(root, "story_id")) ?? document.text(document.member(root, "parent_id"))
            header.category = "Hacker News" + (story.map { " · a reply in story \($0)" } ?? " · a reply")
            if reading.full { body = rendered }
        } else {
            header.title = document.string(document.member(root, "title"))
            header.category = "Hacker News"
            body = reading.html(text, base: ServiceLinks.hackerNews)
        }
        // An Ask HN, a job or a saved sub-thread is about its own page: that is its link.
        if header.url == nil { header.url = ServiceLinks.hackerNews + "item?id=" + serviceID }
        var tree = reading.tree(for: storyID)
        addChildren(of: root, parent: nil, reading, &tree)
        let story = Story(id: storyID, source: SourceReference(path: reading.path), format: format, header: header, body: body)
        return reading.result(story, &tree)
    }

    /// Walks `children` in pre-order with an explicit stack (threads can be any depth).
    static func addChildren(of root: Int, parent: Int?, _ reading: JSONReading, _ tree: inout CommentTree) {
        let document = reading.document
        var stack: [(node: Int, parent: Int?)] = []
        func push(childrenOf node: Int, parent: Int?) {
            guard let children = document.member(node, "children") else { return }
            for child in document.elements(children).reversed() where document.kind(child) == .object {
                stack.append((child, parent))
            }
        }
        push(childrenOf: root, parent: parent)
        while let (node, parent) = stack.popLast() {
            let serviceID = document.text(document.member(node, "id"))
            let authorNode = document.member(node, "author")
            let textNode = document.member(node, "text")
            let deleted = document.isNull(authorNode) && document.isNull(textNode)
            let index = tree.add(parent: parent, id: ServiceIDs.comment("hn:" + (serviceID ?? "?")),
                                 kind: deleted ? .deleted : .comment) { comment in
                comment.serviceID = serviceID
                comment.author = document.string(authorNode)
                comment.date = date(document, node)
                comment.score = document.integer(document.member(node, "points"))
                comment.body = deleted ? StoryBody(paragraphs: ["[deleted]"]) : reading.html(textNode, base: ServiceLinks.hackerNews)
            }
            push(childrenOf: node, parent: index)
        }
    }

    static func date(_ document: JSONDocument, _ node: Int) -> Date? {
        if let seconds = document.double(document.member(node, "created_at_i")) { return ServiceDates.epoch(seconds) }
        return ServiceDates.iso8601(document.string(document.member(node, "created_at")))
    }

    /// Each hit a story with its declared comment count; `children` here are ids, not comments.
    static func search(_ reading: JSONReading, _ root: Int) -> [JSONReading.Result] {
        let document = reading.document
        guard let hits = document.member(root, "hits") else { return [] }
        return document.elements(hits).filter { document.kind($0) == .object }.map { hit in
            let knownID = document.text(document.member(hit, "story_id")) ?? document.text(document.member(hit, "objectID"))
            let serviceID = knownID ?? "?"
            let storyID = "hn:" + serviceID
            let reading = reading.focused(on: storyID)
            var header = StoryHeader(category: "Hacker News")
            header.title = document.string(document.member(hit, "title"))
                ?? document.string(document.member(hit, "story_title")).map { "Re: " + $0 }
            header.author = document.string(document.member(hit, "author"))
            header.url = document.string(document.member(hit, "url")).flatMap { $0.isEmpty ? nil : $0 }
            header.date = date(document, hit)
            header.score = document.integer(document.member(hit, "points"))
            header.declaredComments = document.integer(document.member(hit, "num_comments"))
            let text = document.member(hit, "story_text") ?? document.member(hit, "comment_text")
            if header.url == nil, knownID != nil { header.url = ServiceLinks.hackerNews + "item?id=" + serviceID }
            let story = Story(id: storyID, source: SourceReference(path: reading.path, locator: storyID), format: format,
                              header: header, body: reading.html(text, base: ServiceLinks.hackerNews))
            var tree = reading.tree(for: storyID)
            return reading.result(story, &tree)
        }
    }
}
