import TidingsModel

/// Marks on screen the text a search or a find matched: in each row of a pane, every place a folded word
/// occurs (compared as the search compares, `SearchFold`) is drawn reversed in the match colour, or
/// underlined and bold where the row is reversed already (the selection). Done on the drawn cells, so it is
/// the same for titles, story text and comments, and never changes what is drawn, only how.
enum MatchHighlight {
    /// `acrossRows`: the pane's rows are wrapped text (the story text, the comments), so a phrase may go on
    /// from one row to the next; `above` and `below` are the rows just outside the pane, for a phrase half
    /// in view.
    static func apply(_ words: [[UInt8]], to screen: inout ScreenBuffer, area: Rect, acrossRows: Bool = false,
                      above: String? = nil, below: String? = nil) {
        let words = words.filter { !$0.isEmpty }
        guard !words.isEmpty, !area.isEmpty else { return }
        var previous = above.map { FoldedRow(text: $0, width: area.width) }
        for y in area.y..<area.maxY {
            let row = FoldedRow(screen, y: y, area: area)
            for word in words where word.count <= row.bytes.count {
                var start = 0
                while start + word.count <= row.bytes.count {
                    if row.bytes[start] == word[0], row.bytes[start..<(start + word.count)].elementsEqual(word) {
                        mark(&screen, y: y, from: row.columns[start], through: row.columns[start + word.count - 1], area: area)
                        start += word.count
                    } else {
                        start += 1
                    }
                }
            }
            if acrossRows, let previous { markAcrossBreak(words, above: previous, below: row, y: y, on: &screen, area: area) }
            previous = row
        }
        if acrossRows, let previous, let below {
            markAcrossBreak(words, above: previous, below: FoldedRow(text: below, width: area.width), y: area.maxY, on: &screen, area: area)
        }
    }

    /// A row's text folded as the search folds text, the column each folded byte came from (-1 off
    /// screen), and where its words lie: after the marks that start a row (quote bars, the selected
    /// comment's bar, indents) and before its trailing spaces.
    private struct FoldedRow {
        var bytes: [UInt8] = []
        var columns: [Int] = []
        var text = 0..<0
        /// The row was broken inside a word (it is one word filling the row): the next row goes on with no space.
        var breaksInsideWord = false

        init(_ screen: ScreenBuffer, y: Int, area: Rect) {
            var characters: [(text: String, column: Int)] = []
            for x in area.x..<area.maxX where !screen[x, y].isContinuation { characters.append((screen[x, y].text, x)) }
            self.init(characters, width: area.width)
        }

        init(text: String, width: Int) {
            self.init(text.map { (String($0), -1) }, width: width)
        }

        private init(_ characters: [(text: String, column: Int)], width: Int) {
            let first = characters.firstIndex { !RowSpanMatch.isRowMark($0.text) } ?? characters.count
            var last = characters.count
            while last > first, characters[last - 1].text == " " || characters[last - 1].text.isEmpty { last -= 1 }
            let shownWidth = characters[..<last].reduce(0) { $0 + DisplayWidth.of($1.text) }
            breaksInsideWord = last > first && shownWidth >= width - 1 && !characters[first..<last].contains { $0.text == " " }
            var offsets: [Int] = []
            for character in characters {
                offsets.append(bytes.count)
                // Most cells are one ASCII character: folded without making arrays.
                if character.text.utf8.count == 1, let byte = character.text.utf8.first, byte < 0x80 {
                    bytes.append(SearchFold.lowerASCII(byte))
                    columns.append(character.column)
                } else {
                    let folded = SearchFold.bytes(character.text)
                    bytes += folded
                    columns += repeatElement(character.column, count: folded.count)
                }
            }
            offsets.append(bytes.count)
            text = first < last ? offsets[first]..<offsets[last] : bytes.count..<bytes.count
        }
    }

    /// A phrase that begins at the end of the row above and ends at the start of the row below (`y`):
    /// both parts are marked, where they are on screen.
    private static func markAcrossBreak(_ words: [[UInt8]], above: FoldedRow, below: FoldedRow, y: Int,
                                        on screen: inout ScreenBuffer, area: Rect) {
        let upper = above.text, lower = below.text
        guard !upper.isEmpty, !lower.isEmpty else { return }
        // Wrapping broke the text at a space, or inside a word too long for a row.
        let joint: [UInt8] = above.breaksInsideWord ? [] : [0x20]
        for word in words where word.count >= 2 {
            let tail = max(upper.lowerBound, upper.upperBound - (word.count - 1))..<upper.upperBound
            let head = lower.lowerBound..<min(lower.upperBound, lower.lowerBound + word.count - 1)
            let joined = Array(above.bytes[tail]) + joint + Array(below.bytes[head])
            let belowStart = tail.count + joint.count
            // Starts in the row above and ends in the row below.
            for start in 0..<tail.count where start + word.count > belowStart && start + word.count <= joined.count {
                guard joined[start..<(start + word.count)].elementsEqual(word) else { continue }
                if y - 1 >= area.y {
                    mark(&screen, y: y - 1, from: above.columns[tail.lowerBound + start], through: above.columns[upper.upperBound - 1], area: area)
                }
                if y < area.maxY {
                    let lastBelow = head.lowerBound + (start + word.count - belowStart - 1)
                    mark(&screen, y: y, from: below.columns[head.lowerBound], through: below.columns[lastBelow], area: area)
                }
            }
        }
    }

    /// Marks the cells from column `first` to `last`, the right half of a wide character at `last` too.
    private static func mark(_ screen: inout ScreenBuffer, y: Int, from first: Int, through last: Int, area: Rect) {
        var end = last + 1
        while end < area.maxX, screen[end, y].isContinuation { end += 1 }
        screen.restyle(y: y, from: first, to: end, marked)
    }

    static func marked(_ style: Style) -> Style {
        var result = style
        result.color = .match
        if style.reverse {
            result.reverse = false
            result.underline = true
            result.bold = true
        } else {
            result.reverse = true
        }
        result.dim = false
        return result
    }
}
