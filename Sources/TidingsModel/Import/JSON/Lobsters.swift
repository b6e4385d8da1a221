import Foundation

/// Lobsters as its story JSON gives it (`/s/<id>.json`): the story, and `comments` as a flat pre-order list
/// whose tree comes from `parent_comment` (or, failing that, `depth`).
enum Lobsters {
    static let format = "lobsters"

    static func isStory(_ document: JSONDocument, _ node: Int) -> Bool {
        guard document.kind(node) == .object, document.member(node, "short_id") != nil else { return false }
        return document.member(node, "submitter_user") != nil || document.member(node, "comment_count") != nil
            || document.member(node, "comments") != nil
    }

    static func story(_ reading: JSONReading, _ root: Int) -> JSONReading.Result {
        let document = reading.document
        let storyID = "lobsters:" + (document.text(document.member(root, "short_id")) ?? "?")
        let reading = reading.focused(on: storyID)
        var header = StoryHeader()
        header.title = document.string(document.member(root, "title"))
        header.author = user(document, document.member(root, "submitter_user"))
        header.url = document.string(document.member(root, "url")).flatMap { $0.isEmpty ? nil : $0 }
        header.date = ServiceDates.iso8601(document.string(document.member(root, "created_at")))
        header.score = document.integer(document.member(root, "score"))
        header.declaredComments = document.integer(document.member(root, "comment_count"))
        let tags = document.elements(document.member(root, "tags") ?? -1).compactMap { document.string($0) }
        header.category = "Lobsters" + (tags.isEmpty ? "" : " · " + tags.joined(separator: ", "))
        var body = reading.html(document.member(root, "description"), base: ServiceLinks.lobsters)
        if body.isEmpty, reading.full, let plain = document.string(document.member(root, "description_plain")), !plain.isEmpty {
            body = StoryBody(paragraphs: plain.components(separatedBy: "\n\n"))
        }
        // The list is meant to be pre-order, but the tree comes from `parent_comment` (else `depth`), and the
        // comments are emitted in pre-order of that tree, so a reply listed away from its parent still sits
        // under it.
        let nodes = document.elements(document.member(root, "comments") ?? -1).filter { document.kind($0) == .object }
        var position: [String: Int] = [:]
        for (offset, node) in nodes.enumerated() {
            if let id = document.text(document.member(node, "short_id")), position[id] == nil { position[id] = offset }
        }
        var children: [Int: [Int]] = [:]
        var top: [Int] = []
        var open: [(depth: Int, offset: Int)] = []
        for (offset, node) in nodes.enumerated() {
            let depth = document.integer(document.member(node, "depth")) ?? 0
            var parent: Int?
            if let parentID = document.text(document.member(node, "parent_comment")) {
                parent = position[parentID].flatMap { $0 != offset ? $0 : nil }
                if parent == nil {
                    while let last = open.last, last.depth >= depth { open.removeLast() }
                    parent = open.last?.offset
                }
            }
            if let parent { children[parent, default: []].append(offset) } else { top.append(offset) }
            while let last = open.last, last.depth >= depth { open.removeLast() }
            open.append((depth, offset))
        }
        var tree = reading.tree(for: storyID)
        var visited = Set<Int>()
        var stack: [(offset: Int, parent: Int?)] = top.reversed().map { ($0, nil) }
        // Comments whose parents point at each other in a loop are reached from nowhere: they go at the top.
        var unreached = nodes.indices.makeIterator()
        while true {
            guard let (offset, parent) = stack.popLast() else {
                guard let next = unreached.next() else { break }
                if !visited.contains(next) { stack.append((next, nil)) }
                continue
            }
            guard visited.insert(offset).inserted else { continue }
            let node = nodes[offset]
            let shortID = document.text(document.member(node, "short_id")) ?? "?"
            let deleted = document.bool(document.member(node, "is_deleted")) == true
            let moderated = document.bool(document.member(node, "is_moderated")) == true
            let index = tree.add(parent: parent, id: ServiceIDs.comment("lobsters:" + shortID),
                                 kind: deleted || moderated ? .deleted : .comment) { comment in
                comment.serviceID = shortID
                comment.author = user(document, document.member(node, "commenting_user"))
                comment.date = ServiceDates.iso8601(document.string(document.member(node, "created_at")))
                comment.score = document.integer(document.member(node, "score"))
                var text = reading.html(document.member(node, "comment"), base: ServiceLinks.lobsters)
                if text.isEmpty, let plain = document.string(document.member(node, "comment_plain")), !plain.isEmpty {
                    text = StoryBody(paragraphs: plain.components(separatedBy: "\n\n"))
                }
                if deleted || moderated {
                    let note = moderated ? "[removed by a moderator]" : "[deleted]"
                    text.blocks.insert(.init(.paragraph, text: note), at: 0)
                }
                comment.body = text
            }
            for child in (children[offset] ?? []).reversed() { stack.append((child, index)) }
        }
        let story = Story(id: storyID, source: SourceReference(path: reading.path), format: format, header: header, body: body)
        return reading.result(story, &tree)
    }

    /// A user as a name, or an object with `username` (older API versions).
    static func user(_ document: JSONDocument, _ node: Int?) -> String? {
        guard let node else { return nil }
        return document.string(node) ?? document.string(document.member(node, "username"))
    }
}
