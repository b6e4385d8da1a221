import TidingsModel

/// One screen row of the comment pane before it is drawn.
struct CommentLine: Equatable {
    enum Kind: Equatable { case spacer, header, text, collapsedSummary }
    var guide: String
    var content: String
    var kind: Kind
    /// The comment's first line, which carries its read marker.
    var isFirst = false
}
