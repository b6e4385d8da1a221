/// One row of text made of styled pieces: the story text, comments, the help and the problem list.
struct StyledLine: Equatable {
    /// A piece of the row in one style.
    struct Span: Equatable {
        var text: String
        var style: Style
        /// The number of the link this piece is the number of (`[2]` after linked text, `[2] ` before a
        /// listed target, `[0]` for the story's own link): a click on it opens that link. Recorded where the
        /// number is laid out, so a click never depends on reading the screen's text back.
        var link: Int? = nil
    }

    var spans: [Span]

    init(spans: [Span]) { self.spans = spans }

    /// A row in a single style.
    init(text: String, style: Style) { spans = [Span(text: text, style: style)] }

    /// The row's text without styles.
    var text: String { spans.map(\.text).joined() }

    /// The first span's style (a single-style row's style).
    var style: Style { spans.first?.style ?? .plain }

    /// The row with its no-break spaces as plain spaces: they hold words together while wrapping (a date, a
    /// list mark and its item) and are shown, copied and dumped as spaces.
    func noBreakSpacesShownAsSpaces() -> StyledLine {
        guard spans.contains(where: { $0.text.contains("\u{A0}") }) else { return self }
        return StyledLine(spans: spans.map { span in
            var span = span
            span.text = span.text.replacingOccurrences(of: "\u{A0}", with: " ")
            return span
        })
    }

    /// The same row with `prefix` in front, in its own style.
    func prefixed(_ prefix: String, style: Style) -> StyledLine {
        StyledLine(spans: [Span(text: prefix, style: style)] + spans)
    }

    /// Cells the row takes (its text is sanitized already).
    var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }

    /// The link number drawn at `cell` (counted from the row's first cell), if a link's number is there.
    func link(atCell cell: Int) -> Int? {
        guard cell >= 0 else { return nil }
        var start = 0
        for span in spans {
            let end = start + DisplayWidth.of(span.text)
            if cell < end { return span.link }
            start = end
        }
        return nil
    }

    /// The row cut to `width` cells, ending with `…` (in the style of the text it replaces) when something
    /// was cut; a wide character that would straddle the edge goes too, so the row never overflows.
    func truncated(to width: Int) -> StyledLine {
        guard width > 0 else { return StyledLine(spans: []) }
        guard self.width > width else { return self }
        var kept: [Span] = []
        var used = 0
        for span in spans {
            var text = ""
            for character in span.text {
                let cells = DisplayWidth.of(character)
                if used + cells > width - 1 {
                    kept.append(Span(text: text + "…", style: span.style, link: span.link))
                    return StyledLine(spans: kept)
                }
                text.append(character)
                used += cells
            }
            kept.append(span)
        }
        return StyledLine(spans: kept)
    }
}
