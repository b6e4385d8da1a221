/// Which pane the arrow keys act on.
public enum Focus: String, Sendable, Equatable, CaseIterable {
    case stories, text, comments
}
