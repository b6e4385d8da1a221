import TidingsModel

/// Word wrapping of styled text: like `TextWrap.wrap`, but each piece keeps its style across the breaks.
enum StyledWrap {
    /// Wraps spans to `width` cells. Line breaks in the text start new lines; words longer than a line are
    /// split between characters; spaces between words collapse to one.
    static func wrap(_ spans: [StyledLine.Span], width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        var lines: [StyledLine] = []
        var line: [StyledLine.Span] = []
        var lineWidth = 0
        var word: [StyledLine.Span] = []
        var wordWidth = 0
        var pendingSpace: Style?

        // A link's number stays a span of its own (`link`), so a click on it can be told from the text.
        func append(_ text: String, _ style: Style, link: Int? = nil, to spans: inout [StyledLine.Span]) {
            if let last = spans.last, last.style == style, last.link == link {
                spans[spans.count - 1].text += text
            } else {
                spans.append(.init(text: text, style: style, link: link))
            }
        }
        /// Takes the last `count` characters off a row's spans (dropping spans left empty).
        func dropLast(_ count: Int, from spans: inout [StyledLine.Span]) {
            var left = count
            while left > 0, var last = spans.popLast() {
                let taken = min(left, last.text.count)
                last.text.removeLast(taken)
                left -= taken
                if !last.text.isEmpty { spans.append(last) }
            }
        }
        func breakLine() {
            lines.append(StyledLine(spans: line))
            line = []
            lineWidth = 0
        }
        func placeWord() {
            guard wordWidth > 0 else { return }
            let space = pendingSpace != nil && lineWidth > 0 ? 1 : 0
            if lineWidth > 0, lineWidth + space + wordWidth > width { breakLine() }
            if lineWidth > 0, let style = pendingSpace {
                append(" ", style, to: &line)
                lineWidth += 1
            }
            if wordWidth <= width - lineWidth {
                for span in word { append(span.text, span.style, link: span.link, to: &line) }
                lineWidth += wordWidth
            } else {
                // Longer than a line: split between characters (never inside a grapheme cluster), but a link's
                // number (`[12]`) is kept whole, and never starts a row alone: the last characters of the
                // word's row before it go with it.
                var placed: [(character: Character, style: Style, link: Int?, cells: Int)] = []
                for span in word {
                    let spanWidth = span.link != nil ? DisplayWidth.of(span.text) : 0
                    if span.link != nil, spanWidth <= width {
                        if lineWidth + spanWidth > width, lineWidth > 0 {
                            var carried: [(character: Character, style: Style, link: Int?, cells: Int)] = []
                            var carriedCells = 0
                            // Up to six cells of the word, leaving at least one character on its row.
                            while placed.count > 1, let last = placed.last, carriedCells + last.cells + spanWidth <= width,
                                  carriedCells + last.cells <= 6 {
                                carried.insert(placed.removeLast(), at: 0)
                                carriedCells += last.cells
                            }
                            dropLast(carried.count, from: &line)
                            breakLine()
                            placed = carried
                            for piece in carried { append(String(piece.character), piece.style, link: piece.link, to: &line) }
                            lineWidth = carriedCells
                        }
                        append(span.text, span.style, link: span.link, to: &line)
                        lineWidth += spanWidth
                        placed = []
                        continue
                    }
                    for original in span.text {
                        let character: Character = DisplayWidth.of(original) > width ? "\u{FFFD}" : original
                        let cells = DisplayWidth.of(character)
                        if lineWidth + cells > width, lineWidth > 0 {
                            breakLine()
                            placed = []
                        }
                        append(String(character), span.style, link: span.link, to: &line)
                        lineWidth += cells
                        placed.append((character, span.style, span.link, cells))
                    }
                }
            }
            word = []
            wordWidth = 0
            pendingSpace = nil
        }

        for span in spans {
            let clean = UntrustedText.sanitize(span.text, multiline: true)
            for character in clean {
                if character == "\n" {
                    placeWord()
                    breakLine()
                    pendingSpace = nil
                } else if character == " " {
                    placeWord()
                    if lineWidth > 0 { pendingSpace = span.style }
                } else {
                    append(String(character), span.style, link: span.link, to: &word)
                    wordWidth += DisplayWidth.of(character)
                }
            }
        }
        placeWord()
        if !line.isEmpty || lines.isEmpty { breakLine() }
        return lines
    }
}
