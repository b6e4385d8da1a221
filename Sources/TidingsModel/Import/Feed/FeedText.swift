/// Short feed fields as plain text: titles (which may hold HTML), authors, whitespace.
enum FeedText {
    /// The text without the spaces, tabs and line ends around it, found on bytes (Foundation's trimming
    /// goes through UTF-16 and costs more than reading the whole feed).
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(text[start...end])
    }

    /// Trimmed, and nil when nothing is left.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let result = trimmed(text)
        return result.isEmpty ? nil : result
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }

    /// Runs of whitespace made one space, none at either end.
    static func collapsed(_ text: String) -> String {
        clean(Array(text.utf8)) ?? ""
    }

    /// The bytes as text with runs of ASCII whitespace made one space and none at either end; nil when
    /// nothing is left. One pass over the bytes: it runs for every field of every item.
    static func clean(_ bytes: [UInt8]) -> String? {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        var index = start
        var previousSpace = false
        var clean = true
        while index < end {
            let byte = bytes[index]
            if isSpace(byte) {
                if byte != 0x20 || previousSpace {
                    clean = false
                    break
                }
                previousSpace = true
            } else {
                previousSpace = false
            }
            index += 1
        }
        if clean { return String(decoding: bytes[start..<end], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        previousSpace = false
        for byte in bytes[start..<end] {
            if isSpace(byte) {
                if !previousSpace { out.append(0x20) }
                previousSpace = true
            } else {
                out.append(byte)
                previousSpace = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A title as plain text, nil when empty. HTML (Atom `type="html"`; RSS titles are taken as HTML when
    /// they hold a tag or a reference, since feeds escape them once or twice) is read as HTML and its text
    /// kept.
    static func title(_ bytes: [UInt8], type: FeedContentType) -> String? {
        guard type == .html else { return clean(bytes) }
        if looksLikeMarkup(bytes) {
            let plain = plain(fromHTML: String(decoding: bytes, as: UTF8.self))
            return plain.isEmpty ? nil : plain
        }
        guard bytes.contains(HTMLEntities.ampersand) else { return clean(bytes) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        HTMLEntities.append(bytes, bytes.indices, to: &decoded)
        return clean(decoded)
    }

    /// The text of HTML, its blocks joined by spaces.
    static func plain(fromHTML html: String) -> String {
        let body = HTMLText.body(html)
        return collapsed(body.blocks.map(\.plainText).joined(separator: " "))
    }

    /// Whether the text holds an HTML tag (`<b>`, `</p>`, `<br/>`, `<a href=…>`, a comment): escaped HTML
    /// rather than text with a less-than sign in it (`Cats & <Dogs>` is text).
    static func looksLikeMarkup(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while let less = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            var name = less + 1
            if name < bytes.count, bytes[name] == UInt8(ascii: "!") { return true }
            if name < bytes.count, bytes[name] == UInt8(ascii: "/") { name += 1 }
            var end = name
            while end < bytes.count, end - name <= 10, bytes[end].isASCIIAlphanumeric { end += 1 }
            let followedWell = end == bytes.count || bytes[end] == UInt8(ascii: ">") || bytes[end] == UInt8(ascii: "/")
                || XMLTokenizer.isSpace(bytes[end])
            if end > name, followedWell, htmlTags.contains(String(decoding: bytes[name..<end].map { $0 | 0x20 }, as: UTF8.self)) {
                return true
            }
            index = less + 1
        }
        return false
    }

    /// The tags that mark text as HTML when they appear in a title or an untyped summary.
    private static let htmlTags: Set<String> = [
        "a", "abbr", "b", "big", "blockquote", "br", "cite", "code", "del", "div", "em", "font", "h1", "h2", "h3",
        "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span",
        "strike", "strong", "sub", "sup", "table", "td", "th", "tr", "tt", "u", "ul",
    ]

    static func looksLikeMarkup(_ text: String) -> Bool { looksLikeMarkup(Array(text.utf8)) }

    /// RSS `author` is meant to be an address, often with the name after it: `ak@example.com (AK)` shows
    /// as `AK`, `AK <ak@example.com>` too; anything else as written.
    static func author(_ text: String) -> String {
        let text = collapsed(text)
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let name = text[text.index(after: open)..<text.index(before: text.endIndex)]
            let trimmed = collapsed(String(name))
            if !trimmed.isEmpty { return trimmed }
        }
        if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
            let name = collapsed(String(text[..<open])).trimmingQuotes
            if !name.isEmpty { return name }
        }
        return text
    }

    /// A title for an item without one: the start of its text, cut at a word near `limit` characters.
    static func titleFromText(_ text: String, limit: Int = 80) -> String? {
        let line = collapsed(text)
        guard line.count > limit else { return line.isEmpty ? nil : line }
        let cut = line.prefix(limit)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord + "…"
    }
}

private extension String {
    var trimmingQuotes: String {
        guard count >= 2, first == "\"", last == "\"" else { return self }
        return String(dropFirst().dropLast())
    }
}
