/// The addresses written in plain text (mail and news) that the reader can open: `http://…`, `https://…`,
/// `www.…` and `mailto:…`
/// at the start of a word, in the order they come, each once, as urlview finds them for mutt. Trailing
/// punctuation (`.`, `,`, `)` without its `(`) and the `<…>` or quotes around an address are not part of it.
public enum PlainTextLinks {
    /// At most this many are listed (hostile text of a million addresses lists the first ones).
    static let maximumCount = 500

    /// The addresses in `texts`, in order, each once; `www.` ones as `http://www.…`.
    public static func find(in texts: [String]) -> [String] {
        var found: [String] = []
        var seen = Set<String>()
        for text in texts where text.contains("://") || text.contains("www.") || text.contains("WWW.") || text.contains("mailto:") {
            let bytes = Array(text.utf8)
            var index = 0
            while index < bytes.count, found.count < maximumCount {
                guard index == 0 || startsWord(after: bytes[index - 1]), let end = urlEnd(bytes, at: index) else {
                    index += 1
                    continue
                }
                var url = String(decoding: bytes[index..<end], as: UTF8.self)
                if url.lowercased().hasPrefix("www.") { url = "http://" + url }
                if seen.insert(url).inserted { found.append(url) }
                index = end
            }
        }
        return found
    }

    /// Only what a link may open (`LinkCheck`: web and mail addresses): an `ftp://` address would be listed
    /// only to be refused.
    private static let schemes: [[UInt8]] = ["http://", "https://", "www.", "mailto:"].map { Array($0.utf8) }

    /// An address starts after a space, a line break or punctuation, not inside a word or a path.
    private static func startsWord(after byte: UInt8) -> Bool {
        byte < 0x80 && !(byte >= 0x30 && byte <= 0x39) && !((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
            && byte != UInt8(ascii: "/") && byte != UInt8(ascii: ".") && byte != UInt8(ascii: "@") && byte != UInt8(ascii: "-")
    }

    /// The end of the address starting at `start`, nil when none starts there.
    private static func urlEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        guard let scheme = schemes.first(where: { scheme in
            start + scheme.count < bytes.count && scheme.indices.allSatisfy { bytes[start + $0] | 0x20 == scheme[$0] }
        }) else { return nil }
        var end = start + scheme.count
        var opens = 0, closes = 0
        while end < bytes.count {
            let byte = bytes[end]
            // Space and controls end it, as do the marks that enclose addresses in text.
            if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "|") { break }
            if byte == UInt8(ascii: "(") { opens += 1 } else if byte == UInt8(ascii: ")") { closes += 1 }
            end += 1
        }
        while end > start + scheme.count {
            let last = bytes[end - 1]
            if last == UInt8(ascii: ")"), closes > opens {
                closes -= 1
            } else if !".,:;!?'*_~]".utf8.contains(last) {
                break
            }
            end -= 1
        }
        // A scheme alone (`http://`), or `www.` with nothing after, is no address.
        return end > start + scheme.count ? end : nil
    }
}
