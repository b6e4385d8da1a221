import TidingsModel

/// Marks on screen the text a search or a find matched: in each row of a pane, every place a folded word
/// occurs (compared as the search compares, `SearchFold`) is drawn reversed in the match colour, or
/// underlined and bold where the row is reversed already (the selection). Done on the drawn cells, so it is
/// the same for titles, story text and comments, and never changes what is drawn, only how.
enum MatchHighlight {
    static func apply(_ words: [[UInt8]], to screen: inout ScreenBuffer, area: Rect) {
        let words = words.filter { !$0.isEmpty }
        guard !words.isEmpty, !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            var folded: [UInt8] = []
            // For each folded byte, the column of the cell it came from.
            var columns: [Int] = []
            for x in area.x..<area.maxX {
                let cell = screen[x, y]
                if cell.isContinuation { continue }
                // Most cells are one ASCII character: folded without making arrays.
                if cell.text.utf8.count == 1, let byte = cell.text.utf8.first, byte < 0x80 {
                    folded.append(SearchFold.lowerASCII(byte))
                    columns.append(x)
                    continue
                }
                let bytes = SearchFold.bytes(cell.text)
                folded += bytes
                columns += repeatElement(x, count: bytes.count)
            }
            for word in words where word.count <= folded.count {
                var start = 0
                while start + word.count <= folded.count {
                    if folded[start] == word[0], folded[start..<(start + word.count)].elementsEqual(word) {
                        let last = columns[start + word.count - 1]
                        // To the end of the last cell: a wide character's right half goes with it.
                        var end = last + 1
                        while end < area.maxX, screen[end, y].isContinuation { end += 1 }
                        screen.restyle(y: y, from: columns[start], to: end, marked)
                        start += word.count
                    } else {
                        start += 1
                    }
                }
            }
        }
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
