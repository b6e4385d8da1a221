import Foundation

/// Links in feeds made absolute: against `xml:base`, which may itself be relative to an outer one, and in
/// the end against the feed's own link (a saved file has no address of its own to resolve against).
enum FeedLinks {
    /// `link` resolved against `base` (RFC 3986, by Foundation); a link with a scheme, or one that cannot be
    /// resolved, is returned as written, without surrounding spaces.
    static func resolve(_ link: String, against base: String?) -> String {
        // A space is never part of an address; feeds that write one mean %20, as browsers take it.
        let link = FeedText.trimmed(link).replacingOccurrences(of: " ", with: "%20")
        guard !hasScheme(link), let base, hasScheme(base), let baseURL = URL(string: base),
              let resolved = URL(string: link, relativeTo: baseURL) else { return link }
        return resolved.absoluteString
    }

    /// Whether the text starts with a URL scheme (`https:`, `mailto:`): letters, then letters, digits, `+`,
    /// `-` or `.`, then a colon.
    static func hasScheme(_ text: String) -> Bool {
        var sawLetter = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":") { return sawLetter }
            let allowed = sawLetter ? byte.isASCIIAlphanumeric || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") : byte.isASCIILetter
            guard allowed else { return false }
            sawLetter = true
        }
        return false
    }
}
