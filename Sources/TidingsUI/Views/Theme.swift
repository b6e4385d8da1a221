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
}

/// The terminal's basic colours, which every colour terminal has.
public enum TerminalColor: Int16, Sendable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// Which terminal colour each role is drawn in (on the terminal's own background); a role without one is
/// drawn in the terminal's foreground. The curses layer turns this into colour pairs.
public struct Theme: Sendable {
    public var colors: [ColorRole: TerminalColor]

    public init(colors: [ColorRole: TerminalColor]) { self.colors = colors }

    public static let standard = Theme(colors: [.accent: .cyan, .fresh: .green, .guide: .blue, .warning: .yellow,
                                                .marker: .magenta])
}
