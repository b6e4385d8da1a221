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
        var previous = above.map { FoldedRow(text: $0) }
        for y in area.y..<area.maxY {
            let row = FoldedRow(screen, y: y, area: area, keepsLine: acrossRows)
            for word in words where word.count <= row.bytes.count {
                var start = 0
                while start + word.count <= row.bytes.count {
                    if row.bytes[start] == word[0], row.bytes[start..<(start + word.count)].elementsEqual(word),
                       !row.bytes.withUnsafeBytes({ SearchFold.markStarts(at: start + word.count, in: $0) }) {
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
            markAcrossBreak(words, above: previous, below: FoldedRow(text: below), y: area.maxY, on: &screen, area: area)
        }
    }

    /// A row's text folded as the search folds text, the column each folded byte came from (-1 off
    /// screen), and where its words lie: after the marks that start a row (quote bars, the selected
    /// comment's bar, indents) and before its trailing spaces. `line`, the row as text, is kept only for
    /// a pane whose rows go on from one to the next.
    private struct FoldedRow {
        var bytes: [UInt8] = []
        var columns: [Int] = []
        var text = 0..<0
        var line: String?

        init(_ screen: ScreenBuffer, y: Int, area: Rect, keepsLine: Bool) {
            line = keepsLine ? "" : nil
            var textStart: Int?
            var textEnd = 0
            for x in area.x..<area.maxX where !screen[x, y].isContinuation {
                let cell = screen[x, y].text
                line?.append(cell)
                add(cell, column: x, textStart: &textStart, textEnd: &textEnd)
            }
            text = (textStart ?? bytes.count)..<max(textStart ?? bytes.count, textEnd)
        }

        init(text: String) {
            line = text
            var textStart: Int?
            var textEnd = 0
            for character in text { add(String(character), column: -1, textStart: &textStart, textEnd: &textEnd) }
            self.text = (textStart ?? bytes.count)..<max(textStart ?? bytes.count, textEnd)
        }

        private mutating func add(_ cell: String, column: Int, textStart: inout Int?, textEnd: inout Int) {
            let offset = bytes.count
            if textStart == nil, !RowSpanMatch.isRowMark(cell) { textStart = offset }
            // Most cells are one ASCII character: folded without making arrays.
            if cell.utf8.count == 1, let byte = cell.utf8.first, byte < 0x80 {
                bytes.append(SearchFold.lowerASCII(byte))
                columns.append(column)
            } else {
                let folded = SearchFold.bytes(cell)
                bytes += folded
                columns += repeatElement(column, count: folded.count)
            }
            if textStart != nil, cell != " ", !cell.isEmpty { textEnd = bytes.count }
        }
    }

    /// A phrase that begins at the end of the row above and ends at the start of the row below (`y`):
    /// both parts are marked, where they are on screen.
    private static func markAcrossBreak(_ words: [[UInt8]], above: FoldedRow, below: FoldedRow, y: Int,
                                        on screen: inout ScreenBuffer, area: Rect) {
        let upper = above.text, lower = below.text
        guard !upper.isEmpty, !lower.isEmpty else { return }
        // Wrapping broke the text at a space, or inside a word too long for a row.
        let joint: [UInt8] = RowSpanMatch.breaksInsideWord(above.line ?? "", width: area.width) ? [] : [0x20]
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
