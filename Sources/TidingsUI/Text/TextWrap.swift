import TidingsModel

/// Word wrapping and truncation measured in display cells.
public enum TextWrap {
    /// Wraps text to `width` cells. Line breaks in the text start new lines; words longer than a line are
    /// split between characters (never inside a grapheme cluster).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in UntrustedText.sanitize(text, multiline: true).split(separator: "\n", omittingEmptySubsequences: false) {
            wrapParagraph(paragraph, width: width, into: &lines)
        }
        return lines.isEmpty ? [""] : lines
    }

    /// Wraps one line into `lines`. `keepingSpaces`: the runs of spaces between words on one row stay as
    /// written (a mail's aligned columns); otherwise words are joined by one space. Spaces where a row breaks
    /// are left out either way.
    static func wrapParagraph(_ paragraph: Substring, width: Int, keepingSpaces: Bool = false, into lines: inout [String]) {
        var line = ""
        var lineWidth = 0
        let firstLine = lines.count
        var index = paragraph.startIndex
        while index < paragraph.endIndex {
            guard let wordStart = paragraph[index...].firstIndex(where: { $0 != " " }) else { break }
            var gap = keepingSpaces ? paragraph.distance(from: index, to: wordStart) : 1
            let wordEnd = paragraph[wordStart...].firstIndex(of: " ") ?? paragraph.endIndex
            let word = paragraph[wordStart..<wordEnd]
            index = wordEnd
            let wordWidth = DisplayWidth.of(word)
            // A diff's `+` or `-` (or another one-character mark) stays with what follows it: its gap shrinks.
            if gap > 1, lineWidth + gap + wordWidth > width, line.count == 1, let mark = line.first, !mark.isLetter, !mark.isNumber {
                gap = 1
            }
            if lineWidth > 0, lineWidth + gap + wordWidth <= width {
                line += String(repeating: " ", count: gap)
                line += word
                lineWidth += gap + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if wordWidth <= width {
                line = String(word)
                lineWidth = wordWidth
                continue
            }
            for original in word {
                // A character wider than the whole line (a wide one at width 1) is shown as a placeholder.
                let character: Character = DisplayWidth.of(original) > width ? "\u{FFFD}" : original
                let cellWidth = DisplayWidth.of(character)
                if lineWidth + cellWidth > width, lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += cellWidth
            }
        }
        if lineWidth > 0 || lines.count == firstLine { lines.append(line) }
    }

    /// Cuts text to at most `width` cells, ending with `…` when something was cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        let clean = UntrustedText.sanitize(UntrustedTextGate.prefix(text, cells: width + 1))
        if DisplayWidth.of(clean) <= width { return clean }
        var result = ""
        var used = 0
        for character in clean {
            let cellWidth = DisplayWidth.of(character)
            if used + cellWidth > width - 1 {
                // A cluster drawn as its parts (`ClusterParts`) keeps those that fit, as a wrapped row does.
                for part in ClusterParts.of(character) ?? [] {
                    let partWidth = DisplayWidth.of(part)
                    if used + partWidth > width - 1 { break }
                    result.append(part)
                    used += partWidth
                }
                break
            }
            result.append(character)
            used += cellWidth
        }
        return result + "…"
    }

    /// Cuts text (already sanitized) to at most `width` cells by taking out its middle: `very_long_na…me.pdf`
    /// keeps the end that says what kind of file it is. At least two cells wide; a wide character is never
    /// split.
    static func truncateMiddle(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width >= 2 else { return truncate(text, width: width) }
        let characters = Array(text)
        var tail: [Character] = []
        var tailWidth = 0
        let tailRoom = (width - 1) / 3
        for character in characters.reversed() {
            let cells = DisplayWidth.of(character)
            if tailWidth + cells > tailRoom { break }
            tail.append(character)
            tailWidth += cells
        }
        var head = ""
        var headWidth = 0
        for character in characters {
            let cells = DisplayWidth.of(character)
            if headWidth + cells > width - 1 - tailWidth { break }
            head.append(character)
            headWidth += cells
        }
        return head + "…" + String(tail.reversed())
    }
}
