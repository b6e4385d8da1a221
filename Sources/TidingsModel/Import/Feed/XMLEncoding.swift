/// The character encodings a feed's bytes are read in. Structure (`<`, `&`, quotes) is ASCII in all of
/// them, so the tokenizer reads the bytes as they are and only the text taken out is decoded.
enum XMLEncoding: Sendable, Equatable {
    case utf8
    /// ISO-8859-1 and Windows-1252 alike, read as Windows-1252: what browsers do, and what text declared
    /// Latin-1 almost always is.
    case windows1252
    /// Another charset mail also comes in (Windows-1251, KOI8-R, ISO-8859-2, Shift_JIS, ...), decoded as
    /// mail text is (`MailCharsets`); one neither knows is read as UTF-8, lossily.
    case charset(String)

    /// The encoding an XML declaration's `encoding` names. A declaration read at all was read as ASCII: a
    /// feed in UTF-16 was turned into UTF-8 before (`TextDecoding.utf8`), and one declared UTF-16 without its mark
    /// is 8-bit after all, so either is read as UTF-8 (read as UTF-16 again, its text became CJK garbage).
    static func declared(_ name: String) -> XMLEncoding {
        switch name.lowercased() {
        case "utf-16", "utf16", "utf-16le", "utf-16be", "ucs-2", "iso-10646-ucs-2", "unicode":
            return .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "x-cp1252":
            return .windows1252
        case "utf-8", "utf8", "us-ascii", "ascii", "":
            return .utf8
        default:
            return .charset(name)
        }
    }

    /// Appends `bytes[range]` to `out` as UTF-8.
    func append(_ bytes: [UInt8], _ range: Range<Int>, to out: inout [UInt8]) {
        switch self {
        case .utf8:
            out.append(contentsOf: bytes[range])
        case .windows1252:
            for byte in bytes[range] {
                if byte < 0x80 {
                    out.append(byte)
                } else {
                    let value = (0x80...0x9F).contains(byte) ? TextBytes.cp1252High[Int(byte) - 0x80] : UInt32(byte)
                    HTMLEntities.appendUTF8(value, to: &out)
                }
            }
        case .charset(let name):
            guard bytes[range].contains(where: { $0 >= 0x80 || $0 == 0x1B }) else { return out.append(contentsOf: bytes[range]) }
            out.append(contentsOf: MailCharsets.decode(bytes[range], charset: name).text.utf8)
        }
    }

    /// `bytes[range]` as a string (invalid UTF-8 becomes U+FFFD).
    func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        if self == .utf8 { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        append(bytes, range, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
