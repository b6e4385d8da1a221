/// The depth of a comment nested deeper than the comment pane has columns for, written in the guides
/// where its columns stop (`[23]`), as hackernews-TUI and some mail readers do: the text keeps its room
/// and the reader still knows the level.
enum DepthLabel {
    /// Cells kept for the label when the columns are counted, enough for depths below 100.
    static let room = 4

    static func text(_ depth: Int) -> String { "[\(depth)]" }

    /// The label's width in spaces, for the comment's other lines.
    static func blank(_ depth: Int) -> String { String(repeating: " ", count: text(depth).count) }
}
