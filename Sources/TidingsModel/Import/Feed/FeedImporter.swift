import Foundation

/// Feeds: RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom 1.0 (and 0.3), one story per item or entry, with Atom
/// entries that answer others (RFC 4685) as their comments. Read by Tidings' own XML reader: one pass over
/// the bytes for the list, the one item shown rendered when it is opened.
public struct FeedImporter: Importer {
    public let name = "feed"

    public init() {}

    /// A file whose first element is `rss`, `feed` or `RDF` is certainly a feed (whatever its name); by name
    /// alone, a `.xml`, `.rss`, `.rdf` or `.atom` file is likely one, and when its first bytes show other XML
    /// it is skipped as such.
    public func claim(path: String, prefix: ArraySlice<UInt8>?, named: Bool) -> ImportClaim {
        let feedName = Self.hasFeedExtension(path)
        guard let prefix else { return feedName ? ImportClaim(.likely) : .no("not a feed") }
        switch FeedSniffer.verdict(prefix) {
        case .feed: return ImportClaim(.certain)
        case .undecided: return feedName ? ImportClaim(.likely) : .no("not a feed")
        case .otherXML: return .no(feedName ? "XML that is not a feed" : "not a feed")
        case .webPage: return .no(feedName ? "an HTML page, not a feed" : "not a feed")
        case .notXML: return .no(feedName ? "not XML, so not a feed" : "not a feed")
        }
    }

    /// Whether the name ends in `.xml`, `.rss`, `.rdf` or `.atom` (any case), judged on the bytes.
    static func hasFeedExtension(_ path: String) -> Bool {
        let utf8 = path.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let tail = utf8[utf8.index(after: dot)...]
        guard (3...4).contains(tail.count) else { return false }
        return StoryNames.matches(tail, "xml") || StoryNames.matches(tail, "rss") || StoryNames.matches(tail, "rdf")
            || StoryNames.matches(tail, "atom")
    }

    public func stories(in bytes: [UInt8], path: String) throws -> [Story] {
        try read(bytes, path: path).results(render: { _ in true }, wantsIDs: { _ in true }).map(\.story)
    }

    public func summaries(in bytes: [UInt8], path: String, needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary] {
        try read(bytes, path: path).summaries(wantsIDs: { needsCommentIDs($0, nil) })
    }

    /// Only the story asked for is rendered: found by its id, else at its locator (its item's place in the
    /// file), else the first.
    public func story(in bytes: [UInt8], for summary: StorySummary) throws -> Story {
        // An RSS item is read up to its place only; the whole file when it is not found there (the file changed),
        // and when it has replies: a comment feed may list them after it, or in a file read after it.
        if summary.commentCount == 0, let place = summary.source.locator.flatMap({ Int($0) }),
           let partial = try? read(bytes, path: summary.path, stoppingAfter: place), partial.items.scan.stoppedEarly,
           let position = partial.storyIDs.firstIndex(of: summary.id) {
            return partial.result(partial.threads.threads[position], full: true, wantsIDs: { _ in true }).story
        }
        let stories = try read(bytes, path: summary.path)
        let ids = stories.storyIDs
        let locators = stories.threads.threads.map { stories.items.items[$0.entry].locator }
        guard let position = ids.firstIndex(of: summary.id) ?? summary.source.locator.flatMap({ locators.firstIndex(of: $0) })
                ?? (ids.isEmpty ? nil : 0) else { throw LoadFailure.storyGone }
        return stories.result(stories.threads.threads[position], full: true, wantsIDs: { _ in true }).story
    }

    /// An item of a large feed is read from the file's first bytes (64 KiB, then four times as many until
    /// the item is whole in them): opening the first story of a 10 MB feed reads 64 KiB, not the file. Nil
    /// when the bytes asked for are the whole file, or the item has replies: it is read whole then.
    public func story(streamingFile path: String, for summary: StorySummary) throws -> Story? {
        // An item with replies is read from the whole file: they may come after it.
        guard summary.commentCount == 0, let place = summary.source.locator.flatMap({ Int($0) }) else { return nil }
        var size = 64 << 10
        while size <= 16 << 20 {
            let prefix = try FileBytes.prefix(path, count: size)
            guard prefix.count == size else { return nil }
            if let partial = try? read(prefix, path: path, stoppingAfter: place), partial.items.scan.stoppedEarly {
                // The file changed since it was listed: the whole-file path finds the story by id or place.
                guard let position = partial.storyIDs.firstIndex(of: summary.id) else { return nil }
                return partial.result(partial.threads.threads[position], full: true, wantsIDs: { _ in true }).story
            }
            size *= 4
        }
        return nil
    }

    /// A comment feed (one that declares the thread namespace or has `in-reply-to` in its first 4 KB) is
    /// read together with the files that share its entries' ids: it names the ids it holds and answers.
    /// Any other feed stands alone, and only its first bytes are looked at.
    public func joinKeys(in bytes: [UInt8]) -> [String]? {
        let head = bytes.prefix(4096)
        guard JSONDiscussionImporter.contains(head, "purl.org/syndication/thread/1.0")
                || JSONDiscussionImporter.contains(head, "in-reply-to"),
              let scan = try? FeedScan.scan(bytes) else { return nil }
        var keys: [String] = []
        for entry in scan.entries {
            if let id = entry.sourceID { keys.append(FeedStories.storyID(id)) }
            if let ref = entry.inReplyTo { keys.append(FeedStories.storyID(ref)) }
        }
        return keys
    }

    /// A feed cut short: only then is it scanned again (`dump` reads stories, which do not carry it). A
    /// feed that ends with its root's end tag is whole.
    public func damage(in bytes: [UInt8]) -> LoadFailure? {
        var end = bytes.count
        while end > 0, [0x20, 0x09, 0x0A, 0x0D, 0x00].contains(bytes[end - 1]) { end -= 1 }
        if end > 0, bytes[end - 1] == UInt8(ascii: ">") {
            let tail = String(decoding: bytes[max(0, end - 16)..<end], as: UTF8.self)
            if tail.hasSuffix("</rss>") || tail.hasSuffix("</feed>") || tail.hasSuffix("RDF>") { return nil }
        }
        return (try? FeedScan.scan(TextDecoding.utf8(bytes)))?.damage
    }

    /// The scan of the bytes, ready for stories; a file with none throws the reason.
    func read(_ bytes: [UInt8], path: String, stoppingAfter entry: Int? = nil) throws -> FeedStories {
        let input = TextDecoding.utf8(bytes)
        let scan = try FeedScan.scan(input, stoppingAfter: entry)
        guard !scan.entries.isEmpty else {
            if !scan.sawFeed { throw LoadFailure.notAStory("not a story: XML that is not a feed") }
            if scan.truncated { throw LoadFailure.malformed("truncated XML: the file ends before its first item is complete") }
            throw LoadFailure.notAStory("not a story: a feed with no items")
        }
        return FeedStories(scan, bytes: input, path: path)
    }
}
