/// A subject or sender written in raw 8-bit bytes that are not UTF-8 (old clients writing KOI8-R or
/// Shift_JIS without encoded words), read in the charset the message declares for its text
/// (`Content-Type: text/plain; charset=koi8-r`), as Thunderbird reads them. Read as Windows-1252, the
/// last resort for bytes of no known charset, a Russian subject was `ðÒÉ×ÅÔ`.
enum RawHeaderCharset {
    /// Whether the field's value has 8-bit bytes that are not UTF-8.
    static func needsCharset(_ buffer: UnsafeBufferPointer<UInt8>, _ field: HeaderField) -> Bool {
        HeaderBlockScanner.withValue(buffer, field) { value in
            guard value.contains(where: { $0 >= 0x80 }) else { return false }
            return String(validating: value, as: UTF8.self) == nil
        }
    }

    /// The charset a Content-Type value names, when it can read raw header bytes: one that keeps ASCII as
    /// ASCII (the field's structure, `<address>`, stays where it is), and not UTF-8 or ASCII, whose bytes
    /// did not read as such (Windows-1252 stays their last resort).
    /// In a multipart message the charset is its first part's that names one (the text part), looked for
    /// in the first `partCharsetReach` bytes of `body`.
    static func declared(_ contentType: [UInt8], body: UnsafeBufferPointer<UInt8>) -> MailCharset? {
        let value = MIMEHeaderValue(contentType)
        guard let name = value.lowercased("charset") ?? (value.token.hasPrefix("multipart/") ? firstPartCharset(body) : nil) else { return nil }
        let charset = MailCharset.named(name)
        switch charset {
        case .utf8, .ascii, .iso2022JP: return nil
        case .unknown(let written):
            // UTF-16 and UTF-32 do not keep ASCII as it is.
            let key = written.lowercased()
            return key.hasPrefix("utf") || key.hasPrefix("ucs") ? nil : charset
        case .latin1, .singleByte, .shiftJIS, .eucJP: return charset
        }
    }

    static let partCharsetReach = 64 << 10

    /// The first `charset=` parameter in a part's header, as written (quotes stripped).
    static func firstPartCharset(_ body: UnsafeBufferPointer<UInt8>) -> String? {
        let key = Array("charset=".utf8)
        let end = min(body.count, partCharsetReach)
        guard end >= key.count else { return nil }
        var index = 0
        while index + key.count <= end {
            var matches = true
            for offset in key.indices where (body[index + offset] | (offset < 7 ? 0x20 : 0)) != key[offset] {
                matches = false
                break
            }
            if matches {
                var start = index + key.count
                if start < end, body[start] == UInt8(ascii: "\"") { start += 1 }
                var stop = start
                while stop < end, body[stop] > 0x20, body[stop] != UInt8(ascii: "\""), body[stop] != UInt8(ascii: ";") { stop += 1 }
                return stop > start ? String(decoding: body[start..<stop], as: UTF8.self) : nil
            }
            index += 1
        }
        return nil
    }

    /// The value's bytes as UTF-8, when they read cleanly in `charset`; nil when they do not fit it.
    static func utf8(_ value: [UInt8], charset: MailCharset) -> [UInt8]? {
        let (text, note) = MailCharsets.decode(value[...], as: charset)
        guard note == nil, !text.contains("\u{FFFD}") else { return nil }
        return Array(text.utf8)
    }
}
