/// A list item in text whose line breaks are the writer's (mail and news): a first line starting with a
/// marker (`- `, `* `, `+ `, `• `, `1. `, `2) `, after any indentation), then the lines the writer's program
/// wrapped it into, each indented to the item's text (a hanging indent) and each but the last long. Such an
/// item is rewrapped as one when the pane is narrower than its lines, its rows under its text, as prose is
/// (`ProseRun`); a nested item or a line indented otherwise starts something else.
enum ListItemRun {
    /// The marker with the indentation before it and the spaces after it (`  - `), or nil when the line
    /// starts no list item.
    static func marker(_ line: Substring) -> Substring? {
        let rest = line.drop { $0 == " " }
        guard let first = rest.first else { return nil }
        let afterMarker: Substring.Index
        if "-*+•".contains(first) {
            afterMarker = rest.index(after: rest.startIndex)
        } else {
            // `1.`, `12)`: not a version (`2.6.35`) nor a year (`2026.`), which have more digits or no space.
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard (1...3).contains(digits.count), let mark = rest.dropFirst(digits.count).first, mark == "." || mark == ")" else { return nil }
            afterMarker = rest.index(rest.startIndex, offsetBy: digits.count + 1)
        }
        let spaces = rest[afterMarker...].prefix { $0 == " " }
        guard (1...4).contains(spaces.count), let text = rest[spaces.endIndex...].first, text != " " else { return nil }
        return line[..<spaces.endIndex]
    }

    /// The item starting at `start`: the index just past its last line and its marker; nil when the line
    /// starts no item, or its text is a log's or a program's line (`ProseRun.isStructured`).
    static func run(_ lines: [Substring], _ widths: [Int], from start: Int) -> (end: Int, marker: Substring)? {
        guard let marker = marker(lines[start]), !ProseRun.isStructured(lines[start].dropFirst(marker.count)) else { return nil }
        // A number at the start of a line in the middle of a sentence (`…the version number was` /
        // `2. After that`) is the sentence's, not an item's: a numbered item follows an empty line, an item,
        // or a line that ends a sentence or opens a list (`:`).
        if let first = marker.drop(while: { $0 == " " }).first, first.isNumber, start > 0 {
            let before = lines[start - 1]
            let last = before.last(where: { $0 != " " })
            if let last, !".!?:".contains(last), Self.marker(before) == nil, before.first != " " { return nil }
        }
        let hang = marker.count
        var end = start + 1
        while end < lines.count, ProseRun.isFilled(widths[end - 1]), continues(lines[end], hang: hang) { end += 1 }
        return (end, marker)
    }

    /// The item's rows in a pane `width` cells wide: its text joined and wrapped under the text's start
    /// (at the margin when that would leave fewer than ten cells). A single line keeps its inner spaces.
    static func wrap(_ lines: ArraySlice<Substring>, marker: Substring, width: Int) -> [String] {
        let hang = DisplayWidth.of(marker)
        // The first line's marker and the others' indentation are as wide (`continues`).
        let texts = lines.map { $0.dropFirst(marker.count) }
        guard width - hang >= 10 else {
            let whole = String(marker.drop { $0 == " " }) + texts.joined(separator: " ")
            return lines.count == 1 ? PreservedWrap.keepingSpaces(Substring(whole), width: width) : TextWrap.wrap(whole, width: width)
        }
        let rows = lines.count == 1 ? PreservedWrap.keepingSpaces(texts[0], width: width - hang)
            : TextWrap.wrap(texts.joined(separator: " "), width: width - hang)
        let pad = String(repeating: " ", count: hang)
        return rows.enumerated().map { ($0.offset == 0 ? String(marker) : pad) + $0.element }
    }

    /// A line that goes on with the item: indented by exactly the marker's width, starting no item itself,
    /// and not a log's or a program's line.
    private static func continues(_ line: Substring, hang: Int) -> Bool {
        let leading = line.prefix { $0 == " " }.count
        guard leading == hang, line.count > hang, marker(line) == nil else { return false }
        return !ProseRun.isStructured(line.dropFirst(hang))
    }
}
