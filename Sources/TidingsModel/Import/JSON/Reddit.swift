import Foundation

/// Reddit as its JSON API gives it: a thread (`<permalink>.json`: a Listing with the `t3` post, then a
/// Listing of `t1` comments whose `replies` are `""` or Listings), or a `morechildren` response (a flat list
/// of `t1` and `more` things, rebuilt by `parent_id`).
enum Reddit {
    static let format = "reddit"

    static func isThread(_ document: JSONDocument, _ node: Int) -> Bool {
        guard document.kind(node) == .array else { return false }
        let listings = document.elements(node)
        guard listings.count == 2, listings.allSatisfy({ document.string(document.member($0, "kind")) == "Listing" }) else { return false }
        return true
    }

    static func isMoreChildren(_ document: JSONDocument, _ node: Int) -> Bool {
        things(document, node) != nil
    }

    /// `json.data.things`.
    static func things(_ document: JSONDocument, _ node: Int) -> Int? {
        guard let json = document.member(node, "json"), let data = document.member(json, "data"),
              let things = document.member(data, "things"), document.kind(things) == .array else { return nil }
        return things
    }

    /// The children of a Listing (`data.children`), or nothing.
    static func children(_ document: JSONDocument, ofListing listing: Int?) -> [Int] {
        guard let listing, let data = document.member(listing, "data") else { return [] }
        return document.elements(document.member(data, "children") ?? -1)
    }

    static func thread(_ reading: JSONReading, _ root: Int) throws -> JSONReading.Result {
        let document = reading.document
        let listings = document.elements(root)
        guard let post = children(document, ofListing: listings[0]).first(where: { document.string(document.member($0, "kind")) == "t3" }),
              let data = document.member(post, "data") else {
            throw LoadFailure.malformed("a Reddit thread without its post (no t3 in the first Listing)")
        }
        let name = document.string(document.member(data, "name"))
            ?? document.string(document.member(data, "id")).map { "t3_" + $0 } ?? "t3_?"
        let comments = children(document, ofListing: listings[1])
        // A permalink view starts below the top level: a story of its own (marking it read must not mark
        // the whole thread), and it says where it starts.
        let context = comments.first.flatMap { document.member($0, "data") }.flatMap { document.string(document.member($0, "parent_id")) }
            .flatMap { $0.hasPrefix("t1_") ? $0 : nil }
        let storyID = "reddit:" + name + (context.map { ":context:" + $0 } ?? "")
        let reading = reading.focused(on: storyID)
        var header = StoryHeader()
        header.title = document.string(document.member(data, "title")).map(unescape)
        header.author = document.string(document.member(data, "author"))
        header.date = ServiceDates.epoch(document.double(document.member(data, "created_utc")))
        header.score = document.integer(document.member(data, "score"))
        header.declaredComments = document.integer(document.member(data, "num_comments"))
        header.category = document.string(document.member(data, "subreddit")).map { "r/" + $0 }
        // A link post's target; a self post's `url` is its own page, its discussion, linked as an Ask HN
        // post links its own (`[0]`, `o`): the one way to open the thread on the site.
        if let url = document.string(document.member(data, "url")).map(unescape), !url.isEmpty {
            header.url = ServiceLinks.absolute(url, base: ServiceLinks.reddit)
        } else if let permalink = document.string(document.member(data, "permalink")), !permalink.isEmpty {
            header.url = ServiceLinks.absolute(permalink, base: ServiceLinks.reddit)
        }
        let body = text(reading, data, markdownKey: "selftext", htmlKey: "selftext_html")
        var tree = reading.tree(for: storyID)
        if let context {
            tree.add(parent: nil, id: ServiceIDs.comment(storyID + "/context"), kind: .unsaved) { comment in
                comment.body = StoryBody(paragraphs: ["Part of the thread, from a reply to comment \(context.dropFirst(3)): the comments above it were not saved"])
            }
            header.title = header.title.map { $0 + " (part of the thread)" }
        }
        var visited = Set<Int>()
        addThings(comments, reading, &tree, visited: &visited, parentOf: { _ in nil })
        let story = Story(id: storyID, source: SourceReference(path: reading.path), format: format, header: header, body: body)
        return reading.result(story, &tree)
    }

    static func moreChildren(_ reading: JSONReading, _ root: Int) -> JSONReading.Result {
        let document = reading.document
        let things = document.elements(Self.things(document, root)!)
        // The thread they belong to, from the first thing's `link_id`.
        let link = things.lazy.compactMap { document.member($0, "data") }.compactMap { document.string(document.member($0, "link_id")) }.first
        let firstName = things.lazy.compactMap { document.member($0, "data") }.compactMap { document.string(document.member($0, "name")) }.first
        let storyID = "reddit:" + (link ?? "t3_?") + ":more:" + (firstName ?? "")
        let reading = reading.focused(on: storyID)
        var header = StoryHeader(category: "Reddit")
        header.title = "More comments loaded later for Reddit thread \(link.map { String($0.dropFirst(3)) } ?? "?")"
        // Rebuild the tree from `parent_id`: a thing whose parent is in the file goes below it, others at the top.
        var byName: [String: Int] = [:]
        for thing in things {
            if let data = document.member(thing, "data"), let name = document.string(document.member(data, "name")) { byName[name] = thing }
        }
        var children: [Int: [Int]] = [:]
        var top: [Int] = []
        for thing in things {
            let parent = document.member(thing, "data").flatMap { document.string(document.member($0, "parent_id")) }
            if let parent, let parentThing = byName[parent], parentThing != thing { children[parentThing, default: []].append(thing) } else { top.append(thing) }
        }
        var tree = reading.tree(for: storyID)
        var visited = Set<Int>()
        addThings(top, reading, &tree, visited: &visited, parentOf: { children[$0] ?? [] })
        // Things whose parents point at each other in a loop were never reached from the top: they go there.
        for thing in things where !visited.contains(thing) {
            addThings([thing], reading, &tree, visited: &visited, parentOf: { children[$0] ?? [] })
        }
        let story = Story(id: storyID, source: SourceReference(path: reading.path), format: format, header: header)
        return reading.result(story, &tree)
    }

    /// Adds `t1` comments and `more` stubs in pre-order with an explicit stack; a comment's replies come from
    /// its `replies` Listing, and from `extraChildren` (the morechildren rebuild). Each thing is visited once,
    /// so ids that point at each other cannot loop.
    static func addThings(_ top: [Int], _ reading: JSONReading, _ tree: inout CommentTree, visited: inout Set<Int>,
                          parentOf extraChildren: (Int) -> [Int]?) {
        let document = reading.document
        var stack: [(thing: Int, parent: Int?)] = top.reversed().map { ($0, nil) }
        while let (thing, parent) = stack.popLast() {
            guard visited.insert(thing).inserted, let data = document.member(thing, "data") else { continue }
            let kindNode = document.member(thing, "kind")
            let isT1 = document.stringEquals(kindNode, "t1")
            if !isT1 && document.stringEquals(kindNode, "more") {
                let id = document.string(document.member(data, "id")) ?? "?"
                let ids = document.elements(document.member(data, "children") ?? -1).count
                let count = max(document.integer(document.member(data, "count")) ?? 0, ids)
                tree.add(parent: parent, id: ServiceIDs.comment("reddit:more:" + id + ":" + (parent.map(String.init) ?? "")), kind: .unsaved) { comment in
                    let text: String
                    if id == "_" || count == 0 {
                        text = "Continue this thread: the replies below here were not saved"
                    } else {
                        let noun = parent == nil ? (count == 1 ? "comment" : "comments") : (count == 1 ? "reply" : "replies")
                        text = "\(count) more \(noun) not saved"
                    }
                    comment.body = StoryBody(paragraphs: [text])
                }
                continue
            }
            guard isT1 else { continue }
            // Decoded only when needed: the list wants no names unless the story has marks.
            func name() -> String {
                document.string(document.member(data, "name")) ?? document.string(document.member(data, "id")).map { "t1_" + $0 } ?? "t1_?"
            }
            let bodyNode = document.member(data, "body")
            let gone = document.stringEquals(bodyNode, "[deleted]") || document.stringEquals(bodyNode, "[removed]")
            let index = tree.add(parent: parent, id: ServiceIDs.comment("reddit:" + name()), kind: gone ? .deleted : .comment) { comment in
                comment.serviceID = name()
                comment.author = document.string(document.member(data, "author"))
                comment.date = ServiceDates.epoch(document.double(document.member(data, "created_utc")))
                comment.score = document.integer(document.member(data, "score"))
                comment.body = gone ? StoryBody(paragraphs: [document.string(bodyNode) ?? "[deleted]"])
                    : text(reading, data, markdownKey: "body", htmlKey: "body_html")
            }
            var replies = children(document, ofListing: document.member(data, "replies"))
            replies += extraChildren(thing) ?? []
            for reply in replies.reversed() { stack.append((reply, index)) }
        }
    }

    /// The Markdown text, or the HTML one when there is no Markdown (`*_html` is HTML escaped once more).
    static func text(_ reading: JSONReading, _ data: Int, markdownKey: StaticString, htmlKey: StaticString) -> StoryBody {
        let document = reading.document
        guard reading.full else { return StoryBody(blocks: []) }
        if let markdown = document.string(document.member(data, markdownKey)), !markdown.isEmpty {
            return MarkdownText.body(markdown)
        }
        if let html = document.string(document.member(data, htmlKey)), !html.isEmpty {
            return HTMLText.body(HTMLEntities.decode(html))
        }
        return StoryBody(blocks: [])
    }

    /// Without `raw_json=1` Reddit escapes `&`, `<` and `>` in every string; with it, none. Both read the same.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
