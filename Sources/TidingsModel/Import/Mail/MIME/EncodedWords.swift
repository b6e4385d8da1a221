/// RFC 2047 encoded words (`=?charset?B?...?=`, `=?charset?Q?...?=`) in header text, decoded.
public enum EncodedWords {
    /// The text of an unfolded header value: encoded words decoded, the whitespace between two adjacent
    /// encoded words dropped, adjacent words of one charset decoded together (a character may be split
    /// between them), malformed words left as written. A word whose payload is not valid base64 or Q, or
    /// whose charset nothing here decodes, is shown as written too (RFC 2047 §6.3): its letters say more than
    /// garbage or U+FFFD would. Bytes outside words are UTF-8 when valid, else Windows-1252.
    public static func decode(_ raw: ArraySlice<UInt8>) -> String {
        guard containsWordStart(raw) else { return MailCharsets.utf8OrWindows1252(raw) }
        var text = ""
        // Decoded bytes of adjacent words waiting for their charset's decoding, that charset's key, and
        // where the words stand in `raw` (shown as written when the charset cannot be read).
        var pending: [UInt8] = []
        var pendingCharset: String?
        var pendingWords = raw.startIndex..<raw.startIndex
        func flushWords() {
            guard let charset = pendingCharset else { return }
            text += MailCharsets.decodeIfReadable(pending[...], charset: charset)
                ?? MailCharsets.utf8OrWindows1252(raw[pendingWords])
            pending.removeAll(keepingCapacity: true)
            pendingCharset = nil
        }
        var literalStart = raw.startIndex
        var index = raw.startIndex
        while index < raw.endIndex {
            guard raw[index] == UInt8(ascii: "="), let word = parseWord(raw, at: index) else {
                index += 1
                continue
            }
            guard let decoded = payload(of: word) else {
                // Not a word after all: it stays in the literal text around it.
                index = word.end
                continue
            }
            let between = raw[literalStart..<index]
            let adjacent = pendingCharset != nil && between.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            if !adjacent {
                flushWords()
                text += MailCharsets.utf8OrWindows1252(between)
            }
            if let charset = pendingCharset, charset != word.charsetKey { flushWords() }
            if pendingCharset == nil { pendingWords = index..<index }
            pendingCharset = word.charsetKey
            pending.append(contentsOf: decoded)
            pendingWords = pendingWords.lowerBound..<word.end
            index = word.end
            literalStart = word.end
        }
        flushWords()
        text += MailCharsets.utf8OrWindows1252(raw[literalStart...])
        return text
    }

    /// The bytes a word encodes, or nil when its payload is not valid in its encoding: base64 with
    /// characters outside its alphabet or `=` before the end, or a Q `=` not followed by two hex digits.
    private static func payload(of word: Word) -> [UInt8]? {
        guard word.isBase64 else {
            let (bytes, valid) = QuotedPrintable.decode(word.text, header: true)
            return valid ? bytes : nil
        }
        // Padding only at the end; a single character left over holds too few bits for a byte.
        let data = word.text.prefix { $0 != UInt8(ascii: "=") }
        guard word.text[data.endIndex...].allSatisfy({ $0 == UInt8(ascii: "=") }), data.count % 4 != 1 else { return nil }
        let (bytes, valid) = MIMEBase64.decode(data)
        return valid ? bytes : nil
    }

    private static func containsWordStart(_ raw: ArraySlice<UInt8>) -> Bool {
        var index = raw.startIndex
        while index + 1 < raw.endIndex {
            if raw[index] == UInt8(ascii: "="), raw[index + 1] == UInt8(ascii: "?") { return true }
            index += 1
        }
        return false
    }

    private struct Word {
        /// The charset name lowercased, without its `*language`.
        var charsetKey: String
        var isBase64: Bool
        var text: ArraySlice<UInt8>
        /// Just after the closing `?=`.
        var end: Int
    }

    /// The encoded word starting at `start` (`=?`), or nil when what follows is not one. Its parts hold no
    /// whitespace and no `?`, so the search for the closing `?=` stops at the first space.
    private static func parseWord(_ raw: ArraySlice<UInt8>, at start: Int) -> Word? {
        guard start + 1 < raw.endIndex, raw[start + 1] == UInt8(ascii: "?") else { return nil }
        let charsetStart = start + 2
        var index = charsetStart
        while index < raw.endIndex, raw[index] != UInt8(ascii: "?") {
            if isSpaceOrControl(raw[index]) { return nil }
            index += 1
        }
        guard index < raw.endIndex, index > charsetStart else { return nil }
        var charsetEnd = index
        if let star = raw[charsetStart..<charsetEnd].firstIndex(of: UInt8(ascii: "*")) { charsetEnd = star }
        guard charsetEnd > charsetStart, index + 2 < raw.endIndex, raw[index + 2] == UInt8(ascii: "?") else { return nil }
        let encoding = raw[index + 1] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        let textStart = index + 3
        index = textStart
        while index < raw.endIndex, raw[index] != UInt8(ascii: "?") {
            if isSpaceOrControl(raw[index]) { return nil }
            index += 1
        }
        guard index + 1 < raw.endIndex, raw[index + 1] == UInt8(ascii: "=") else { return nil }
        var key = Array(raw[charsetStart..<charsetEnd])
        for position in key.indices where key[position] >= 0x41 && key[position] <= 0x5A { key[position] |= 0x20 }
        return Word(charsetKey: String(decoding: key, as: UTF8.self), isBase64: encoding == UInt8(ascii: "b"),
                    text: raw[textStart..<index], end: index + 2)
    }

    private static func isSpaceOrControl(_ byte: UInt8) -> Bool { byte <= 0x20 || byte == 0x7F }
}
