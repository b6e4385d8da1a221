import TidingsModel

/// Preformatted text broken to the pane's width, so none of it is lost: a line that fits is shown as written;
/// a longer one goes on in rows that start with `↪` in the guide colour, which tells them from the code's
/// own lines (its indentation cannot: code indents as it likes).
enum CodeWrap {
    /// What starts a continuation row.
    static let marker = "↪ "
    /// Narrower than this, the marker would leave too little room: continuation rows go on without it.
    static let markedFrom = 5

    /// The text's lines as rows of `width` cells: each line's first row keeps its indentation as written.
    static func lines(_ text: String, width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        let style = Style(color: .accent)
        let marked = width >= markedFrom
        let rest = marked ? width - DisplayWidth.of(marker) : width
        var rows: [StyledLine] = []
        for line in lines {
            // Sanitized line by line, so a tab expands from the line's own start.
            let pieces = self.pieces(of: UntrustedText.sanitize(String(line)), first: width, rest: rest)
            for (offset, piece) in pieces.enumerated() {
                if offset > 0, marked {
                    rows.append(StyledLine(spans: [.init(text: marker, style: .guide), .init(text: piece, style: style)]))
                } else {
                    rows.append(StyledLine(text: piece, style: style))
                }
            }
        }
        return rows
    }

    /// A line (sanitized) in pieces of at most `first` cells, then `rest` cells. Code has no word boundaries
    /// to trust, so a piece ends after a space only when one falls in its last third; else it ends where the
    /// row does, between characters (never inside a wide one). Every character is kept, spaces too, but
    /// for the spaces the line ends with once it has broken.
    static func pieces(of line: String, first: Int, rest: Int) -> [String] {
        guard first > 0, rest > 0 else { return [] }
        let characters = Array(line)
        let cells = characters.map { DisplayWidth.of($0) }
        var pieces: [String] = []
        var start = 0
        var room = first
        while start < characters.count {
            var end = start
            var used = 0
            while end < characters.count, used + cells[end] <= room {
                used += cells[end]
                end += 1
            }
            if end == characters.count {
                pieces.append(String(characters[start...]))
                break
            }
            if end == start {
                // A wide character in a row of one cell: a placeholder stands for it, as `TextWrap` does.
                pieces.append("\u{FFFD}")
                start += 1
                room = rest
                continue
            }
            var cut = end
            var before = used
            for index in stride(from: end - 1, to: start, by: -1) {
                before -= cells[index]
                guard before * 3 >= room * 2 else { break }
                if characters[index] == " " {
                    cut = index + 1
                    break
                }
            }
            pieces.append(String(characters[start..<cut]))
            start = cut
            room = rest
            // Spaces alone after the break show nothing: no row is spent on them.
            if characters[start...].allSatisfy({ $0 == " " }) { break }
        }
        return pieces.isEmpty ? [""] : pieces
    }
}
