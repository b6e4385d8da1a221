/// A file an item carries (a podcast's episode, a video) as the scan found it: RSS `enclosure`, Atom
/// `link rel="enclosure"`, or Media RSS `media:content`. Attributes only: nothing is fetched.
struct FeedEnclosure: Sendable, Equatable {
    /// The address as written; resolved against `base` when shown.
    var url: String
    /// The `xml:base` in effect at the element.
    var base: String?
    /// The MIME type (`audio/mpeg`), lowercased, when given.
    var type: String?
    /// The size in bytes, when given and above zero (podcast feeds often write `0` for not known).
    var length: Int?
    /// A Media RSS `media:content`: shown only for an item with no enclosure of its own, which it often repeats.
    var isMedia: Bool

    /// An item keeps this many: the attributes are kept as strings for every item listed, so a hostile
    /// feed's thousands of enclosures in one item do not grow the list.
    static let limit = 16
    /// Longer types are cut: a type is a word or two, and is shown whole on one row.
    static let typeLimit = 100

    /// Nil without an address.
    init?(url: String?, base: String?, type: String?, length: String?, isMedia: Bool) {
        guard let url = FeedText.nonEmpty(url) else { return nil }
        self.url = url
        self.base = base
        self.type = FeedText.nonEmpty(type).map { String(FeedText.collapsed($0).lowercased().prefix(Self.typeLimit)) }
        self.length = length.flatMap(Self.size)
        self.isMedia = isMedia
    }

    /// A size as written (`12345678`): digits only, at most 15 of them (under a petabyte, never trapping),
    /// and above zero.
    static func size(_ text: String) -> Int? {
        let digits = FeedText.trimmed(text)
        guard !digits.isEmpty, digits.utf8.count <= 15, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let value = Int(digits), value > 0 else { return nil }
        return value
    }

    /// What an item shows: its enclosures, else (Media RSS alone, as YouTube's feeds give) its media, but
    /// for an embedded player (YouTube's Flash address for every video), no file to play or keep. It still
    /// stands in for the link of an item without one (`first`).
    static func shown(_ all: [FeedEnclosure]) -> [FeedEnclosure] {
        let own = all.filter { !$0.isMedia }
        return own.isEmpty ? all.filter { !$0.isPlayer } : own
    }

    /// A Media RSS address of a player to embed, not of a file.
    var isPlayer: Bool { isMedia && type == "application/x-shockwave-flash" }

    /// The first of those shown, found without building the list (it runs for every item listed).
    static func first(_ all: [FeedEnclosure]) -> FeedEnclosure? {
        all.first { !$0.isMedia } ?? all.first
    }
}
