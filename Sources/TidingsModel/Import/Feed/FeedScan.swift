/// Everything a feed file holds, found in one pass over its bytes: its channels and items, short fields as
/// strings and long ones (bodies) as places in the bytes, so listing builds no string for a body.
struct FeedScan {
    var channels: [FeedChannel] = []
    var entries: [FeedEntry] = []
    /// A document began with an RSS, Atom or RDF root.
    var sawFeed = false
    /// The bytes ended inside a document, so items after the cut are lost.
    var truncated = false

    /// What to say of a feed cut short whose complete items were kept.
    var damage: LoadFailure? {
        guard truncated, !entries.isEmpty else { return nil }
        let count = entries.count
        return .readInPart("truncated XML: the file ends inside the feed; \(count == 1 ? "the complete item before the cut is" : "the \(count) complete items before the cut are") listed")
    }
    /// Entries with `thr:in-reply-to`.
    var hasReplies = false
    /// The scan stopped after the entry it was asked for: the entries after it are not read.
    var stoppedEarly = false

    /// Scans the bytes (several documents one after another are read in turn). Throws `LoadFailure` only for
    /// XML that must not be read at all (entities, nesting beyond the limit).
    /// With `stoppingAfter`, an RSS feed (whose items stand alone: only Atom entries answer one another) is
    /// read only up to that entry: the first story of a 10 MB feed opens without reading the rest.
    static func scan(_ bytes: [UInt8], stoppingAfter entry: Int? = nil) throws -> FeedScan {
        // UTF-16 and UTF-32 are turned into UTF-8 first, as the renderer reads them: every position the scan
        // records is one in those bytes.
        var scanner = FeedScanner(bytes: TextDecoding.utf8(bytes))
        scanner.stopAfterEntry = entry
        try scanner.run()
        return scanner.scan
    }
}
