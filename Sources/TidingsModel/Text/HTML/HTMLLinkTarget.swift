/// Which `href`s become links: web and mail addresses and relative references. Anything with another
/// scheme (`javascript:`, `data:`, `file:`) keeps its text and loses the link.
enum HTMLLinkTarget {
    /// The href as a link target (entity-decoded, with tabs and line breaks removed and surrounding
    /// spaces and controls trimmed, as a browser's URL parser does), or nil.
    /// `relative` false (mail, which has no address of its own to resolve one against) refuses relative
    /// references too: `<img src="x.png">` gave a number that opened nothing.
    static func accepted(_ bytes: [UInt8], _ range: Range<Int>, relative: Bool = true) -> String? {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(range.count)
        HTMLEntities.append(bytes, range, to: &decoded)
        decoded.removeAll { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = decoded.firstIndex(where: { $0 > 0x20 }),
              let last = decoded.lastIndex(where: { $0 > 0x20 }) else { return nil }
        let url = decoded[first...last]
        guard let scheme = scheme(of: url) else {
            // `//host/path` names its host: in mail, where nothing resolves a relative link, it is https.
            if !relative, url.starts(with: [0x2F, 0x2F]), url.count > 2 { return "https:" + String(decoding: url, as: UTF8.self) }
            return relative ? String(decoding: url, as: UTF8.self) : nil
        }
        return allowedSchemes.contains(scheme) ? String(decoding: url, as: UTF8.self) : nil
    }

    private static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The lowercased scheme before the first `:`, nil for a relative reference (a `/`, `?` or `#`
    /// comes first, or the first character is no letter).
    private static func scheme(of url: ArraySlice<UInt8>) -> String? {
        guard let first = url.first, first.isASCIILetter else { return nil }
        for index in url.indices {
            let byte = url[index]
            if byte == UInt8(ascii: ":") {
                return String(decoding: url[url.startIndex..<index].map { $0 | 0x20 }, as: UTF8.self)
            }
            let isSchemeByte = byte.isASCIIAlphanumeric || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
            if !isSchemeByte { return nil }
        }
        return nil
    }
}
