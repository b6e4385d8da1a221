/// Collects a `<table>`'s cells as plain text, row by row. Text outside any cell opens one, so nothing
/// written inside a table is lost; a nested table's text runs into the outer cell.
struct HTMLTableWriter {
    private(set) var rows: [[String]] = []
    private var row: [String]?
    private var cell: [UInt8]?
    private var pendingSpace = false

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
            cell?.append(contentsOf: bytes[word])
        })
    }

    /// A separator that is not text (`<br>`, `<p>` inside a cell).
    mutating func space() { pendingSpace = true }

    /// The finished table as a block, nil when it has no text.
    mutating func finish() -> StoryBody.Block? {
        endRow()
        return rows.isEmpty ? nil : StoryBody.Block(.table, [], rows: rows)
    }
}
