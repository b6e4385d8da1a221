import Foundation

/// Tidings' own JSON: what `tidings dump` prints (docs/FORMAT.md), one story per file or per line. Read
/// back, a story keeps the id, format and fields it was dumped with, so dumping it again prints the same
/// record (only `path` and `locator` say where it was read from).
enum NativeJSON {
    static func isStory(_ document: JSONDocument, _ node: Int) -> Bool {
        guard document.kind(node) == .object, let id = document.member(node, "id"), document.kind(id) == .string,
              let format = document.member(node, "format"), document.kind(format) == .string,
              let body = document.member(node, "body"), document.kind(body) == .array else { return false }
        return document.member(node, "comments").map { document.kind($0) == .array } ?? false
    }

    static func story(_ reading: JSONReading, _ root: Int, locator: String?) -> JSONReading.Result {
        let document = reading.document
        func text(_ key: StaticString) -> String? { document.string(document.member(root, key)) }
        let storyID = text("id") ?? "?"
        let reading = reading.focused(on: storyID)
        var header = StoryHeader()
        header.title = text("title")
        header.author = text("author")
        header.url = text("url")
        header.category = text("category")
        header.byline = text("byline")
        header.date = ServiceDates.iso8601(text("date"))
        header.dateText = text("dateText")
        header.score = document.integer(document.member(root, "score"))
        header.declaredComments = document.integer(document.member(root, "declaredComments"))
        var body = StoryBody(blocks: [])
        if reading.full {
            body = StoryBody(lines: strings(document, document.member(root, "body")), links: strings(document, document.member(root, "links")))
        }
        var tree = reading.tree(for: storyID)
        var assigner = CommentIDAssigner()
        var stack: [(node: Int, parent: Int?, parentID: CommentID?)] =
            document.elements(document.member(root, "comments") ?? -1).reversed().map { ($0, nil, nil) }
        while let (node, parent, parentID) = stack.popLast() {
            guard document.kind(node) == .object else { continue }
            let commentText = document.string(document.member(node, "text")) ?? ""
            let author = document.string(document.member(node, "author"))
            // The id it was dumped with; a hand-written record without one gets the native rule's id.
            let id = document.string(document.member(node, "id")).flatMap { CommentID($0) }
                ?? assigner.next(parent: parentID, author: author, text: commentText)
            let kind: Comment.Kind
            switch document.string(document.member(node, "kind")) {
            case "deleted": kind = .deleted
            case "unsaved": kind = .unsaved
            default: kind = .comment
            }
            let index = tree.add(parent: parent, id: id, kind: kind) { comment in
                comment.serviceID = document.string(document.member(node, "serviceID"))
                comment.author = author
                comment.age = document.string(document.member(node, "age"))
                comment.date = ServiceDates.iso8601(document.string(document.member(node, "date")))
                comment.score = document.integer(document.member(node, "score"))
                comment.subject = document.string(document.member(node, "subject"))
                comment.url = Comment.webPage(document.string(document.member(node, "url")))
                comment.body = StoryBody(lines: commentText.components(separatedBy: "\n"),
                                         links: strings(document, document.member(node, "links")))
                comment.attachments = attachments(document, document.member(node, "attachments"))
            }
            for reply in document.elements(document.member(node, "replies") ?? -1).reversed() {
                stack.append((reply, index, id))
            }
        }
        var story = Story(id: storyID, source: SourceReference(path: reading.path, locator: locator),
                          format: text("format") ?? "tidings", header: header, body: body)
        // Shown under the text only, like the body: the list does not need them.
        if reading.full { story.attachments = attachments(document, document.member(root, "attachments")) }
        return reading.result(story, &tree)
    }

    /// The `attachments` array as dumped; in a hand-written record an entry that is not an object is left
    /// out, and a missing type or size reads as unknown (`""`) and 0.
    static func attachments(_ document: JSONDocument, _ node: Int?) -> [Comment.Attachment] {
        document.elements(node ?? -1).compactMap { entry in
            guard document.kind(entry) == .object else { return nil }
            return Comment.Attachment(name: document.string(document.member(entry, "name")),
                                      type: document.string(document.member(entry, "type")) ?? "",
                                      size: max(0, document.integer(document.member(entry, "size")) ?? 0))
        }
    }

    static func strings(_ document: JSONDocument, _ node: Int?) -> [String] {
        document.elements(node ?? -1).map { document.string($0) ?? "" }
    }
}
