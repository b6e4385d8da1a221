/// One row of text made of styled pieces: the story text pane, the help and the problem list.
struct StyledLine: Equatable {
    /// A piece of the row in one style.
    struct Span: Equatable {
        var text: String
        var style: Style
    }

    var spans: [Span]

    init(spans: [Span]) { self.spans = spans }

    /// A row in a single style.
    init(text: String, style: Style) { spans = [Span(text: text, style: style)] }

    /// The row's text without styles.
    var text: String { spans.map(\.text).joined() }

    /// The first span's style (a single-style row's style).
    var style: Style { spans.first?.style ?? .plain }

    /// The same row with `prefix` in front, in its own style.
    func prefixed(_ prefix: String, style: Style) -> StyledLine {
        StyledLine(spans: [Span(text: prefix, style: style)] + spans)
    }
}
