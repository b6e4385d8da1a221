/// Which pane the arrow keys act on.
public enum Focus: Sendable, Equatable, CaseIterable {
    case stories, text, comments
}
