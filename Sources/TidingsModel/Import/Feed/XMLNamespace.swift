/// A namespace as a small value: element names are resolved to one of these and a local name, so matching
/// an element costs no comparison of URIs. The namespaces feeds use have fixed values; any other URI gets
/// a value of its own from the reader that met it (`XMLNamespaces`).
struct XMLNamespace: Hashable, Sendable {
    let id: UInt32

    static let none = XMLNamespace(id: 0)
    static let atom = XMLNamespace(id: 1)
    /// Atom 0.3, still found in old exports.
    static let atom03 = XMLNamespace(id: 2)
    static let rss10 = XMLNamespace(id: 3)
    static let rss090 = XMLNamespace(id: 4)
    static let rdf = XMLNamespace(id: 5)
    static let content = XMLNamespace(id: 6)
    static let dc = XMLNamespace(id: 7)
    static let slash = XMLNamespace(id: 8)
    static let thread = XMLNamespace(id: 9)
    static let xml = XMLNamespace(id: 10)
    static let xhtml = XMLNamespace(id: 11)
    static let media = XMLNamespace(id: 12)
    /// The first value given to a namespace not listed here.
    static let firstOther: UInt32 = 64

    /// The known namespace a declared URI names. Trailing `/` and `#` and surrounding spaces are ignored,
    /// so near-misses such as `http://purl.org/rss/1.0` still count.
    static func known(_ uri: String) -> XMLNamespace? {
        known[normalized(uri)]
    }

    static func normalized(_ uri: String) -> String {
        var text = Substring(uri)
        while let last = text.last, last == " " || last == "\t" || last == "\n" || last == "\r" || last == "/" || last == "#" {
            text = text.dropLast()
        }
        while let first = text.first, first == " " || first == "\t" || first == "\n" || first == "\r" { text = text.dropFirst() }
        return String(text)
    }

    private static let known: [String: XMLNamespace] = [
        "http://www.w3.org/2005/Atom": .atom,
        "http://purl.org/atom/ns": .atom03,
        "http://purl.org/rss/1.0": .rss10,
        "http://my.netscape.com/rdf/simple/0.9": .rss090,
        "http://www.w3.org/1999/02/22-rdf-syntax-ns": .rdf,
        "http://purl.org/rss/1.0/modules/content": .content,
        "http://purl.org/dc/elements/1.1": .dc,
        "http://purl.org/dc/terms": .dc,
        "http://purl.org/rss/1.0/modules/slash": .slash,
        "http://purl.org/syndication/thread/1.0": .thread,
        "http://www.w3.org/XML/1998/namespace": .xml,
        "http://www.w3.org/1999/xhtml": .xhtml,
        "http://search.yahoo.com/mrss": .media,
    ]

    /// The namespace an undeclared prefix usually stands for: real feeds use `dc:` or `content:` without
    /// declaring them, and that is no reason to lose the field. Nil for a prefix with no usual meaning.
    static func usual(prefix: ArraySlice<UInt8>) -> XMLNamespace? {
        switch String(decoding: prefix, as: UTF8.self) {
        case "content": return .content
        case "dc", "dcterms": return .dc
        case "slash": return .slash
        case "thr": return .thread
        case "atom": return .atom
        case "media": return .media
        case "rdf": return .rdf
        case "xml": return .xml
        case "xhtml": return .xhtml
        default: return nil
        }
    }
}

/// Values for the namespaces one reader meets that are not known ones: each URI (or undeclared prefix)
/// gets its own, so an item's own namespace is told apart from extensions such as `media:` or `itunes:`.
struct XMLNamespaces {
    private var others: [String: XMLNamespace] = [:]

    mutating func named(_ uri: String) -> XMLNamespace {
        if let known = XMLNamespace.known(uri) { return known }
        return other(XMLNamespace.normalized(uri))
    }

    /// An undeclared prefix: its usual namespace, else the prefix itself as the namespace.
    mutating func undeclared(prefix: ArraySlice<UInt8>) -> XMLNamespace {
        XMLNamespace.usual(prefix: prefix) ?? other(" prefix " + String(decoding: prefix, as: UTF8.self))
    }

    private mutating func other(_ key: String) -> XMLNamespace {
        if let found = others[key] { return found }
        // Past four billion distinct namespaces they share one value: the count never traps.
        let value = XMLNamespace(id: XMLNamespace.firstOther &+ UInt32(truncatingIfNeeded: others.count))
        others[key] = value
        return value
    }
}
