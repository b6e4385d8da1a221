/// An in-memory screen: the UI draws here and tests read it back; the terminal only copies it out.
public struct ScreenBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes text from (x, y), never past `x + maxWidth` or the screen edge. Returns the cells used.
    /// The text passes the sanitizer first, so nothing from a document can reach the terminal raw.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, maxWidth: Int? = nil, style: Style) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        /// Puts one cluster drawn whole; false when it does not fit.
        func put(_ character: Character) -> Bool {
            let cellWidth = DisplayWidth.whole(character)
            if cellWidth == 0 { return true }
            if column + cellWidth > limit {
                // A wide character that does not fit is never cut in half: pad the remaining cell.
                if column < limit, column >= 0 { set(column, y, Cell(text: " ", style: style)) ; column += 1 }
                return false
            }
            if column >= 0 {
                let shown = Self.visibleText(character)
                set(column, y, Cell(text: shown, style: Self.isMarker(character) ? .marker : style))
                if cellWidth == 2 { set(column + 1, y, Cell(text: "", style: style)) }
            }
            column += cellWidth
            return true
        }
        drawing: for character in UntrustedTextGate.displayable(text, cells: limit - x) {
            // An emoji sequence goes out as its parts, each in cells of its own (`ClusterParts`).
            for part in ClusterParts.of(character) ?? [character] {
                guard put(part) else { break drawing }
            }
        }
        return column - x
    }

    /// Fills from `x` to `x + count` with spaces in a style (used to pad rows to their pane width).
    public mutating func pad(x: Int, y: Int, count: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + max(0, count)) { set(column, y, Cell(text: " ", style: style)) }
    }

    /// Changes the style of every cell, as the monochrome mode does once a frame is drawn.
    public mutating func restyle(_ transform: (Style) -> Style) {
        for index in cells.indices { cells[index].style = transform(cells[index].style) }
    }

    /// Changes the style of the cells in one row from `x` to `maxX` (a wide character's right half too).
    mutating func restyle(y: Int, from x: Int, to maxX: Int, _ transform: (Style) -> Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, maxX) { cells[y * width + column].style = transform(cells[y * width + column].style) }
    }

    /// The screen as text, one line per row, wide characters written once (tests compare this).
    public var text: String {
        (0..<height).map { row($0) }.joined(separator: "\n")
    }

    public func row(_ y: Int) -> String {
        var line = ""
        for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].text }
        return line
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let index = y * width + x
        // Overwriting half of a wide character blanks its other half, so no half-glyph is left behind.
        if cells[index].isContinuation, x > 0, cell.text != "" { cells[index - 1] = Cell(text: " ", style: cells[index - 1].style) }
        if !cells[index].isContinuation, x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(text: " ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// A cluster that starts with a combining mark is drawn on a no-break space so it has a base; a spacing
    /// mark (a vowel sign drawn in a cell of its own, `ClusterParts`) is its own base.
    private static func visibleText(_ character: Character) -> String {
        guard let first = character.unicodeScalars.first, UntrustedText.isCombiningMark(first),
              first.properties.generalCategory != .spacingMark else {
            return String(character)
        }
        return "\u{00A0}" + String(character)
    }

    private static func isMarker(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        return (0x2400...0x2421).contains(first.value) && character.unicodeScalars.count == 1
    }
}

import TidingsModel
