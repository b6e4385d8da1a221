import Foundation

/// The entries of a scan made ready for stories: each one's id and header, worked out once from the short
/// fields (nothing here renders a body). An id the source gave that comes again with the same link (the
/// same entry saved twice, or again as it was updated) keeps only its first entry; one that comes again
/// with another link (a feed that gives every item its home page as guid) is another item, known by its
/// guid and link; items without an id that share a link (a status page's every item) are known by link,
/// title and date, and only one made the same from all of these is numbered when it comes again: no item
/// is lost, and an item new on top of the feed never takes the id (and the read mark) of an older one. A
/// key that is no URI is scoped by its feed (`FeedStoryID`).
struct FeedItems {
    struct Item {
        /// Index into the scan's entries.
        var entry: Int
        /// The entry's place among all entries in the bytes, as the story's locator.
        var locator: String
        /// The id without `feed:`: the source's id, the link, or a hash of title and date. Comments (Atom
        /// replies) are known by it within their story.
        var key: String
        /// The story id (`FeedStoryID`): the key, scoped by the feed when it is no URI.
        var id: String
        /// The id the item had before keys were scoped, when it differs: its marks are taken over.
        var legacyID: String?
        var header: StoryHeader
    }

    let scan: FeedScan
    private(set) var items: [Item] = []
    /// Absolute base of each channel: its link, made absolute against its `xml:base`.
    private let channelBases: [String?]

    /// `path` scopes the keys of a feed with neither link nor title.
    init(_ scan: FeedScan, bytes: [UInt8], path: String) {
        self.scan = scan
        let bases = scan.channels.map { channel in channel.link.map { FeedLinks.resolve($0, against: channel.base) } ?? channel.base }
        channelBases = bases
        // What names each feed: its link and its title (two feeds of one site share the link: a forum's
        // posts and its jobs), else the file's path (`siteA/rss.xml` and `siteB/rss.xml`).
        let homes = bases.map { $0.map(FeedStoryID.trimmedLink) }
        let scopes = scan.channels.indices.map { index -> String in
            let title = scan.channels[index].title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let link = homes[index] ?? ""
            return FeedStoryID.scope(naming: link.isEmpty && title.isEmpty ? "file " + path : "link " + link + "\ntitle " + title)
        }
        let fileScope = FeedStoryID.scope(naming: "file " + path)
        // Each source id with the link it came with (and the title, when it has no link): a copy of an entry
        // already read comes again with both the same.
        var seen = Set<[String?]>()
        var counts: [String: Int] = [:]
        // Every id a source wrote, reserved before numbering: an item whose guid is `…#2` keeps it wherever
        // it stands, and a number is never given that a written id holds.
        var written = Set<String>()
        // Guids the feed gives to entries of different links (one guid on every item): each such entry is
        // known by guid and link, which stay the same when the feed gains an item, where a number would not.
        var linksByID: [String: String?] = [:]
        var spread = Set<String>(), repeated = Set<String>()
        var headers: [StoryHeader] = []
        // Links of items without an id, and those that come more than once.
        var idlessLinks = Set<String>(), sharedLinks = Set<String>()
        headers.reserveCapacity(scan.entries.count)
        items.reserveCapacity(scan.entries.count)
        // Through a buffer pointer: an entry holds many strings, and a copy of it (which an array's subscript
        // may make) would retain and release each.
        scan.entries.withUnsafeBufferPointer { entries in
            for entry in entries {
                let header = makeHeader(entry, bytes: bytes)
                headers.append(header)
                guard let id = entry.sourceID else {
                    if let link = header.url, !idlessLinks.insert(link).inserted { sharedLinks.insert(link) }
                    continue
                }
                written.insert(id)
                if let known = linksByID[id] {
                    repeated.insert(id)
                    if known != header.url { spread.insert(id) }
                } else {
                    linksByID[id] = .some(header.url)
                }
            }
            for position in entries.indices {
                var header = headers[position]
                var key: String
                // The key the rule before today's made, when it differs: its marks are taken over.
                var legacyKey: String?
                if let sourceID = entries[position].sourceID {
                    // Without links, entries are copies only when their titles agree too.
                    if repeated.contains(sourceID), !seen.insert([sourceID, header.url, header.url == nil ? header.title : nil]).inserted { continue }
                    key = spread.contains(sourceID) ? sourceID + "#" + (header.url ?? "") : sourceID
                } else if let link = header.url {
                    // A link several items share names none of them, nor does the feed's own (a status page's
                    // items all link home, one at a time or several): each is known by what it says too,
                    // so a new item never takes the id, and the mark, of one read before.
                    let home = homes.indices.contains(entries[position].channel) ? homes[entries[position].channel] : nil
                    let namesNone = sharedLinks.contains(link) || FeedStoryID.trimmedLink(link) == home
                    key = namesNone ? link + "#" + Self.hashKey(entries[position], bytes: bytes) : link
                } else {
                    key = Self.hashKey(entries[position], bytes: bytes)
                    legacyKey = Self.titleAndDateKey(entries[position])
                }
                // A guid of megabytes would be written into the state file at every save: its hash stands in.
                if key.utf8.count > FeedStoryID.longestKey {
                    key = "long:" + FeedStoryID.scope(naming: key)
                    legacyKey = nil
                }
                // A numbered key is taken too, so an id written `…#2` and a second `…` never meet.
                if counts[key] != nil {
                    var occurrence = counts[key, default: 1]
                    var numbered: String
                    repeat {
                        occurrence += 1
                        numbered = key + "#\(occurrence)"
                    } while counts[numbered] != nil || written.contains(numbered)
                    counts[key] = occurrence
                    key = numbered
                }
                counts[key] = counts[key] ?? 1
                let channel = entries[position].channel
                let scope = scopes.indices.contains(channel) ? scopes[channel] : fileScope
                let id = FeedStoryID.id(key: key, scope: scope)
                let unscoped = FeedStoryID.prefix + (legacyKey ?? key)
                // An item with no link of its own (a podcast's episode) is about its first enclosure: `o`
                // opens that. Only after the key is made: an id never changes because an enclosure came.
                if header.url == nil, let enclosure = FeedEnclosure.first(entries[position].enclosures) {
                    header.url = enclosureURL(enclosure, channel: entries[position].channel)
                }
                items.append(Item(entry: position, locator: String(entries[position].index), key: key, id: id,
                                  legacyID: id == unscoped ? nil : unscoped, header: header))
            }
        }
    }

    /// 64 bits of the stable hash of the title, the date as written and the start of the text as written,
    /// for an item known by what it says (two "Scheduled maintenance" items of no date differ in their text).
    static func hashKey(_ entry: FeedEntry, bytes: [UInt8]) -> String {
        var hash = titleAndDateHash(entry)
        for content in [entry.summary, entry.content].compactMap({ $0 }) {
            let range = content.range.clamped(to: 0..<bytes.count)
            bytes[range.lowerBound..<min(range.upperBound, range.lowerBound + 4096)].withUnsafeBytes { hash.add(bytes: $0) }
        }
        return Base64URL.encode(hash.value, characters: StoryID.characterCount)
    }

    /// The key of an item with neither id nor link before its text counted: the hash of title and date.
    static func titleAndDateKey(_ entry: FeedEntry) -> String {
        Base64URL.encode(titleAndDateHash(entry).value, characters: StoryID.characterCount)
    }

    private static func titleAndDateHash(_ entry: FeedEntry) -> StableHash {
        var hash = StableHash()
        hash.add("feed item")
        hash.add(entry.title ?? entry.dcTitle ?? "")
        hash.add(entry.pubDate ?? entry.dcDate ?? entry.published ?? entry.updated ?? "")
        return hash
    }

    /// The base that relative links of an entry resolve against: the `xml:base` in effect (made absolute
    /// against the feed's link), else the feed's link.
    func base(_ written: String?, channel: Int) -> String? {
        let channelBase = channelBases.indices.contains(channel) ? channelBases[channel] : nil
        guard let written else { return channelBase }
        return FeedLinks.resolve(written, against: channelBase)
    }

    /// An enclosure's address made absolute against its `xml:base`, else the feed's link.
    func enclosureURL(_ enclosure: FeedEnclosure, channel: Int) -> String {
        FeedLinks.resolve(enclosure.url, against: base(enclosure.base, channel: channel))
    }

    private func makeHeader(_ entry: FeedEntry, bytes: [UInt8]) -> StoryHeader {
        var header = StoryHeader()
        let channel = scan.channels.indices.contains(entry.channel) ? scan.channels[entry.channel] : nil
        header.title = entry.title ?? entry.dcTitle ?? Self.titleFromBody(entry, bytes: bytes)
        header.url = url(entry)
        header.author = author(entry, channel: channel)
        let date = FeedDates.pick(entry.pubDate, entry.dcDate, entry.published, entry.updated)
        header.date = date.date
        header.dateText = date.text
        header.category = channel?.title
        header.declaredComments = entry.declaredComments
        return header
    }

    func url(_ entry: FeedEntry) -> String? {
        if let link = entry.link { return FeedLinks.resolve(link, against: base(entry.linkBase, channel: entry.channel)) }
        if let link = entry.alternateLink { return link }
        if let guid = entry.guid, entry.guidIsPermaLink, guid.hasPrefix("http://") || guid.hasPrefix("https://") { return guid }
        return nil
    }

    /// Atom authors (an entry without its own takes the feed's); for RSS, `dc:creator` (a name) before
    /// `author` (an address, perhaps with a name).
    func author(_ entry: FeedEntry, channel: FeedChannel?) -> String? {
        let names: [String]
        if entry.isAtom {
            names = !entry.authors.isEmpty ? entry.authors : !entry.creators.isEmpty ? entry.creators : channel?.authors ?? []
        } else {
            names = !entry.creators.isEmpty ? entry.creators : entry.authors
        }
        return names.count <= 1 ? names.first : names.joined(separator: ", ")
    }

    /// The start of an untitled item's text. Its HTML is read only this far, and only for such items.
    static func titleFromBody(_ entry: FeedEntry, bytes: [UInt8]) -> String? {
        for content in [entry.summary, entry.content].compactMap({ $0 }) where content.type != .skipped {
            var text = FeedMarkup.text(bytes, content.range, encoding: content.encoding)
            if content.type != .text || content.hasElements || FeedText.looksLikeMarkup(text) {
                if content.hasElements {
                    text = FeedMarkup.html(bytes, content.range, encoding: content.encoding, unwrapDiv: content.type == .xhtml)
                }
                text = FeedText.plain(fromHTML: String(text.prefix(4000)))
            }
            if let title = FeedText.titleFromText(text) { return title }
        }
        return nil
    }
}
