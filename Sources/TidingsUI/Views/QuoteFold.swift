/// Whether long runs of quoted lines are folded (like mutt's toggle-quoted), and the key that unfolds them,
/// named on the row that stands for the hidden lines.
struct QuoteFold: Equatable, Sendable {
    var folded: Bool
    /// The key as the help writes it (`T`); nil when none is bound.
    var key: String?

    /// Every quoted line shown.
    static let shown = QuoteFold(folded: false, key: nil)

    /// A run of quotes longer than this many rows is folded …
    static let longerThan = 6
    /// … to this many of its first rows and one row saying how many more there are.
    static let kept = 2

    /// The rows of one run of quotes as shown: all of them, or the first few and a row for the rest.
    func rows(_ quoted: [StyledLine], width: Int) -> [StyledLine] {
        guard folded, quoted.count > Self.longerThan else { return quoted }
        return Array(quoted.prefix(Self.kept)) + [summary(hidden: quoted.count - Self.kept, width: width)]
    }

    /// `│ … 23 more quoted lines (T shows them)`, dim, cut to the width.
    func summary(hidden: Int, width: Int) -> StyledLine {
        var text = "… \(hidden) more quoted \(hidden == 1 ? "line" : "lines")"
        if let key { text += " (\(key) shows them)" }
        return StyledLine(spans: [.init(text: "│ ", style: QuoteBars.style(level: 0)), .init(text: text, style: .dim)])
            .truncated(to: width)
    }
}
