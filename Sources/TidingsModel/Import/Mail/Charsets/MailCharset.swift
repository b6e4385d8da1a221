/// A charset named by a mail part or an encoded word, resolved to how its bytes are decoded here.
enum MailCharset: Equatable, Sendable {
    case utf8
    /// US-ASCII, or no charset at all: 8-bit bytes are read as UTF-8 when valid, else as Windows-1252,
    /// because real mail labels both that way.
    case ascii
    case latin1
    /// A charset of one byte per character whose upper half is the given table.
    case singleByte(SingleByteCharset)
    case shiftJIS
    case eucJP
    case iso2022JP
    /// A name not known here, as written (quotes stripped).
    case unknown(String)

    /// The charset a name stands for: case-insensitive, quotes and surrounding whitespace stripped,
    /// `-`, `_` and spaces ignored so that `ISO_8859-1`, `iso8859-1` and `latin-1` agree.
    static func named(_ name: String) -> MailCharset {
        var written = Substring(name)
        while let first = written.first, first == "\"" || first == "'" || first == " " || first == "\t" { written.removeFirst() }
        while let last = written.last, last == "\"" || last == "'" || last == " " || last == "\t" { written.removeLast() }
        var key: [UInt8] = []
        key.reserveCapacity(written.utf8.count)
        for byte in written.utf8 where byte != UInt8(ascii: "-") && byte != UInt8(ascii: "_") && byte != UInt8(ascii: " ") {
            key.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        if key.isEmpty { return .ascii }
        return known[String(decoding: key, as: UTF8.self)] ?? .unknown(String(written))
    }

    private static let known: [String: MailCharset] = {
        var table: [String: MailCharset] = [:]
        for name in ["utf8", "unicode11utf8", "unicode20utf8", "xunicode20utf8"] { table[name] = .utf8 }
        for name in ["usascii", "ascii", "ansix3.41968", "iso646us", "us", "ibm367", "cp367", "7bit", "8bit"] { table[name] = .ascii }
        for name in ["iso88591", "iso885911987", "latin1", "l1", "iso8859", "ibm819", "cp819", "csisolatin1"] { table[name] = .latin1 }
        for name in ["iso88592", "iso885921987", "latin2", "l2", "csisolatin2"] { table[name] = .singleByte(.iso88592) }
        for name in ["iso885915", "latin9", "l9", "latin0"] { table[name] = .singleByte(.iso885915) }
        for code in ["1250", "1251", "1252"] {
            let charset: SingleByteCharset = code == "1250" ? .windows1250 : code == "1251" ? .windows1251 : .windows1252
            for prefix in ["windows", "cp", "xcp", "mswindows", "win"] { table[prefix + code] = .singleByte(charset) }
        }
        for name in ["koi8r", "cskoi8r", "koi8"] { table[name] = .singleByte(.koi8r) }
        for name in ["koi8u", "koi8ru"] { table[name] = .singleByte(.koi8u) }
        for name in ["shiftjis", "sjis", "xsjis", "mskanji", "csshiftjis", "cp932", "windows31j", "mscp932"] { table[name] = .shiftJIS }
        for name in ["eucjp", "xeucjp", "cseucpkdfmtjapanese"] { table[name] = .eucJP }
        for name in ["iso2022jp", "csiso2022jp"] { table[name] = .iso2022JP }
        return table
    }()
}

/// The single-byte charsets decoded by table.
enum SingleByteCharset: Equatable, Sendable {
    case iso88592, iso885915, windows1250, windows1251, windows1252, koi8r, koi8u

    /// Unicode scalar values of bytes 0x80–0xFF.
    /// The upper half with the bytes 0x80–0x9F of an ISO-8859 charset (control characters no text uses)
    /// read as the Windows code page written for the same languages does: mail labelled ISO-8859-15 or -2
    /// with those bytes was written in Windows-1252 or -1250, as the Latin-1 label is read (`latin1`).
    var upperHalfForMail: [UInt16] {
        let c1: [UInt16]
        switch self {
        case .iso88592: c1 = SingleByteTables.windows1250
        case .iso885915: c1 = SingleByteTables.windows1252
        default: return upperHalf
        }
        return Array(c1[0..<0x20]) + upperHalf[0x20...]
    }

    var upperHalf: [UInt16] {
        switch self {
        case .iso88592: SingleByteTables.iso88592
        case .iso885915: SingleByteTables.iso885915
        case .windows1250: SingleByteTables.windows1250
        case .windows1251: SingleByteTables.windows1251
        case .windows1252: SingleByteTables.windows1252
        case .koi8r: SingleByteTables.koi8r
        case .koi8u: SingleByteTables.koi8u
        }
    }
}
