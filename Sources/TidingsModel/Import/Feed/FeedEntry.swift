/// What an item's text field holds and how to read it.
enum FeedContentType: Sendable, Equatable {
    /// Plain text (Atom `type="text"`): paragraphs at blank lines.
    case text
    /// HTML, escaped in the XML or in a CDATA section (RSS `description`, Atom `type="html"`).
    case html
    /// Inline XHTML (Atom `type="xhtml"`): the markup inside the wrapping `div`.
    case xhtml
    /// Something that is no text to show (an image, base64, content kept elsewhere through `src`).
    case skipped
}

/// Where an item's body (or summary) is in the bytes, found by the scan and rendered only when asked for.
struct FeedContent: Sendable {
    /// The element's inside: from the end of its start tag to the start of its end tag.
    var range: Range<Int>
    var type: FeedContentType
    /// Atom text with no `type`: HTML that a feed forgot to label is still read as HTML.
    var typeIsDefault: Bool
    /// The element holds elements of its own (XHTML, or HTML a feed did not escape).
    var hasElements: Bool
    /// The `xml:base` in effect there, as written or resolved against outer ones.
    var base: String?
    var encoding: XMLEncoding
    /// Plain text whose writer's line breaks are kept (a video's description: chapters, credits, links).
    var keepsLines = false
}

/// One feed in the bytes (an RSS channel, an Atom feed): files read together each have their own.
struct FeedChannel: Sendable {
    var title: String?
    var link: String?
    /// The `xml:base` at its root, for its own link.
    var base: String?
    /// Atom authors of the whole feed: an entry without its own inherits them.
    var authors: [String] = []
}

/// One item (RSS) or entry (Atom) as the scan found it: short fields decoded, long ones located.
struct FeedEntry: Sendable {
    /// Its place among all items and entries in the bytes: the story's locator.
    var index: Int
    /// Index into the scan's channels.
    var channel: Int
    /// An Atom entry (whose `link`, `author` and text fields read the Atom way) rather than an RSS item.
    var isAtom: Bool
    var title: String?
    /// `dc:title`, for an item without a `title`.
    var dcTitle: String?
    var link: String?
    /// The `xml:base` in effect at the link.
    var linkBase: String?
    /// An `atom:link` in an RSS item, used when it has no `link`.
    var alternateLink: String?
    var guid: String?
    /// A guid is a permalink unless it says `isPermaLink="false"`.
    var guidIsPermaLink = true
    var atomID: String?
    /// RSS 1.0's `rdf:about`.
    var about: String?
    /// RSS `author` (often `email (Name)`) or Atom `author/name`.
    var authors: [String] = []
    var creators: [String] = []
    var pubDate: String?
    var dcDate: String?
    var published: String?
    var updated: String?
    var declaredComments: Int?
    /// RFC 4685 `thr:in-reply-to ref`: the entry answers the entry with this id.
    var inReplyTo: String?
    /// `content:encoded` or Atom `content`.
    var content: FeedContent?
    /// RSS `description` or Atom `summary`.
    var summary: FeedContent?
    /// Media RSS `media:description` (a YouTube video's text): the text when the entry has no other.
    var mediaDescription: FeedContent?
    /// Files it carries (`enclosure`, Atom `rel="enclosure"`, `media:content`), in order, at most
    /// `FeedEnclosure.limit`.
    var enclosures: [FeedEnclosure] = []
    /// The page of its discussion: RSS `comments` (a Hacker News or Lobsters feed's thread, the item's link
    /// being the article), or an Atom `link rel="replies"` to an HTML page; with the `xml:base` it was given.
    var commentsPage: (url: String, base: String?)?

    init(index: Int, channel: Int, isAtom: Bool) {
        self.index = index
        self.channel = channel
        self.isAtom = isAtom
    }

    /// The id the source gave it: RSS `guid`, Atom `id`, RSS 1.0 `rdf:about`.
    var sourceID: String? { guid ?? atomID ?? about }
}
