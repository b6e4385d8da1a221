/// The named character references HTMLEntities knows: all 252 of HTML 4.01 and the HTML5 names people
/// actually write. Only single-code-point names are listed.
enum HTMLEntityTable {
    /// Name to code point, built once on first use.
    static let codePoints: [String: UInt32] = {
        var table: [String: UInt32] = [:]
        table.reserveCapacity(latin1.count + others.count + 8)
        // HTML 4's Latin-1 names name U+00A0…U+00FF in order, so a list of names is the whole table.
        for (offset, name) in latin1.enumerated() { table[name] = 0xA0 + UInt32(offset) }
        for (offset, name) in greekCapitals.enumerated() where !name.isEmpty { table[name] = 0x391 + UInt32(offset) }
        for (offset, name) in greekSmall.enumerated() { table[name] = 0x3B1 + UInt32(offset) }
        for (name, value) in others { table[name] = value }
        return table
    }()

    /// Names a browser also accepts without the closing `;` (when no letter, digit or `=` follows), so
    /// `&amp` and `&lt` in old or careless HTML still read right.
    static let legacyWithoutSemicolon: Set<String> = ["amp", "lt", "gt", "quot", "AMP", "LT", "GT", "QUOT", "nbsp", "copy", "reg"]

    /// The longest name in the table: a longer run of letters is not looked up.
    static let longestName = 32

    private static let latin1: [String] = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo",
        "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
        "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
        "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc",
        "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde",
        "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
        "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc",
        "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde",
        "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ]

    /// U+0391…U+03A9; U+03A2 is unassigned (there is no capital final sigma).
    private static let greekCapitals: [String] = [
        "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu",
        "Nu", "Xi", "Omicron", "Pi", "Rho", "", "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega",
    ]

    /// U+03B1…U+03C9, final sigma included.
    private static let greekSmall: [String] = [
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
        "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
    ]

    private static let others: KeyValuePairs<String, UInt32> = [
        // HTML 4 special characters.
        "quot": 0x22, "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "OElig": 0x152, "oelig": 0x153, "Scaron": 0x160,
        "scaron": 0x161, "Yuml": 0x178, "circ": 0x2C6, "tilde": 0x2DC, "ensp": 0x2002, "emsp": 0x2003,
        "thinsp": 0x2009, "zwnj": 0x200C, "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F, "ndash": 0x2013,
        "mdash": 0x2014, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D,
        "bdquo": 0x201E, "dagger": 0x2020, "Dagger": 0x2021, "permil": 0x2030, "lsaquo": 0x2039,
        "rsaquo": 0x203A, "euro": 0x20AC,
        // HTML 4 symbols (Greek letters above).
        "fnof": 0x192, "thetasym": 0x3D1, "upsih": 0x3D2, "piv": 0x3D6, "bull": 0x2022, "hellip": 0x2026,
        "prime": 0x2032, "Prime": 0x2033, "oline": 0x203E, "frasl": 0x2044, "weierp": 0x2118, "image": 0x2111,
        "real": 0x211C, "trade": 0x2122, "alefsym": 0x2135, "larr": 0x2190, "uarr": 0x2191, "rarr": 0x2192,
        "darr": 0x2193, "harr": 0x2194, "crarr": 0x21B5, "lArr": 0x21D0, "uArr": 0x21D1, "rArr": 0x21D2,
        "dArr": 0x21D3, "hArr": 0x21D4, "forall": 0x2200, "part": 0x2202, "exist": 0x2203, "empty": 0x2205,
        "nabla": 0x2207, "isin": 0x2208, "notin": 0x2209, "ni": 0x220B, "prod": 0x220F, "sum": 0x2211,
        "minus": 0x2212, "lowast": 0x2217, "radic": 0x221A, "prop": 0x221D, "infin": 0x221E, "ang": 0x2220,
        "and": 0x2227, "or": 0x2228, "cap": 0x2229, "cup": 0x222A, "int": 0x222B, "there4": 0x2234,
        "sim": 0x223C, "cong": 0x2245, "asymp": 0x2248, "ne": 0x2260, "equiv": 0x2261, "le": 0x2264,
        "ge": 0x2265, "sub": 0x2282, "sup": 0x2283, "nsub": 0x2284, "sube": 0x2286, "supe": 0x2287,
        "oplus": 0x2295, "otimes": 0x2297, "perp": 0x22A5, "sdot": 0x22C5, "lceil": 0x2308, "rceil": 0x2309,
        "lfloor": 0x230A, "rfloor": 0x230B,
        // HTML5 maps these two to the mathematical angle brackets, as browsers do.
        "lang": 0x27E8, "rang": 0x27E9,
        "loz": 0x25CA, "spades": 0x2660, "clubs": 0x2663, "hearts": 0x2665, "diams": 0x2666,
        // HTML5 names in common use.
        "apos": 0x27, "AMP": 0x26, "LT": 0x3C, "GT": 0x3E, "QUOT": 0x22, "COPY": 0xA9, "REG": 0xAE,
        "TRADE": 0x2122, "Tab": 0x09, "NewLine": 0x0A, "excl": 0x21, "num": 0x23, "dollar": 0x24,
        "percnt": 0x25, "lpar": 0x28, "rpar": 0x29, "ast": 0x2A, "midast": 0x2A, "plus": 0x2B, "comma": 0x2C,
        "period": 0x2E, "sol": 0x2F, "colon": 0x3A, "semi": 0x3B, "equals": 0x3D, "quest": 0x3F,
        "commat": 0x40, "lsqb": 0x5B, "lbrack": 0x5B, "bsol": 0x5C, "rsqb": 0x5D, "rbrack": 0x5D, "Hat": 0x5E,
        "lowbar": 0x5F, "UnderBar": 0x5F, "grave": 0x60, "lcub": 0x7B, "lbrace": 0x7B, "verbar": 0x7C,
        "vert": 0x7C, "VerticalLine": 0x7C, "rcub": 0x7D, "rbrace": 0x7D, "NonBreakingSpace": 0xA0,
        "half": 0xBD, "centerdot": 0xB7, "pm": 0xB1, "div": 0xF7, "die": 0xA8, "Dot": 0xA8,
        "angst": 0xC5, "hyphen": 0x2010, "dash": 0x2010, "horbar": 0x2015, "Vert": 0x2016, "nldr": 0x2025,
        "mldr": 0x2026, "bullet": 0x2022, "lsquor": 0x201A, "rsquor": 0x2019, "ldquor": 0x201E,
        "rdquor": 0x201D, "OpenCurlyQuote": 0x2018, "CloseCurlyQuote": 0x2019, "OpenCurlyDoubleQuote": 0x201C,
        "CloseCurlyDoubleQuote": 0x201D, "emsp13": 0x2004, "emsp14": 0x2005, "numsp": 0x2007, "puncsp": 0x2008,
        "hairsp": 0x200A, "ZeroWidthSpace": 0x200B, "NoBreak": 0x2060, "MediumSpace": 0x205F,
        "ThinSpace": 0x2009, "dot": 0x2D9, "caret": 0x2041, "hybull": 0x2043, "frac13": 0x2153,
        "frac23": 0x2154, "frac15": 0x2155, "frac16": 0x2159, "frac18": 0x215B, "frac38": 0x215C,
        "frac58": 0x215D, "frac78": 0x215E, "copysr": 0x2117, "incare": 0x2105, "numero": 0x2116,
        "check": 0x2713, "checkmark": 0x2713, "cross": 0x2717, "star": 0x2606, "starf": 0x2605,
        "bigstar": 0x2605, "phone": 0x260E, "female": 0x2640, "male": 0x2642, "spadesuit": 0x2660,
        "clubsuit": 0x2663, "heartsuit": 0x2665, "diamondsuit": 0x2666, "sharp": 0x266F, "flat": 0x266D,
        "natural": 0x266E, "leftarrow": 0x2190, "LeftArrow": 0x2190, "uparrow": 0x2191, "UpArrow": 0x2191,
        "rightarrow": 0x2192, "RightArrow": 0x2192, "downarrow": 0x2193, "DownArrow": 0x2193,
        "leftrightarrow": 0x2194, "LeftRightArrow": 0x2194, "Leftarrow": 0x21D0, "Rightarrow": 0x21D2,
        "Leftrightarrow": 0x21D4, "Implies": 0x21D2, "iff": 0x21D4, "neq": 0x2260, "leq": 0x2264,
        "geq": 0x2265, "ll": 0x226A, "gg": 0x226B, "approx": 0x2248, "setminus": 0x2216, "infintie": 0x29DD,
        "compfn": 0x2218, "Sqrt": 0x221A, "emptyset": 0x2205, "varnothing": 0x2205, "in": 0x2208,
        "notinva": 0x2209, "subset": 0x2282, "supset": 0x2283, "subseteq": 0x2286, "supseteq": 0x2287,
        "wedge": 0x2227, "vee": 0x2228, "therefore": 0x2234, "because": 0x2235, "nexist": 0x2204,
        "lozenge": 0x25CA, "squ": 0x25A1, "square": 0x25A1, "blacksquare": 0x25AA, "utri": 0x25B5,
        "dtri": 0x25BF, "ltri": 0x25C3, "rtri": 0x25B9, "cir": 0x25CB, "boxh": 0x2500, "boxv": 0x2502,
        "ohm": 0x3A9, "mho": 0x2127, "planck": 0x210F, "hbar": 0x210F, "ell": 0x2113, "Re": 0x211C,
        "Im": 0x2111, "aleph": 0x2135, "larrhk": 0x21A9, "rarrhk": 0x21AA, "mapsto": 0x21A6, "map": 0x21A6,
        "ac": 0x223E,
    ]
}
