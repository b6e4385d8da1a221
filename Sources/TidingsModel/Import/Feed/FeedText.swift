/// Short feed fields as plain text: titles (which may hold HTML), authors, whitespace.
enum FeedText {
    /// Runs of whitespace made one space, none at either end. Most titles are already so and are returned
    /// as they are, checked on bytes.
    static func collapsed(_ text: String) -> String {
        var previousSpace = true
        var clean = true
        for byte in text.utf8 {
            let space = byte == 0x20
            if byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || (space && previousSpace) || byte == 0xC2 {
                clean = false
                break
            }
            previousSpace = space
        }
        if clean && !previousSpace { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A title as plain text. HTML (Atom `type="html"`; RSS titles are taken as HTML when they hold a tag
    /// or a reference, since feeds escape them once or twice) is read as HTML and its text kept.
    static func title(_ text: String, type: FeedContentType) -> String {
        switch type {
        case .html:
            if looksLikeMarkup(text) { return plain(fromHTML: text) }
            return collapsed(text.utf8.contains(UInt8(ascii: "&")) ? HTMLEntities.decode(text) : text)
        case .text, .xhtml, .skipped:
            return collapsed(text)
        }
    }

    /// The text of HTML, its blocks joined by spaces.
    static func plain(fromHTML html: String) -> String {
        let body = HTMLText.body(html)
        return collapsed(body.blocks.map(\.plainText).joined(separator: " "))
    }

    /// Whether the text holds a tag (`<` before a letter, `/` or `!`): escaped HTML rather than text with a
    /// less-than sign in it.
    static func looksLikeMarkup(_ text: String) -> Bool {
        var afterLess = false
        for byte in text.utf8 {
            if afterLess, byte.isASCIILetter || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") { return true }
            afterLess = byte == UInt8(ascii: "<")
        }
        return false
    }

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
