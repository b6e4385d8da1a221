/// The bars before quoted text, one `│ ` per level: dim, and each level in the next colour of the palette,
/// so nested levels stand apart in colour and, without colours, by their count.
enum QuoteBars {
    /// Blue, green, yellow, cyan in the standard theme: neighbours never share a colour.
    static let colors: [ColorRole] = [.guide, .fresh, .warning, .accent]

    static func style(level: Int) -> Style {
        Style(color: colors[max(0, level) % colors.count], dim: true)
    }

    /// `count` bars, the outermost first.
    static func spans(count: Int) -> [StyledLine.Span] {
        (0..<max(0, count)).map { StyledLine.Span(text: "│ ", style: style(level: $0)) }
    }
}
