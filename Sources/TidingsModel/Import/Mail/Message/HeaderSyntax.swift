/// Pieces of RFC 5322 structured-field syntax shared by the address, id and MIME parameter readers:
/// comments (which nest) and quoted strings, both with backslash escapes.
enum HeaderSyntax {
    /// The offset just after the comment or quoted string that starts at `start` (`(` or `"`), or the end
    /// when it is not closed. Nesting is counted, not recursed.
    static func skipCommentOrQuote<Bytes: Collection<UInt8>>(_ raw: Bytes, at start: Int) -> Int where Bytes.Index == Int {
        let isComment = raw[start] == UInt8(ascii: "(")
        var depth = 1
        var index = start + 1
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if isComment {
                if byte == UInt8(ascii: "(") {
                    depth += 1
                } else if byte == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 { return index + 1 }
                }
            } else if byte == UInt8(ascii: "\"") {
                return index + 1
            }
            index += 1
        }
        return raw.endIndex
    }

    /// The contents of a comment or quoted string (without its delimiters), backslash escapes undone.
    static func unescapedContents<Bytes: Collection<UInt8>>(_ raw: Bytes, from start: Int, to end: Int) -> [UInt8] where Bytes.Index == Int {
        var out: [UInt8] = []
        var index = start + 1
        let last = end > start + 1 && (raw[end - 1] == UInt8(ascii: ")") || raw[end - 1] == UInt8(ascii: "\"")) ? end - 1 : end
        while index < last {
            if raw[index] == UInt8(ascii: "\\"), index + 1 < last { index += 1 }
            out.append(raw[index])
            index += 1
        }
        return out
    }

    /// Runs of whitespace (and control characters of line breaking) made one space, the ends trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        var needsWork = false
        var previousSpace = true
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
            if isSpace && (previousSpace || byte != 0x20) { needsWork = true; break }
            previousSpace = isSpace
        }
        if !needsWork && !previousSpace { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Unstructured header text (a subject, a display name): encoded words decoded, runs of whitespace
    /// made one space, the ends trimmed. Without encoded words the bytes are collapsed before the one
    /// String is made.
    static func text<Bytes: Collection<UInt8>>(_ raw: Bytes) -> String where Bytes.Index == Int {
        if let utf8 = RawJapaneseHeader.utf8(raw) { return text(utf8) }
        var index = raw.startIndex
        while index + 1 < raw.endIndex {
            if raw[index] == UInt8(ascii: "="), raw[index + 1] == UInt8(ascii: "?") {
                return collapsingWhitespace(EncodedWords.decode(ArraySlice(raw)))
            }
            index += 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var pendingSpace = false
        for byte in raw {
            if isSpace(byte) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return MailCharsets.utf8OrWindows1252(out[...])
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
