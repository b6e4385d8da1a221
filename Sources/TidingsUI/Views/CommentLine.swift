import TidingsModel

/// One screen row of the comment pane before it is drawn: the guides, then styled text.
struct CommentLine: Equatable {
    enum Kind: Equatable {
        /// The blank row between top-level threads.
        case spacer
        /// Author, age and score.
        case header
        /// A message's subject, under its header, when it is not its parent's.
        case subject
        /// The comment's text, its links, and the blank rows between its blocks.
        case text
        /// A folded comment in one row: `[+3] author · age: text…`.
        case collapsedSummary
        /// A place for replies the file does not hold ("12 more replies not saved"): not a comment.
        case stub

        /// The row's own style, which the selected comment's first row extends to the pane's edge.
        var style: Style {
            switch self {
            case .header: return Style(color: .accent, bold: true)
            case .subject: return .bold
            case .collapsedSummary: return .accent
            case .stub: return .dim
            case .text, .spacer: return .plain
            }
        }
    }

    var guide: String
    var spans: [StyledLine.Span]
    var kind: Kind
    /// The comment's first line, which carries its read marker.
    var isFirst = false

    /// The row's text without styles.
    var text: String { spans.map(\.text).joined() }
}
