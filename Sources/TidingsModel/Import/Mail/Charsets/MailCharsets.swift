/// Decodes the bytes of a mail part or of an encoded word in the charset it names. Never fails: what does
/// not decode becomes U+FFFD, and a note says so.
public enum MailCharsets {
    /// The text of `bytes` in `charset` (nil or empty: US-ASCII). `note` is set when no decoder knows the
    /// charset and the bytes are not plain ASCII, or when the bytes do not fit the charset.
    public static func decode(_ bytes: ArraySlice<UInt8>, charset: String?) -> (text: String, note: String?) {
        decode(bytes, as: charset.map(MailCharset.named) ?? .ascii)
    }

    static func decode(_ bytes: ArraySlice<UInt8>, as charset: MailCharset) -> (text: String, note: String?) {
        switch charset {
        case .utf8:
            if isASCII(bytes) || isValidUTF8(bytes) { return (String(decoding: bytes, as: UTF8.self), nil) }
            // Labelled UTF-8 with not one UTF-8 sequence in it: 8-bit text under the wrong label (a client's
            // default), read as Windows-1252 as a file of such text is (`TextBytes`), and said so.
            if !TextBytes.hasValidMultibyteSequence(Array(bytes)) {
                return (singleByte(bytes, SingleByteTables.windows1252), "text labelled utf-8 read as windows-1252")
            }
            return (String(decoding: bytes, as: UTF8.self), "invalid utf-8 text")
        case .ascii:
            return (utf8OrWindows1252(bytes), nil)
        case .latin1:
            return (latin1(bytes), nil)
        case .singleByte(let table):
            return (singleByte(bytes, table.upperHalfForMail), nil)
        case .shiftJIS:
            return JapaneseCharsets.shiftJIS(bytes)
        case .eucJP:
            return JapaneseCharsets.eucJP(bytes)
        case .iso2022JP:
            return JapaneseCharsets.iso2022JP(bytes)
        case .unknown(let name):
            // A charset neither the decoders here nor iconv know: what is not ASCII is shown as U+FFFD (one
            // for each run), never as another charset's letters.
            return decodeElsewhere(bytes, name) ?? (replacingNonASCII(bytes), "charset \(name) cannot be decoded here")
        }
    }

    /// The text of an encoded word's `bytes` in `charset`, or nil when no decoder knows the charset and the
    /// bytes are neither ASCII nor UTF-8: the word is then better shown as written (RFC 2047 §6.3).
    static func decodeIfReadable(_ bytes: ArraySlice<UInt8>, charset: String) -> String? {
        let resolved = MailCharset.named(charset)
        guard case .unknown(let name) = resolved else { return decode(bytes, as: resolved).text }
        return decodeElsewhere(bytes, name)?.text
    }

    /// A charset the built-in decoders lack: UTF-16 and UTF-32 by Swift, else the C library's iconv, else
    /// text that reads the same in any charset (ASCII) or is almost surely UTF-8. Nil when none of these fit.
    private static func decodeElsewhere(_ bytes: ArraySlice<UInt8>, _ name: String) -> (text: String, note: String?)? {
        if let text = unicode(bytes, name.lowercased()) { return (text, nil) }
        // ISO-2022-JP-2 and its kin are ISO-2022-JP with more character sets: text that switches to none of
        // those is read as ISO-2022-JP is, a fault in it costing only itself (iconv took an escape of another
        // kind inside a Japanese run for kanji).
        if name.lowercased().hasPrefix("iso-2022-jp"), !ISO2022JPRuns.switchesBeyondJapanese(bytes) {
            let decoded = JapaneseCharsets.iso2022JP(bytes)
            return (decoded.text, decoded.note.map { _ in "invalid \(name) text" })
        }
        if let iconvName = IconvNames.resolve(name), let (text, invalid) = IconvCharsets.decode(bytes, iconvName: iconvName) {
            return (text, invalid ? "invalid \(name) text" : nil)
        }
        if isASCII(bytes) && !bytes.contains(0x1B) { return (String(decoding: bytes, as: UTF8.self), nil) }
        if isValidUTF8(bytes), !bytes.contains(0x1B) { return (String(decoding: bytes, as: UTF8.self), "unknown charset \(name), read as UTF-8") }
        return nil
    }

    /// UTF-16 and UTF-32 (with or without a byte-order mark), which Swift decodes itself.
    static func unicode(_ bytes: ArraySlice<UInt8>, _ name: String) -> String? {
        let bytes = Array(bytes)
        switch name {
        case "utf-16", "utf16", "utf-16le", "utf-16be", "ucs-2":
            var big = name != "utf-16le"
            var start = 0
            if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { big = false; start = 2 }
            if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { big = true; start = 2 }
            var units: [UInt16] = []
            var index = start
            while index + 1 < bytes.count {
                units.append(big ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]) : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index]))
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        case "utf-32", "utf32", "utf-32le", "utf-32be":
            var big = name != "utf-32le"
            var start = 0
            if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 { big = false; start = 4 }
            if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF { big = true; start = 4 }
            var scalars = String.UnicodeScalarView()
            var index = start
            while index + 3 < bytes.count {
                let b = bytes[index..<(index + 4)].map(UInt32.init)
                let value = big ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                index += 4
            }
            return String(scalars)
        default:
            return nil
        }
    }

    /// UTF-8 when the bytes are valid UTF-8 (plain ASCII included), else Windows-1252.
    static func utf8OrWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
        if isASCII(bytes) || isValidUTF8(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return singleByte(bytes, SingleByteTables.windows1252)
    }

    static func isASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.contains { $0 >= 0x80 }
    }

    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withContiguousStorageIfAvailable { TextBytes.isValidUTF8(buffer: $0) } ?? TextBytes.isValidUTF8(Array(bytes))
    }

    /// Latin-1 read as Windows-1252, as browsers (the WHATWG encoding standard) and mail readers read it:
    /// where Windows-1252 has quotes, dashes and €, Latin-1 has control characters no text uses, and mail
    /// labelled Latin-1 with those bytes was written in Windows-1252.
    static func latin1(_ bytes: ArraySlice<UInt8>) -> String {
        singleByte(bytes, SingleByteTables.windows1252)
    }

    static func singleByte(_ bytes: ArraySlice<UInt8>, _ upperHalf: [UInt16]) -> String {
        if isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count &* 2)
        for byte in bytes {
            if byte < 0x80 { out.append(byte) } else { appendUTF8(upperHalf[Int(byte) &- 0x80], to: &out) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// UTF-8 of a scalar of the Basic Multilingual Plane (the tables hold no surrogates).
    static func appendUTF8(_ value: UInt16, to out: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(0xC0 | UInt8(value >> 6))
            out.append(0x80 | UInt8(value & 0x3F))
        default:
            out.append(0xE0 | UInt8(value >> 12))
            out.append(0x80 | UInt8((value >> 6) & 0x3F))
            out.append(0x80 | UInt8(value & 0x3F))
        }
    }
}
