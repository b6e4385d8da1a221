/// What is at a screen cell, for mouse events.
public enum ScreenRegion: Equatable, Sendable {
    /// A pane's title bar.
    case title(Focus)
    /// A row inside a pane, counted from the pane's first row.
    case pane(Focus, row: Int)
    case status
}
