import Synchronization

/// The name the C library's iconv knows a charset by, from the name mail writes: aliases and `x-` prefixes
/// resolved, and a legacy name widened to the superset its senders really write.
enum IconvNames {
    /// The iconv name to decode `written` with, or nil when iconv knows none of its forms. Each name is
    /// looked up once (opening a converter loads a module) and remembered.
    static func resolve(_ written: String) -> String? {
        if let known = cache.withLock({ $0[written] }) { return known.isEmpty ? nil : known }
        let resolved = candidates(for: written).first(where: IconvCharsets.isAvailable) ?? ""
        // Names come from mail, so a hostile mailbox could name thousands: only the first few are kept.
        cache.withLock { if $0.count < 256 { $0[written] = resolved } }
        return resolved.isEmpty ? nil : resolved
    }

    /// Resolved names by the name as written; "" for a name iconv does not know.
    private static let cache = Mutex<[String: String]>([:])

    /// The names to try, best first. Empty for a name with characters no charset name has (iconv reads `/`
    /// as the start of options, and nothing from a message should reach it but a plain name).
    static func candidates(for written: String) -> [String] {
        guard !written.isEmpty, written.utf8.count <= 64,
              written.utf8.allSatisfy({ isNameByte($0) }) else { return [] }
        var bare = Substring(written.lowercased())
        // `x-` marks a name not registered when it was first used (`x-gbk`, `x-euc-tw`, `x-x-big5`).
        while bare.hasPrefix("x-") || bare.hasPrefix("x_") { bare = bare.dropFirst(2) }
        let key = String(bare.filter { $0 != "-" && $0 != "_" && $0 != " " })
        var names = supersets[key] ?? []
        if let number = key.dropPrefix("iso8859"), let part = Int(number.prefix(while: \.isNumber)) {
            names.append("ISO-8859-\(part)")
        }
        for prefix in ["windows", "mswindows", "cp", "win"] {
            if let code = key.dropPrefix(prefix), !code.isEmpty, code.allSatisfy(\.isNumber) { names.append("CP\(code)") }
        }
        names.append(String(bare).uppercased())
        if bare.count != written.count { names.append(written.uppercased()) }
        return names
    }

    /// Letters, digits and the punctuation charset names use (`ISO_8859-7:1987`, `ANSI_X3.4-1968`).
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: "+")
        }
    }

    /// Legacy names decoded as the superset their senders write, as browsers do (the WHATWG Encoding
    /// Standard): mail labelled GB2312 holds GBK characters, Outlook's `ks_c_5601-1987` is Windows-949,
    /// and Big5 from Hong Kong holds HKSCS characters. Keys are lowercase without `-`, `_` and spaces.
    private static let supersets: [String: [String]] = {
        var table: [String: [String]] = [:]
        for name in ["gb2312", "gbk", "cp936", "ms936", "windows936", "euccn", "csgb2312", "gb231280", "csgbk",
                     "chinese", "csiso58gb231280", "isoir58", "gb18030"] {
            table[name] = ["GB18030", "GBK"]
        }
        for name in ["big5", "csbig5", "cnbig5", "xbig5", "big5hkscs", "big5tw"] { table[name] = ["BIG5-HKSCS", "BIG5"] }
        for name in ["cp950", "ms950", "windows950"] { table[name] = ["CP950", "BIG5-HKSCS", "BIG5"] }
        for name in ["ksc56011987", "ksc56011989", "ksc5601", "csksc56011987", "euckr", "cseuckr", "korean",
                     "isoir149", "ksx1001", "cp949", "ms949", "windows949", "uhc"] {
            table[name] = ["CP949", "EUC-KR"]
        }
        return table
    }()
}

private extension String {
    /// What follows `prefix`, or nil when the string does not start with it.
    func dropPrefix(_ prefix: String) -> Substring? {
        hasPrefix(prefix) ? dropFirst(prefix.count) : nil
    }
}
