/// Collects a `<table>`'s cells as plain text, row by row. Text outside any cell opens one, so nothing
/// written inside a table is lost; a nested table's text runs into the outer cell.
struct HTMLTableWriter {
    private(set) var rows: [[String]] = []
    private var row: [String]?
    private var cell: [UInt8]?
    private var pendingSpace = false
    /// A list item's mark (`•`, `2.`) waiting for the item's first word, held to it by a no-break space.
    private var pendingMark: [UInt8]?

    /// `<tr>`
    mutating func startRow() {
        endRow()
        row = []
    }

    /// `<td>` or `<th>`
    mutating func startCell() {
        endCell()
        if row == nil { row = [] }
        cell = []
    }

    mutating func endCell() {
        pendingMark = nil
        guard let text = cell else { return }
        row?.append(String(decoding: text, as: UTF8.self))
        cell = nil
        pendingSpace = false
    }

    /// Ends the row, kept if any of its cells has text.
    mutating func endRow() {
        endCell()
        if let row, row.contains(where: { !$0.isEmpty }) { rows.append(row) }
        row = nil
    }

    /// Whitespace collapses as in a paragraph; cells are trimmed.
    mutating func write(_ bytes: [UInt8], _ range: Range<Int>) {
        HTMLWhitespace.split(bytes, range, space: { space() }, word: { word in
            if cell == nil { startCell() }
            if pendingSpace, cell?.isEmpty == false { cell?.append(0x20) }
            pendingSpace = false
            if let mark = pendingMark {
                cell?.append(contentsOf: mark + [0xC2, 0xA0])
                pendingMark = nil
            }
            cell?.append(contentsOf: bytes[word])
        })
    }

    /// A separator that is not text (`<br>`, `<p>` inside a cell).
    mutating func space() { pendingSpace = true }

    /// A list item starts: its mark goes before its first word.
    mutating func mark(_ text: String) {
        space()
        pendingMark = Array(text.utf8)
    }

    /// The finished table as a block, nil when it has no text.
    mutating func finish() -> StoryBody.Block? {
        endRow()
        return rows.isEmpty ? nil : StoryBody.Block(.table, [], rows: rows)
    }
}
