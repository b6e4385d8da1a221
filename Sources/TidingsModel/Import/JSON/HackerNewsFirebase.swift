import Foundation

/// Hacker News as its official (Firebase) API gives it: flat items with `kids` and `parent`, one per file or
/// many in an array or JSON Lines. The tree is rebuilt from the ids: a story with its comments is one story;
/// comments whose story is not in the file group under a placeholder story named by the missing parent.
enum HackerNewsFirebase {
    static let format = "hn"

    static func isItem(_ document: JSONDocument, _ node: Int) -> Bool {
        guard document.kind(node) == .object, document.member(node, "id") != nil,
              document.member(node, "children") == nil else { return false }
        let type = document.string(document.member(node, "type"))
        return (type != nil && (document.member(node, "by") != nil || document.member(node, "time") != nil
                    || document.member(node, "kids") != nil || document.member(node, "deleted") != nil))
            || (document.member(node, "by") != nil && document.member(node, "time") != nil)
    }

    static let storyTypes: Set<String> = ["story", "job", "poll"]

    /// When every value in the file is an item (or `null`) and some name a parent or reply the file does not
    /// hold: every id held or named, prefixed (`hn:4201`). Nil for a file that stands alone.
    static func joinKeys(_ document: JSONDocument) -> [String]? {
        var items: [Int] = []
        for root in document.roots {
            switch document.kind(root) {
            case .null: continue
            case .array:
                for element in document.elements(root) where document.kind(element) != .null {
                    guard isItem(document, element) else { return nil }
                    items.append(element)
                }
            default:
                guard isItem(document, root) else { return nil }
                items.append(root)
            }
        }
        guard !items.isEmpty else { return nil }
        var held = Set<String>()
        var named = Set<String>()
        for item in items {
            if let id = document.text(document.member(item, "id")) { held.insert(id) }
            if let parent = document.text(document.member(item, "parent")) { named.insert(parent) }
            for kid in document.elements(document.member(item, "kids") ?? -1) {
                if let id = document.text(kid) { named.insert(id) }
            }
        }
        guard !named.isSubset(of: held) else { return nil }
        return held.union(named).sorted().map { "hn:" + $0 }
    }

    /// Every story the items make, in the order their roots first appear.
    static func stories(_ reading: JSONReading, items: [Int]) -> [JSONReading.Result] {
        let document = reading.document
        var byID: [String: Int] = [:]
        for item in items {
            if let id = document.text(document.member(item, "id")), byID[id] == nil { byID[id] = item }
        }
        func parent(_ item: Int) -> String? { document.text(document.member(item, "parent")) }
        func isStory(_ item: Int) -> Bool {
            guard let type = document.string(document.member(item, "type")) else { return parent(item) == nil }
            return storyTypes.contains(type)
        }
        // Children under their parent when it is in the file, in the order of the parent's `kids`.
        var children: [Int: [Int]] = [:]
        enum Root: Hashable { case story(Int), missing(String), loop(String) }
        var roots: [Root] = []
        var tops: [Root: [Int]] = [:]
        func addTop(_ root: Root, _ item: Int?) {
            if tops[root] == nil { roots.append(root) }
            tops[root, default: []] += item.map { [$0] } ?? []
        }
        var unique: [Int] = []
        for item in items {
            guard let id = document.text(document.member(item, "id")), byID[id] == item else { continue }
            unique.append(item)
            if isStory(item) {
                addTop(.story(item), nil)
            } else if let up = parent(item), let upItem = byID[up], upItem != item {
                children[upItem, default: []].append(item)
            } else if parent(item) == id {
                addTop(.loop(id), item)
            } else {
                addTop(.missing(parent(item) ?? id), item)
            }
        }
        for (parentItem, list) in children {
            let order = document.elements(document.member(parentItem, "kids") ?? -1).compactMap { document.text($0) }
            guard !order.isEmpty else { continue }
            var rank: [String: Int] = [:]
            for (position, id) in order.enumerated() where rank[id] == nil { rank[id] = position }
            children[parentItem] = list.enumerated().sorted { lhs, rhs in
                let left = document.text(document.member(lhs.element, "id")).flatMap { rank[$0] } ?? Int.max
                let right = document.text(document.member(rhs.element, "id")).flatMap { rank[$0] } ?? Int.max
                return left != right ? left < right : lhs.offset < rhs.offset
            }.map(\.element)
        }
        // Items never reached from a story or a missing parent hang in a loop of parents: the first of each
        // loop (in file order) starts a placeholder named by its parent, so nothing is lost.
        var reached = Set<Int>()
        func reach(_ start: [Int]) {
            var pending = start
            while let item = pending.popLast() {
                guard reached.insert(item).inserted else { continue }
                pending += children[item] ?? []
            }
        }
        for root in roots {
            if case .story(let item) = root { reach([item]) }
            reach(tops[root] ?? [])
        }
        for item in unique where !reached.contains(item) {
            addTop(.loop(document.text(document.member(item, "id")) ?? "?"), item)
            reach([item])
        }
        let multiple = roots.count > 1
        return roots.map { root in
            switch root {
            case .story(let item):
                return story(reading, item: item, top: children[item] ?? [], children: children, multiple: multiple)
            case .missing(let id):
                return placeholder(reading, id: id, title: "Replies to item \(id) (not saved)", top: tops[root] ?? [],
                                   children: children, multiple: multiple)
            case .loop(let id):
                return placeholder(reading, id: id + ":loop", title: "Comments whose parents form a loop (from item \(id))",
                                   top: tops[root] ?? [], children: children, multiple: multiple)
            }
        }
    }

    static func story(_ reading: JSONReading, item: Int, top: [Int], children: [Int: [Int]], multiple: Bool) -> JSONReading.Result {
        let document = reading.document
        let serviceID = document.text(document.member(item, "id")) ?? "?"
        let storyID = "hn:" + serviceID
        let reading = reading.focused(on: storyID)
        var header = StoryHeader(category: "Hacker News")
        header.title = document.string(document.member(item, "title"))
        header.author = document.string(document.member(item, "by"))
        header.url = document.string(document.member(item, "url")).flatMap { $0.isEmpty ? nil : $0 }
        header.date = ServiceDates.epoch(document.double(document.member(item, "time")))
        header.score = document.integer(document.member(item, "score"))
        header.declaredComments = document.integer(document.member(item, "descendants"))
        if header.title == nil, document.bool(document.member(item, "deleted")) == true { header.title = "[deleted story]" }
        if header.url == nil { header.url = ServiceLinks.hackerNews + "item?id=" + serviceID }
        var tree = reading.tree(for: storyID)
        addComments(top, children: children, reading, &tree)
        let story = Story(id: storyID, source: SourceReference(path: reading.path, locator: multiple ? storyID : nil),
                          format: format, header: header, body: reading.html(document.member(item, "text"), base: ServiceLinks.hackerNews))
        return reading.result(story, &tree)
    }

    static func placeholder(_ reading: JSONReading, id: String, title: String, top: [Int], children: [Int: [Int]],
                            multiple: Bool) -> JSONReading.Result {
        let storyID = "hn:" + id
        let reading = reading.focused(on: storyID)
        let header = StoryHeader(title: title, category: "Hacker News")
        var tree = reading.tree(for: storyID)
        addComments(top, children: children, reading, &tree)
        let story = Story(id: storyID, source: SourceReference(path: reading.path, locator: multiple ? storyID : nil),
                          format: format, header: header)
        return reading.result(story, &tree)
    }

    static func addComments(_ top: [Int], children: [Int: [Int]], _ reading: JSONReading, _ tree: inout CommentTree) {
        let document = reading.document
        var visited = Set<Int>()
        var stack: [(item: Int, parent: Int?)] = top.reversed().map { ($0, nil) }
        while let (item, parent) = stack.popLast() {
            guard visited.insert(item).inserted else { continue }
            let serviceID = document.text(document.member(item, "id"))
            let deleted = document.bool(document.member(item, "deleted")) == true
            let dead = document.bool(document.member(item, "dead")) == true
            let textNode = document.member(item, "text")
            let gone = deleted || (dead && document.isNull(textNode))
            let index = tree.add(parent: parent, id: ServiceIDs.comment("hn:" + (serviceID ?? "?")), kind: gone ? .deleted : .comment) { comment in
                comment.serviceID = serviceID
                comment.author = document.string(document.member(item, "by"))
                comment.date = ServiceDates.epoch(document.double(document.member(item, "time")))
                comment.score = document.integer(document.member(item, "score"))
                if gone {
                    comment.body = StoryBody(paragraphs: [deleted ? "[deleted]" : "[dead]"])
                } else {
                    comment.body = reading.html(textNode, base: ServiceLinks.hackerNews)
                    if dead { comment.body.blocks.insert(.init(.paragraph, text: "[dead]"), at: 0) }
                }
            }
            for child in (children[item] ?? []).reversed() { stack.append((child, index)) }
        }
    }
}
