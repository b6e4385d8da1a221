/// Tells a feed from other XML by its first bytes: the first element after the BOM, whitespace, the XML
/// declaration, comments, processing instructions and a DOCTYPE.
enum FeedSniffer {
    enum Verdict: Equatable {
        /// The root is `rss`, `feed` or `RDF` (with any prefix).
        case feed
        /// XML whose root is some other element.
        case otherXML
        /// A web page: the root is `html` (XHTML, or a page saved under a feed's name).
        case webPage
        /// Not XML: text or anything else before the first element.
        case notXML
        /// Only prologue in the bytes seen: the root comes later.
        case undecided
    }

    static func verdict(_ prefix: ArraySlice<UInt8>) -> Verdict {
        var bytes = TextDecoding.utf8(Array(prefix))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var tokenizer = XMLTokenizer(bytes)
        var sawMarkup = false
        while true {
            switch tokenizer.next() {
            case .text:
                guard bytes[tokenizer.content].allSatisfy(XMLTokenizer.isSpace) else { return .notXML }
            case .processingInstruction, .comment, .doctype:
                sawMarkup = true
            case .startTag:
                let local = FeedMarkup.localName(bytes, tokenizer.name)
                let isFeed = bytes.bytes(local, equal: "rss") || bytes.bytes(local, equal: "RSS") || bytes.bytes(local, equal: "feed")
                    || bytes.bytes(local, equal: "RDF")
                if isFeed { return .feed }
                let name = bytes[local]
                return name.count == 4 && String(decoding: name, as: UTF8.self).lowercased() == "html" ? .webPage : .otherXML
            case .endTag, .cdata:
                return .notXML
            case .end:
                return sawMarkup || tokenizer.cut ? .undecided : .notXML
            }
        }
    }
}
