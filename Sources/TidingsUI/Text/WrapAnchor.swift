/// Where the reader is in a text that is laid out again at another width: the row that starts with the same
/// word. A place is told by how many letters and digits come before it, which re-wrapping keeps (it moves
/// line breaks and spaces, and repeats only marks such as quote bars and indents).
struct WrapAnchor: Equatable {
    /// Letters and digits on the rows above the place.
    let before: Int
    /// Rows without a letter or digit at the place (blank rows between paragraphs), kept above the word.
    let emptyAbove: Int

    /// The place of row `top` of `lines`.
    init(top: Int, in lines: [StyledLine]) {
        let top = min(max(0, top), lines.count)
        before = lines[..<top].reduce(0) { $0 + Self.wordCharacters($1) }
        emptyAbove = lines[top...].prefix { Self.wordCharacters($0) == 0 }.count
    }

    /// The row of `lines` showing the place first: the row holding the letter or digit that began it, with
    /// as many rows without words above it as there were; past the last word, the end.
    func row(in lines: [StyledLine]) -> Int {
        guard before > 0 || emptyAbove > 0 else { return 0 }
        var seen = 0
        for (index, line) in lines.enumerated() {
            let count = Self.wordCharacters(line)
            if count > 0, seen + count > before {
                var row = index
                var empty = emptyAbove
                while empty > 0, row > 0, Self.wordCharacters(lines[row - 1]) == 0 {
                    row -= 1
                    empty -= 1
                }
                return row
            }
            seen += count
        }
        return lines.count
    }

    /// The letters and digits of a row (what re-wrapping neither adds nor drops).
    static func wordCharacters(_ line: StyledLine) -> Int {
        var count = 0
        for span in line.spans {
            for character in span.text where character.isLetter || character.isNumber { count += 1 }
        }
        return count
    }
}
