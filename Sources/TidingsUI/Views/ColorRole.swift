/// What a colour is used for, rather than the colour itself: views name roles, the theme picks colours.
public enum ColorRole: UInt8, CaseIterable, Sendable {
    /// The terminal's own foreground.
    case plain
    /// Titles, authors, headings.
    case accent
    /// New: unread markers and counts.
    case fresh
    /// Thread guides and the divider.
    case guide
    /// Problems and warnings.
    case warning
    /// Control characters from documents, made visible.
    case marker
    /// Text a search or a find matched.
    case match
}
