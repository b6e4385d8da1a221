import Foundation

/// Stories from a scanned feed: one per item or entry that answers nothing held, with the entries that
/// answer it as comments. Bodies are rendered only for the stories `render` picks.
struct FeedStories {
    /// A story as read: in list detail `story.comments` is empty and `commentCount` says how many there are.
    struct Result {
        var story: Story
        var commentCount: Int
        var commentIDs: [CommentID]?
    }

    static let format = "feed"

    let items: FeedItems
    let bytes: [UInt8]
    let path: String
    let threads: FeedThreads

    init(_ scan: FeedScan, bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        items = FeedItems(scan, bytes: bytes, path: path)
        let entries = scan.entries
        threads = scan.hasReplies
            ? FeedThreads(ids: items.items.map { entries[$0.entry].sourceID }, refs: items.items.map { entries[$0.entry].inReplyTo })
            : FeedThreads(standalone: items.items.count)
    }

    /// `feed:` and a key: an Atom reply's comment id is made from it (as story ids were before keys were
    /// scoped, so comment marks are kept), and files are joined by it.
    static func storyID(_ key: String) -> String { FeedStoryID.prefix + key }

    /// The story ids, in order, without building anything else.
    var storyIDs: [String] { threads.threads.map { items.items[$0.entry].id } }

    /// The list entries, made from the headers alone: no story is built.
    func summaries(wantsIDs: (String) -> Bool) -> [ImportedSummary] {
        var summaries = threads.threads.map { thread in
            let item = items.items[thread.entry]
            let id = item.id
            let summary = StorySummary(id: id, legacyID: item.legacyID, source: SourceReference(path: path, locator: item.locator), format: Self.format,
                                       header: item.header, commentCount: thread.comments.count)
            let commentIDs = wantsIDs(id) ? thread.comments.map { ServiceIDs.comment(Self.storyID(items.items[$0.entry].key)) } : nil
            return ImportedSummary(summary: summary, commentIDs: commentIDs)
        }
        if let damage = items.scan.damage, !summaries.isEmpty { summaries[0].damage = damage }
        return summaries
    }

    /// Every story; `render(i)` says whether story i is built in full, `wantsIDs(id)` whether a story
    /// listed without its comments needs their ids.
    func results(render: (Int) -> Bool, wantsIDs: (String) -> Bool) -> [Result] {
        threads.threads.enumerated().map { position, thread in
            result(thread, full: render(position), wantsIDs: wantsIDs)
        }
    }

    func result(_ thread: FeedThreads.Thread, full: Bool, wantsIDs: (String) -> Bool) -> Result {
        let item = items.items[thread.entry]
        let entry = items.scan.entries[item.entry]
        let id = item.id
        var story = Story(id: id, legacyID: item.legacyID, source: SourceReference(path: path, locator: item.locator), format: Self.format,
                          header: item.header)
        var tree = CommentTree(full: full, wantsIDs: full || wantsIDs(id))
        var treeIndices: [Int] = []
        treeIndices.reserveCapacity(thread.comments.count)
        for comment in thread.comments {
            let replyItem = items.items[comment.entry]
            let reply = items.scan.entries[replyItem.entry]
            let parent = comment.parent.flatMap { treeIndices.indices.contains($0) ? treeIndices[$0] : nil }
            let index = tree.add(parent: full ? parent : nil, id: ServiceIDs.comment(Self.storyID(replyItem.key))) { built in
                built.serviceID = reply.sourceID ?? replyItem.key
                built.author = replyItem.header.author
                let date = FeedDates.pick(reply.published, reply.updated, reply.pubDate, reply.dcDate)
                built.date = date.date
                built.age = date.text
                built.url = Comment.webPage(items.url(reply))
                var body = body(reply)
                if body.isEmpty, let title = replyItem.header.title {
                    body = StoryBody(paragraphs: [title])
                } else {
                    // What it answers: the reply above it, else the item.
                    let answered = comment.parent.flatMap { thread.comments.indices.contains($0) ? items.items[thread.comments[$0].entry].header.title : nil }
                        ?? item.header.title
                    built.subject = FeedReplyTitle.subject(replyItem.header.title, author: replyItem.header.author,
                                                           text: body.blocks.lazy.map(\.plainText).joined(separator: " "),
                                                           answering: answered)
                }
                built.body = body
            }
            treeIndices.append(index)
        }
        if full { story.body = body(entry) }
        let ids = tree.commentIDs
        if full { story.comments = tree.finish() }
        return Result(story: story, commentCount: tree.counted, commentIDs: ids)
    }

    /// An address as the page it names: without its fragment, its scheme's `s` or a final slash, its
    /// scheme and host in lower case (a path's case names another page: `watch?v=AbCdE`).
    static func page(_ address: String) -> String {
        var page = Substring(address.prefix { $0 != "#" })
        if page.lowercased().hasPrefix("https://") { page = "http://" + page.dropFirst("https://".count) }
        while page.last == "/" { page = page.dropLast() }
        guard let schemeEnd = page.range(of: "://") else { return String(page) }
        let hostEnd = page[schemeEnd.upperBound...].firstIndex { $0 == "/" || $0 == "?" } ?? page.endIndex
        return page[..<hostEnd].lowercased() + page[hostEnd...]
    }

    /// The entry's body, its relative links resolved against its content's `xml:base`, else its own link
    /// (not an enclosure standing in for one), else the feed's; its enclosures and its discussion's page
    /// after its text.
    private func body(_ entry: FeedEntry) -> StoryBody {
        let url = items.url(entry)
        var body = FeedBody.body(entry, bytes: bytes) { content in
            if let base = content.base { return items.base(base, channel: entry.channel) }
            return url ?? items.base(nil, channel: entry.channel)
        }
        if !entry.enclosures.isEmpty {
            let enclosures = FeedEnclosure.shown(entry.enclosures).map { ($0, items.enclosureURL($0, channel: entry.channel)) }
            FeedEnclosureText.append(enclosures, to: &body)
        }
        // Not shown when it is the item's own page (a blog's `…/post#comments`, `#comments` alone, the same
        // page over http or with a final slash: `o` opens it already), when the text links it already (Hacker
        // News: `Comments`; hnrss: `Comments URL: https://…`), or when it is no web page (`javascript:`).
        if let page = entry.commentsPage, !page.url.hasPrefix("#") {
            let resolved = FeedLinks.resolve(page.url, against: items.base(page.base, channel: entry.channel))
            let lower = resolved.lowercased()
            if Self.page(resolved) != url.map(Self.page), !body.links.contains(where: { Self.page($0) == Self.page(resolved) }),
               lower.hasPrefix("http://") || lower.hasPrefix("https://") {
                FeedEnclosureText.appendCommentsPage(resolved, to: &body)
            }
        }
        return body
    }
}
