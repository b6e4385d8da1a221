import TidingsModel

/// A table for the pane's width, nothing of it cut: aligned columns, ` │ ` between them, when they fit; when
/// they do not, each row's cells one after another (`cell │ cell │ cell`), word-wrapped, the row's further
/// rows indented under its first, as a reader with no room for columns reads a table aloud.
enum TableLayout {
    /// Columns in from the edge of a row's further rows, when the pane has room to spare for them.
    static let hang = 2

    /// No-break spaces (a list mark's, held to its item) keep words together while wrapping and are shown
    /// as spaces.
    static func lines(_ rows: [[String]], width: Int) -> [StyledLine] {
        laidOut(rows, width: width).map { $0.noBreakSpacesShownAsSpaces() }
    }

    private static func laidOut(_ rows: [[String]], width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        guard !rows.isEmpty else { return [BodyLayout.blank] }
        let cells = rows.map { row in row.map { UntrustedText.sanitize($0) } }
        let cellWidths = cells.map { row in row.map { DisplayWidth.of($0) } }
        let columns = cells.map(\.count).max() ?? 0
        var columnWidths = [Int](repeating: 0, count: columns)
        for row in cellWidths {
            for (column, cellWidth) in row.enumerated() { columnWidths[column] = max(columnWidths[column], cellWidth) }
        }
        let aligned = columnWidths.reduce(0, +) + 3 * max(0, columns - 1)
        guard aligned <= width else { return cells.flatMap { wrapped($0, width: width) } }
        return cells.enumerated().map { number, row in
            var spans: [StyledLine.Span] = []
            for column in 0..<columns {
                if column > 0 { spans.append(.init(text: " │ ", style: .guide)) }
                let text = column < row.count ? row[column] : ""
                let used = column < row.count ? cellWidths[number][column] : 0
                let padding = column == columns - 1 ? "" : String(repeating: " ", count: columnWidths[column] - used)
                spans += BodyLayout.numberedLinks(in: text + padding)
            }
            return StyledLine(spans: spans)
        }
    }

    /// One row's cells (sanitized) joined by `│` and wrapped; a link's number in a cell stays a link.
    private static func wrapped(_ row: [String], width: Int) -> [StyledLine] {
        var spans: [StyledLine.Span] = []
        for (column, cell) in row.enumerated() {
            if column > 0 { spans.append(.init(text: " │ ", style: .guide)) }
            spans += BodyLayout.numberedLinks(in: cell)
        }
        let indent = width - hang >= 10 ? hang : 0
        let lines = StyledWrap.wrap(spans, width: width - indent)
        let pad = String(repeating: " ", count: indent)
        return lines.enumerated().map { offset, line in offset == 0 || indent == 0 ? line : line.prefixed(pad, style: .plain) }
    }
}
