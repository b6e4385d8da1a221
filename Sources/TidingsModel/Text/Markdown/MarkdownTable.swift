/// Splits a table row into cells: between unescaped `|`, with the row's leading and trailing `|` left off.
enum MarkdownTable {
    static func cells(_ bytes: [UInt8], _ start: Int, _ end: Int) -> [Range<Int>] {
        var rowStart = Byte.skipSpaces(bytes, start, end)
        var rowEnd = Byte.trimEnd(bytes, rowStart, end)
        if rowStart < rowEnd, bytes[rowStart] == Byte.pipe { rowStart += 1 }
        if rowEnd > rowStart, bytes[rowEnd - 1] == Byte.pipe, !(rowEnd - 2 >= rowStart && bytes[rowEnd - 2] == Byte.backslash) {
            rowEnd -= 1
        }
        var cells: [Range<Int>] = []
        var cellStart = rowStart
        var index = rowStart
        while index < rowEnd {
            if bytes[index] == Byte.backslash {
                index += 2  // `\|` is a bar in the cell's text; the inline parser undoes the escape
                continue
            }
            if bytes[index] == Byte.pipe {
                cells.append(cellStart..<index)
                cellStart = index + 1
            }
            index += 1
        }
        cells.append(cellStart..<max(cellStart, rowEnd))
        return cells
    }
}
