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
    static func declared(_ contentType: [UInt8]) -> MailCharset? {
        guard let name = MIMEHeaderValue(contentType).lowercased("charset") else { return nil }
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

    /// The value's bytes as UTF-8, when they read cleanly in `charset`; nil when they do not fit it.
    static func utf8(_ value: [UInt8], charset: MailCharset) -> [UInt8]? {
        let (text, note) = MailCharsets.decode(value[...], as: charset)
        guard note == nil, !text.contains("\u{FFFD}") else { return nil }
        return Array(text.utf8)
    }
}
