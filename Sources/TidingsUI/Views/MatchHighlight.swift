import TidingsModel

/// Marks on screen the text a search or a find matched: in each row of a pane, every place a folded word
/// occurs (compared as the search compares, `SearchFold`) is drawn reversed in the match colour, or
/// underlined and bold where the row is reversed already (the selection). Done on the drawn cells, so it is
/// the same for titles, story text and comments, and never changes what is drawn, only how.
enum MatchHighlight {
    static func apply(_ words: [[UInt8]], to screen: inout ScreenBuffer, area: Rect) {
        let words = words.filter { !$0.isEmpty }
        guard !words.isEmpty, !area.isEmpty else { return }
        var previous: FoldedRow?
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
            if let previous { markAcrossBreak(words, above: previous, below: row, y: y, on: &screen, area: area) }
            previous = row
        }
    }

    /// A row's cells folded as the search folds text, and the column each folded byte came from.
    private struct FoldedRow {
        var bytes: [UInt8] = []
        var columns: [Int] = []

        init(_ screen: ScreenBuffer, y: Int, area: Rect) {
            for x in area.x..<area.maxX {
                let cell = screen[x, y]
                if cell.isContinuation { continue }
                // Most cells are one ASCII character: folded without making arrays.
                if cell.text.utf8.count == 1, let byte = cell.text.utf8.first, byte < 0x80 {
                    bytes.append(SearchFold.lowerASCII(byte))
                    columns.append(x)
                    continue
                }
                let folded = SearchFold.bytes(cell.text)
                bytes += folded
                columns += repeatElement(x, count: folded.count)
            }
        }

        /// Where the row's text lies: its white space at both ends left out.
        var text: Range<Int> {
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            return start..<end
        }
    }

    /// A phrase that begins at the end of the row above and ends at the start of the row below (wrapping
    /// put the break where the text had a space): both parts are marked.
    private static func markAcrossBreak(_ words: [[UInt8]], above: FoldedRow, below: FoldedRow, y: Int,
                                        on screen: inout ScreenBuffer, area: Rect) {
        let upper = above.text, lower = below.text
        guard !upper.isEmpty, !lower.isEmpty else { return }
        for word in words where word.count >= 2 {
            let tail = max(upper.lowerBound, upper.upperBound - (word.count - 1))..<upper.upperBound
            let head = lower.lowerBound..<min(lower.upperBound, lower.lowerBound + word.count - 1)
            let joined = Array(above.bytes[tail]) + [0x20] + Array(below.bytes[head])
            // Starts in the row above (not at the joining space) and ends in the row below.
            for start in 0..<tail.count where start + word.count > tail.count + 1 && start + word.count <= joined.count {
                guard joined[start..<(start + word.count)].elementsEqual(word) else { continue }
                mark(&screen, y: y - 1, from: above.columns[tail.lowerBound + start], through: above.columns[upper.upperBound - 1], area: area)
                let lastBelow = head.lowerBound + (start + word.count - tail.count - 2)
                mark(&screen, y: y, from: below.columns[head.lowerBound], through: below.columns[lastBelow], area: area)
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
