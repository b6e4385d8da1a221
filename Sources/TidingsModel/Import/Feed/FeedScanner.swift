import Foundation

/// Walks the XML events of feed documents and fills a `FeedScan`: which element is the root, the channel,
/// an item; which of an item's children are the fields it keeps. The state is a handful of depths (the
/// reader keeps the element stack), so nothing here recurses.
struct FeedScanner {
    private(set) var scan = FeedScan()
    private var reader: XMLReader

    /// What the current document is.
    private enum Root { case rss, atom, rdf, other }
    private var root: Root?
    /// The root element's namespace: an RSS feed may put its elements in one of its own.
    private var rootNamespace = XMLNamespace.none
    /// Depth of the element whose children are the feed's own fields (RSS `channel`, the Atom `feed`).
    private var channelDepth: Int?
    /// The item being read (its fields are filled in place); meaningful only while `inEntry`.
    private var entry = FeedEntry(index: 0, channel: 0, isAtom: false)
    private var inEntry = false
    private var entryDepth = 0
    private var entryNamespace = XMLNamespace.none
    private var entryCount = 0
    /// The entry after which an RSS document's scan stops (`FeedScan.scan(_:stoppingAfter:)`).
    var stopAfterEntry: Int?

    /// The text field being read: which, where, its text so far.
    private enum Field {
        case title(FeedContentType), dcTitle, link, guid, pubDate, dcDate, published, updated, rssAuthor, creator, atomID
        case slashComments, threadTotal, authorName, authorEmail, commentsPage
        case channelTitle(FeedContentType), channelLink
        case content(FeedContentType, typeIsDefault: Bool), summary(FeedContentType, typeIsDefault: Bool)
        case mediaDescription(FeedContentType)
    }
    private var field: Field?
    private var fieldDepth = 0
    private var fieldStart = 0
    private var fieldBase: String?
    private var fieldHasElements = false
    private var fieldText: [UInt8] = []
    /// Inside an Atom `author` (of an entry or of the feed): its depth and what it said.
    private var authorDepth: Int?
    private var authorName: String?
    private var authorEmail: String?
    /// Inside an item's `media:group` (alternatives of one file): its depth, and whether it gave one already.
    private var mediaGroupDepth: Int?
    private var mediaGroupGaveOne = false

    init(bytes: [UInt8]) {
        reader = XMLReader(bytes)
    }

    mutating func run() throws {
        while !scan.stoppedEarly {
            switch try reader.next() {
            case .start: start()
            case .end: end()
            case .text:
                if field != nil, !isBody { XMLText.appendDecoded(reader.bytes, reader.textRange, encoding: reader.encoding, to: &fieldText) }
            case .cdata:
                if field != nil, !isBody { XMLText.appendLiteral(reader.bytes, reader.textRange, encoding: reader.encoding, to: &fieldText) }
            case .documentCut:
                scan.truncated = true
                resetDocument()
            case .finished:
                scan.truncated = scan.truncated || reader.truncated
                return
            }
        }
    }

    /// Bodies are located, never collected as text while scanning.
    private var isBody: Bool {
        switch field {
        case .content?, .summary?, .mediaDescription?: return true
        default: return false
        }
    }

    private mutating func resetDocument() {
        root = nil
        channelDepth = nil
        inEntry = false
        entryNamespace = .none
        field = nil
        authorDepth = nil
        mediaGroupDepth = nil
    }

    // MARK: Elements opening

    private mutating func start() {
        let depth = reader.depth
        if field != nil {
            fieldHasElements = true
            return
        }
        if depth == 1 { return startDocument() }
        guard let root, root != .other else { return }
        if !inEntry {
            if isEntryElement { return startEntry(depth) }
            if let authorDepth, depth == authorDepth + 1 { return startAuthorField() }
            guard let channelDepth else {
                // RSS and RDF keep their feed's fields in `channel`.
                if depth == 2, reader.isLocal("channel"), isCore(reader.element.namespace) { self.channelDepth = 2 }
                return
            }
            guard depth == channelDepth + 1 else { return }
            startChannelField(atom: root == .atom)
        } else if depth == entryDepth + 1 {
            startEntryField()
        } else if let authorDepth, depth == authorDepth + 1 {
            startAuthorField()
        } else if let mediaGroupDepth, depth == mediaGroupDepth + 1, reader.element.namespace == .media {
            if reader.isLocal("content"), !mediaGroupGaveOne { mediaGroupGaveOne = addMediaContent() }
            else if reader.isLocal("description") { beginMediaDescription() }
        }
    }

    private mutating func startDocument() {
        resetDocument()
        let namespace = reader.element.namespace
        rootNamespace = namespace
        if (reader.isLocal("rss") || reader.isLocal("RSS")) && namespace != .atom {
            root = .rss
        } else if reader.isLocal("feed") {
            root = .atom
            channelDepth = 1
        } else if reader.isLocal("RDF") {
            root = .rdf
        } else {
            root = .other
            return
        }
        scan.sawFeed = true
        scan.channels.append(FeedChannel(base: reader.base))
    }

    private var isEntryElement: Bool {
        let namespace = reader.element.namespace
        if reader.isLocal("item") { return root != .atom && isCore(namespace) }
        if reader.isLocal("entry") { return root == .atom && isCore(namespace) }
        return false
    }

    private mutating func startEntry(_ depth: Int) {
        let isAtom = reader.isLocal("entry")
        entry = FeedEntry(index: entryCount, channel: max(scan.channels.count - 1, 0), isAtom: isAtom)
        entryCount += 1
        if reader.hasAttributes {
            let about = trimmed(reader.attribute("about", .rdf))
            entry.about = about
        }
        inEntry = true
        entryDepth = depth
        entryNamespace = reader.element.namespace
    }

    /// The namespaces of a feed's own elements (not of extensions such as `media:`): none, RSS 1.0's and
    /// 0.90's, Atom's in an Atom feed, the root's (but RDF's) and the item's.
    private func isCore(_ namespace: XMLNamespace) -> Bool {
        namespace == .none || namespace == .rss10 || namespace == .rss090 || namespace == entryNamespace
            || (root != .rdf && namespace == rootNamespace) || (root == .atom && (namespace == .atom || namespace == .atom03))
    }

    private mutating func startChannelField(atom: Bool) {
        let namespace = reader.element.namespace
        let atomElement = atom || namespace == .atom
        guard isCore(namespace) || namespace == .atom else { return }
        if reader.isLocal("title"), namespace != .atom || atom {
            begin(.channelTitle(atomElement ? textType().type : .html))
        } else if reader.isLocal("link") {
            if atomElement {
                if scan.channels.last?.link == nil, isAlternate, let href = reader.attribute("href") {
                    setChannelLink(FeedLinks.resolve(href, against: reader.base))
                }
            } else {
                begin(.channelLink)
            }
        } else if atom, reader.isLocal("author") {
            startAuthor()
        }
    }

    private mutating func startEntryField() {
        let namespace = reader.element.namespace
        switch namespace {
        case .content:
            if reader.isLocal("encoded") { begin(.content(.html, typeIsDefault: false)) }
        case .dc:
            if reader.isLocal("creator") { begin(.creator) }
            else if reader.isLocal("date") { begin(.dcDate) }
            else if reader.isLocal("title") { begin(.dcTitle) }
        case .slash:
            if reader.isLocal("comments") { begin(.slashComments) }
        case .media:
            if reader.isLocal("content") {
                _ = addMediaContent()
            } else if reader.isLocal("description") {
                beginMediaDescription()
            } else if reader.isLocal("group") {
                mediaGroupDepth = reader.depth
                mediaGroupGaveOne = false
            }
        case .thread:
            if reader.isLocal("in-reply-to") {
                if entry.inReplyTo == nil, let ref = trimmed(reader.attribute("ref")) { entry.inReplyTo = ref }
                scan.hasReplies = true
            } else if reader.isLocal("total") {
                begin(.threadTotal)
            }
        default:
            let atomSemantics = entry.isAtom || namespace == .atom || namespace == .atom03
            guard isCore(namespace) || namespace == .atom || namespace == .atom03 else { return }
            if atomSemantics { startAtomField(inRSS: !entry.isAtom) } else { startRSSField() }
        }
    }

    private mutating func startRSSField() {
        if reader.isLocal("title") { begin(.title(.html)) }
        else if reader.isLocal("link") { begin(.link) }
        else if reader.isLocal("description") { begin(.summary(.html, typeIsDefault: false)) }
        else if reader.isLocal("guid") {
            if reader.hasAttributes { entry.guidIsPermaLink = !reader.attribute("isPermaLink", is: "false") }
            begin(.guid)
        }
        else if reader.isLocal("pubDate") { begin(.pubDate) }
        else if reader.isLocal("comments") { begin(.commentsPage) }
        else if reader.isLocal("author") { begin(.rssAuthor) }
        else if reader.isLocal("enclosure") {
            addEnclosure(FeedEnclosure(url: reader.attribute("url"), base: reader.base, type: reader.attribute("type"),
                                       length: reader.attribute("length"), isMedia: false))
        }
    }

    /// An Atom entry's fields; in an RSS item (`inRSS`) only the Atom elements that fill in for missing RSS
    /// ones (`atom:link`, dates).
    private mutating func startAtomField(inRSS: Bool) {
        if reader.isLocal("link") {
            let rel = FeedText.trimmed(reader.attribute("rel") ?? "alternate").lowercased()
            if rel == "replies", let count = reader.attribute("count", .thread).flatMap(Self.count) {
                if entry.declaredComments == nil { entry.declaredComments = count }
            }
            // The replies as a web page (a comment feed's own link is `application/atom+xml`).
            if rel == "replies", entry.commentsPage == nil, let href = trimmed(reader.attribute("href")),
               FeedText.trimmed(reader.attribute("type") ?? "").lowercased().prefix(while: { $0 != ";" }) == "text/html" {
                entry.commentsPage = (href, reader.base)
            }
            if rel == "enclosure" {
                return addEnclosure(FeedEnclosure(url: reader.attribute("href"), base: reader.base, type: reader.attribute("type"),
                                                  length: reader.attribute("length"), isMedia: false))
            }
            guard isAlternate, let href = reader.attribute("href") else { return }
            if inRSS {
                if entry.alternateLink == nil { entry.alternateLink = FeedLinks.resolve(href, against: reader.base) }
            } else if entry.link == nil {
                entry.link = href
                entry.linkBase = reader.base
            }
        } else if reader.isLocal("published") || reader.isLocal("issued") || reader.isLocal("created") {
            begin(.published)
        } else if reader.isLocal("updated") || reader.isLocal("modified") {
            begin(.updated)
        } else if inRSS {
            return
        } else if reader.isLocal("title") {
            begin(.title(textType().type))
        } else if reader.isLocal("id") {
            begin(.atomID)
        } else if reader.isLocal("author") {
            startAuthor()
        } else if reader.isLocal("content") {
            let type = reader.attribute("src") == nil ? textType() : (type: FeedContentType.skipped, isDefault: false)
            begin(.content(type.type, typeIsDefault: type.isDefault))
        } else if reader.isLocal("summary") {
            let type = textType()
            begin(.summary(type.type, typeIsDefault: type.isDefault))
        }
    }

    private var isAlternate: Bool {
        let rel = FeedText.trimmed(reader.attribute("rel") ?? "alternate").lowercased()
        return rel == "alternate" || rel.isEmpty
    }

    /// An Atom text construct's `type` (and Atom 0.3's `mode`), and whether it was left out.
    private func textType() -> (type: FeedContentType, isDefault: Bool) {
        let mode = reader.attribute("mode")?.lowercased()
        if mode == "base64" { return (.skipped, false) }
        guard let written = reader.attribute("type") else { return (mode == "escaped" ? .html : .text, mode == nil) }
        switch FeedText.trimmed(written).lowercased() {
        case "text", "text/plain": return (mode == "escaped" ? .html : .text, false)
        case "html", "text/html": return (.html, false)
        case "xhtml", "application/xhtml+xml": return (mode == "escaped" ? .html : .xhtml, false)
        default: return (mode == "escaped" ? .html : .skipped, false)
        }
    }

    private mutating func addEnclosure(_ enclosure: FeedEnclosure?) {
        guard let enclosure, entry.enclosures.count < FeedEnclosure.limit else { return }
        entry.enclosures.append(enclosure)
    }

    /// `media:description`, plain text unless its `type` says `html` (Media RSS).
    private mutating func beginMediaDescription() {
        begin(.mediaDescription(reader.attribute("type", is: "html") ? .html : .text))
    }

    /// A `media:content` with an address (one with only a `media:player` has none); whether it was one.
    private mutating func addMediaContent() -> Bool {
        // An image (the author's avatar, the post's header picture) is no file the item carries.
        let medium = reader.attribute("medium")?.lowercased()
        if medium == "image" || (medium == nil && reader.attribute("type")?.lowercased().hasPrefix("image/") == true) { return false }
        guard let media = FeedEnclosure(url: reader.attribute("url"), base: reader.base, type: reader.attribute("type"),
                                        length: reader.attribute("fileSize"), isMedia: true) else { return false }
        addEnclosure(media)
        // A player to embed is no form of the file: another of its group is still taken.
        return !media.isPlayer
    }

    private mutating func startAuthor() {
        authorDepth = reader.depth
        authorName = nil
        authorEmail = nil
    }

    private mutating func startAuthorField() {
        if reader.isLocal("name") { begin(.authorName) } else if reader.isLocal("email") { begin(.authorEmail) }
    }

    private mutating func begin(_ started: Field) {
        field = started
        fieldDepth = reader.depth
        fieldStart = reader.position
        fieldBase = reader.base
        fieldHasElements = false
        fieldText.removeAll(keepingCapacity: true)
    }

    // MARK: Elements closing

    private mutating func end() {
        let depth = reader.depth
        if let open = field {
            guard depth == fieldDepth else { return }
            field = nil
            finish(open, range: fieldStart..<max(fieldStart, reader.tokenStart))
            return
        }
        if let authorDepth, depth == authorDepth {
            finishAuthor()
        } else if let mediaGroupDepth, depth == mediaGroupDepth {
            self.mediaGroupDepth = nil
        } else if inEntry, depth == entryDepth {
            finishEntry()
        } else if depth == channelDepth {
            channelDepth = nil
        } else if depth == 1 {
            resetDocument()
        }
    }

    private mutating func finish(_ finished: Field, range: Range<Int>) {
        switch finished {
        case .content(let type, let isDefault):
            let located = content(range, type, isDefault)
            if entry.content == nil { entry.content = located }
            return
        case .summary(let type, let isDefault):
            let located = content(range, type, isDefault)
            if entry.summary == nil { entry.summary = located }
            return
        case .mediaDescription(let type):
            guard entry.mediaDescription == nil else { return }
            entry.mediaDescription = content(range, type, false)
            entry.mediaDescription?.keepsLines = type == .text
            return
        case .title(let type):
            if entry.title == nil {
                let plain = title(type, range)
                entry.title = plain
            }
            return
        case .channelTitle(let type):
            if let last = scan.channels.indices.last, scan.channels[last].title == nil {
                scan.channels[last].title = title(type, range)
            }
            return
        default:
            break
        }
        // Short fields: trimmed, whitespace made single spaces, on the bytes before any string is made.
        let text = FeedText.clean(fieldText)
        switch finished {
        case .dcTitle: if entry.dcTitle == nil { entry.dcTitle = FeedText.title(fieldText, type: .html) }
        case .link:
            if entry.link == nil {
                entry.link = text
                entry.linkBase = fieldBase
            }
        case .guid: if entry.guid == nil { entry.guid = text }
        case .atomID: if entry.atomID == nil { entry.atomID = text }
        case .pubDate: if entry.pubDate == nil { entry.pubDate = text }
        case .dcDate: if entry.dcDate == nil { entry.dcDate = text }
        case .published: if entry.published == nil { entry.published = text }
        case .updated: if entry.updated == nil { entry.updated = text }
        case .rssAuthor: if let text { entry.authors.append(FeedText.author(text)) }
        case .creator: if let text { entry.creators.append(text) }
        case .slashComments, .threadTotal:
            if entry.declaredComments == nil, let text { entry.declaredComments = Self.count(text) }
        case .commentsPage: if entry.commentsPage == nil, let text { entry.commentsPage = (text, fieldBase) }
        case .authorName: authorName = text
        case .authorEmail: authorEmail = text
        case .channelLink:
            if scan.channels.last?.link == nil, let text { setChannelLink(FeedLinks.resolve(text, against: fieldBase)) }
        case .content, .summary, .mediaDescription, .title, .channelTitle: break
        }
    }

    private func content(_ range: Range<Int>, _ type: FeedContentType, _ isDefault: Bool) -> FeedContent {
        FeedContent(range: range, type: type, typeIsDefault: isDefault, hasElements: fieldHasElements, base: fieldBase,
                    encoding: reader.encoding)
    }

    /// A title as plain text: its text, or (XHTML, or tags a feed did not escape) its markup made text.
    private func title(_ type: FeedContentType, _ range: Range<Int>) -> String? {
        if type == .xhtml || fieldHasElements {
            let html = FeedMarkup.html(reader.bytes, range, encoding: reader.encoding, unwrapDiv: type == .xhtml)
            return trimmed(FeedText.plain(fromHTML: html))
        }
        return FeedText.title(fieldText, type: type)
    }

    private mutating func setChannelLink(_ link: String) {
        guard let last = scan.channels.indices.last else { return }
        scan.channels[last].link = link
    }

    private mutating func finishAuthor() {
        authorDepth = nil
        guard let author = authorName ?? authorEmail else { return }
        if inEntry {
            entry.authors.append(author)
        } else if let last = scan.channels.indices.last {
            scan.channels[last].authors.append(author)
        }
    }

    private mutating func finishEntry() {
        guard inEntry else { return }
        inEntry = false
        entryNamespace = .none
        authorDepth = nil
        mediaGroupDepth = nil
        // Moved out, not copied: a copy would retain each of its strings.
        var finished = FeedEntry(index: 0, channel: 0, isAtom: false)
        swap(&finished, &entry)
        if finished.content == nil, finished.summary == nil { finished.summary = finished.mediaDescription }
        if let stop = stopAfterEntry, finished.index == stop, root == .rss || root == .rdf { scan.stoppedEarly = true }
        scan.entries.append(finished)
    }

    // MARK: Values

    private func trimmed(_ text: String?) -> String? { FeedText.nonEmpty(text) }

    /// A comment count as written (`12`), never negative and never trapping on overflow.
    static func count(_ text: String) -> Int? {
        let digits = FeedText.trimmed(text)
        guard !digits.isEmpty, digits.utf8.count <= 12, let value = Int(digits), value >= 0 else { return nil }
        return value
    }
}
