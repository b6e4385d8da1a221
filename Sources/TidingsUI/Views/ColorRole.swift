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

    /// The role's name in the config file's `[colors]`.
    public var name: String {
        switch self {
        case .plain: return "plain"
        case .accent: return "accent"
        case .fresh: return "fresh"
        case .guide: return "guide"
        case .warning: return "warning"
        case .marker: return "marker"
        case .match: return "match"
        }
    }

    /// What the role colours, for the comments of the printed config.
    public var purpose: String {
        switch self {
        case .plain: return "text in no other role"
        case .accent: return "titles, authors, headings, link numbers, code, folded threads"
        case .fresh: return "unread markers and new-comment counts"
        case .guide: return "thread guides, the divider, read markers"
        case .warning: return "problems and warnings"
        case .marker: return "control characters from documents, made visible"
        case .match: return "words a search or a find matched (drawn reversed)"
        }
    }
}
