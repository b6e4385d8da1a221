/// Where each key of a TOML text is written, by line: the parser gives values, not places, and a problem
/// with a value is reported at its key's line. One pass over the text, no recursion; it only reads text the
/// parser accepted, so it may be simple about what TOML allows (it never has to reject anything).
struct ConfigLines {
    /// The first line (from 1) of each key path, its parts joined by NUL.
    private var lines: [String: Int] = [:]
    /// The first line the TOML parser must not be given: toml++ (the version in TOMLKit 0.6.0) asserts instead
    /// of reporting an error on a `}` where an array expects a value (`x = [}]`) and on a table header whose
    /// key starts with something no key starts with (`[&`, `[[[`: toml++ issue 294), which aborts a debug
    /// build and is undefined behaviour in a release one; neither is valid TOML. And it walks its tables by
    /// recursion, with dotted keys nesting them without limit (`a.a.a…`, thousands deep, overflows the
    /// stack), so a key of more than `mostParts` parts is refused too: no setting has more than three.
    private(set) var unsafeLine: Int?

    static let mostParts = 16

    init(_ text: String) {
        var table: [String] = []
        // The arrays and inline tables open (an array or inline table that goes on over lines holds no keys),
        // and a multi-line string left open: no keys there either.
        var open: [Character] = []
        var openString: String?
        var number = 0
        // Lines end at `\n` only, as the parser counts them (`\r\n` is one character to Swift).
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            var rest = Substring(line)
            if let delimiter = openString {
                guard let end = rest.range(of: delimiter) else { continue }
                rest = rest[end.upperBound...]
                openString = nil
            } else if open.isEmpty {
                rest = rest.drop { $0 == " " || $0 == "\t" }
                if rest.first == "[" {
                    let array = rest.hasPrefix("[[")
                    rest = rest.dropFirst(array ? 2 : 1)
                    if let first = rest.first(where: { $0 != " " && $0 != "\t" }), first == "]" || first == "\"" || first == "'"
                        || (first.isASCII && (first.isLetter || first.isNumber || first == "-" || first == "_")) {
                    } else if unsafeLine == nil {
                        unsafeLine = number
                    }
                    table = Self.keyPath(&rest)
                    if table.count > Self.mostParts, unsafeLine == nil { unsafeLine = number }
                    record(table, line: number)
                    rest = rest.drop { $0 != "]" }.dropFirst(array ? 2 : 1)
                } else if let first = rest.first, first != "#", !first.isNewline {
                    let key = Self.keyPath(&rest)
                    if key.count > Self.mostParts, unsafeLine == nil { unsafeLine = number }
                    if !key.isEmpty { record(table + key, line: number) }
                    if rest.first == "=" { rest = rest.dropFirst() }
                }
            }
            if !Self.scanValue(&rest, open: &open, openString: &openString), unsafeLine == nil { unsafeLine = number }
        }
    }

    /// The most parts of a key path recorded.
    static let deepest = 4

    /// The line of a key path, else of the nearest enclosing key or table written in the text.
    func line(of path: [String]) -> Int? {
        var path = Array(path.prefix(Self.deepest))
        while !path.isEmpty {
            if let line = lines[path.joined(separator: "\u{0}")] { return line }
            path.removeLast()
        }
        return nil
    }

    private mutating func record(_ path: [String], line: Int) {
        guard !path.isEmpty else { return }
        // Each prefix too: `keys.list.quit = …` is where `keys` and `keys.list` are first written. No setting
        // is deeper than three parts, so a key of thousands of dotted parts costs no more than a short one.
        for count in 1...min(path.count, Self.deepest) {
            let key = path.prefix(count).joined(separator: "\u{0}")
            if lines[key] == nil { lines[key] = line }
        }
    }

    /// Reads a dotted key (`a."b c".'d'`) up to what follows it (`=`, `]`), which is left in `rest`.
    private static func keyPath(_ rest: inout Substring) -> [String] {
        var parts: [String] = []
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { return parts }
            if first == "\"" || first == "'" {
                rest = rest.dropFirst()
                var part = ""
                while let character = rest.first, character != first {
                    rest = rest.dropFirst()
                    if first == "\"", character == "\\", let escaped = rest.first {
                        rest = rest.dropFirst()
                        part.append(unescape(escaped, &rest))
                    } else {
                        part.append(character)
                    }
                }
                rest = rest.dropFirst()
                parts.append(part)
            } else {
                let bare = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
                guard !bare.isEmpty else { return parts }
                rest = rest.dropFirst(bare.count)
                parts.append(String(bare))
            }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard rest.first == "." else { return parts }
            rest = rest.dropFirst()
        }
    }

    /// The character an escape in a basic string stands for; `\u` and `\U` take their hex digits from `rest`.
    private static func unescape(_ character: Character, _ rest: inout Substring) -> Character {
        switch character {
        case "u", "U":
            let digits = rest.prefix(character == "u" ? 4 : 8)
            rest = rest.dropFirst(digits.count)
            return UInt32(digits, radix: 16).flatMap(Unicode.Scalar.init).map(Character.init) ?? "\u{FFFD}"
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "b": return "\u{8}"
        case "f": return "\u{C}"
        default: return character
        }
    }

    /// Follows a value to the end of the line: strings (a multi-line one may stay open), brackets and
    /// braces opened and closed outside strings, and a comment, which ends the line. False when a bracket
    /// closes one of the other kind, or a dotted key (in an inline table) has more than `mostParts` parts.
    private static func scanValue(_ rest: inout Substring, open: inout [Character], openString: inout String?) -> Bool {
        var matched = true
        // Dots in a row of key parts; anything but key characters, spaces and quoted parts ends the row.
        var dots = 0
        while let character = rest.first {
            if rest.hasPrefix("\"\"\"") || rest.hasPrefix("'''") {
                let delimiter = String(rest.prefix(3))
                rest = rest.dropFirst(3)
                guard let end = rest.range(of: delimiter) else {
                    openString = delimiter
                    return matched
                }
                rest = rest[end.upperBound...]
                continue
            }
            rest = rest.dropFirst()
            switch character {
            case "#": return matched
            case ".":
                dots += 1
                if dots >= mostParts { matched = false }
            case "[", "{":
                open.append(character)
                dots = 0
            case "]", "}":
                if let last = open.popLast(), (last == "[") != (character == "]") { matched = false }
                dots = 0
            case "\"", "'":
                while let inside = rest.first, inside != character {
                    rest = rest.dropFirst()
                    if character == "\"", inside == "\\" { rest = rest.dropFirst() }
                }
                rest = rest.dropFirst()
            case _ where character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_"):
                break
            case " ", "\t":
                break
            default:
                dots = 0
            }
        }
        return matched
    }
}
