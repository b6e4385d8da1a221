/// Where the reader is in a text that is laid out again at another width: the row that starts with the same
/// words. A place is its first letters and digits, looked for nearest to where as many letters and digits
/// come before it (re-wrapping moves line breaks and spaces, but the text itself may change under the place,
/// a quote folded or shown, a message added to a page: so the words are looked for, and the count only says
/// which of their copies).
struct WrapAnchor: Equatable, Sendable {
    /// Letters and digits on the rows above the place.
    let before: Int
    /// Rows without a letter or digit at the place (blank rows between paragraphs), kept above the word.
    let emptyAbove: Int
    /// The place's first letters and digits, from its first row on.
    let words: [Character]

    static let wordsKept = 24

    /// The place of row `top` of `lines`.
    init(top: Int, in lines: [StyledLine]) {
        let top = min(max(0, top), lines.count)
        before = lines[..<top].reduce(0) { $0 + Self.wordCharacters($1).count }
        emptyAbove = lines[top...].prefix { Self.wordCharacters($0).isEmpty }.count
        var words: [Character] = []
        for line in lines[top...] where words.count < Self.wordsKept {
            words += Self.wordCharacters(line).prefix(Self.wordsKept - words.count)
        }
        self.words = words
    }

    /// The row of `lines` showing the place first: the row holding the first of its letters and digits (of
    /// their copies, the one nearest its count), with as many rows without words above it as there were;
    /// past the last word, the end.
    func row(in lines: [StyledLine]) -> Int {
        guard before > 0 || emptyAbove > 0 else { return 0 }
        var stream: [Character] = []
        var rowOf: [Int] = []
        for (index, line) in lines.enumerated() {
            let characters = Self.wordCharacters(line)
            stream += characters
            rowOf += repeatElement(index, count: characters.count)
        }
        guard let start = nearestCopy(in: stream) ?? (before < stream.count ? before : nil) else { return lines.count }
        var row = rowOf[start]
        var empty = emptyAbove
        while empty > 0, row > 0, Self.wordCharacters(lines[row - 1]).isEmpty {
            row -= 1
            empty -= 1
        }
        return row
    }

    /// Where in `stream` the place's words begin: of every copy, the one nearest `before`.
    private func nearestCopy(in stream: [Character]) -> Int? {
        guard let first = words.first, stream.count >= words.count else { return nil }
        var best: Int?
        for start in 0...(stream.count - words.count) where stream[start] == first {
            guard stream[start..<(start + words.count)].elementsEqual(words) else { continue }
            if let found = best, abs(found - before) <= abs(start - before) { break }
            best = start
        }
        return best
    }

    /// The letters and digits of a row (what re-wrapping neither adds nor drops).
    static func wordCharacters(_ line: StyledLine) -> [Character] {
        var characters: [Character] = []
        for span in line.spans {
            for character in span.text where character.isLetter || character.isNumber { characters.append(character) }
        }
        return characters
    }
}
