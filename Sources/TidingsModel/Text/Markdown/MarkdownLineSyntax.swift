/// Recognizes the start of a block on one line: list markers, fences, headings, rules and table delimiter
/// rows. Each check looks at `bytes[start..<end]`, where `start` is the first non-space byte.
enum MarkdownLineSyntax {
    struct ListMarker {
        /// The number written for an ordered item; nil for a bullet.
        var number: Int?
        /// The bullet (`*`, `-`, `+`) or the ordered delimiter (`.`, `)`): items with another one start a new list.
        var kind: UInt8
        /// Just past the marker.
        var end: Int
    }

    /// `- `, `* `, `+ `, `1. `, `1) ` (or the marker alone at the end of the line).
    static func listMarker(_ bytes: [UInt8], _ start: Int, _ end: Int) -> ListMarker? {
        guard start < end else { return nil }
        let first = bytes[start]
        var markerEnd: Int
        var number: Int? = nil
        if first == Byte.star || first == Byte.dash || first == Byte.plus {
            markerEnd = start + 1
        } else if Byte.isDigit(first) {
            var index = start
            var value = 0
            while index < end, Byte.isDigit(bytes[index]), index - start < 9 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            guard index < end, bytes[index] == Byte.dot || bytes[index] == Byte.closeParen else { return nil }
            number = value
            markerEnd = index + 1
        } else {
            return nil
        }
        guard markerEnd == end || bytes[markerEnd] == Byte.space else { return nil }
        return ListMarker(number: number, kind: number == nil ? first : bytes[markerEnd - 1], end: markerEnd)
    }

    /// `***`, `---`, `___`, with spaces between allowed: a rule, which Tidings shows as a section break (`* * *`).
    static func isThematicBreak(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard start < end else { return false }
        let mark = bytes[start]
        guard mark == Byte.star || mark == Byte.dash || mark == Byte.underscore else { return false }
        var count = 0
        for index in start..<end {
            if bytes[index] == mark { count += 1 } else if bytes[index] != Byte.space { return false }
        }
        return count >= 3
    }

    struct Fence {
        var mark: UInt8
        var length: Int
    }

    /// ```` ``` ```` or `~~~` (three or more) opening a code block; a backtick fence's info string may not hold a backtick.
    static func openingFence(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Fence? {
        guard start < end, bytes[start] == Byte.backtick || bytes[start] == Byte.tilde else { return nil }
        let mark = bytes[start]
        var index = start
        while index < end, bytes[index] == mark { index += 1 }
        guard index - start >= 3 else { return nil }
        if mark == Byte.backtick, bytes[index..<end].contains(Byte.backtick) { return nil }
        return Fence(mark: mark, length: index - start)
    }

    /// A line that closes `fence`: the same mark at least as many times, then only spaces.
    static func closes(_ fence: Fence, _ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end, bytes[index] == fence.mark { index += 1 }
        return index - start >= fence.length && Byte.skipSpaces(bytes, index, end) == Byte.trimEnd(bytes, index, end)
    }

    /// `# Title` … `###### Title`: the title's bytes without the closing `#`s.
    static func atxHeading(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Range<Int>? {
        var index = start
        while index < end, bytes[index] == Byte.hash { index += 1 }
        let level = index - start
        guard level >= 1, level <= 6, index == end || bytes[index] == Byte.space else { return nil }
        let textStart = Byte.skipSpaces(bytes, index, end)
        var textEnd = Byte.trimEnd(bytes, textStart, end)
        var closing = textEnd
        while closing > textStart, bytes[closing - 1] == Byte.hash { closing -= 1 }
        if closing == textStart || bytes[closing - 1] == Byte.space { textEnd = Byte.trimEnd(bytes, textStart, closing) }
        return textStart..<textEnd
    }

    /// `===` or `---` under a paragraph: the paragraph is a heading.
    static func isSetextUnderline(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard start < end, bytes[start] == Byte.equals || bytes[start] == Byte.dash else { return false }
        let mark = bytes[start]
        var index = start
        while index < end, bytes[index] == mark { index += 1 }
        return Byte.trimEnd(bytes, index, end) == index
    }

    /// `|---|:--:|` with as many cells as the header: the line that makes the one above a table's header.
    static func isTableDelimiter(_ bytes: [UInt8], _ start: Int, _ end: Int, cells: Int) -> Bool {
        guard bytes[start..<end].contains(Byte.pipe) || cells == 1 else { return false }
        let row = MarkdownTable.cells(bytes, start, end)
        guard row.count == cells else { return false }
        for cell in row {
            var index = Byte.skipSpaces(bytes, cell.lowerBound, cell.upperBound)
            let cellEnd = Byte.trimEnd(bytes, index, cell.upperBound)
            if index < cellEnd, bytes[index] == Byte.colon { index += 1 }
            let dashes = index
            while index < cellEnd, bytes[index] == Byte.dash { index += 1 }
            guard index > dashes else { return false }
            if index < cellEnd, bytes[index] == Byte.colon { index += 1 }
            guard index == cellEnd else { return false }
        }
        return true
    }
}
