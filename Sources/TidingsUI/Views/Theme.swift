/// Which terminal colour each role is drawn in (on the terminal's own background); a role without one is
/// drawn in the terminal's foreground. The curses layer turns this into colour pairs (`ColorFit`).
public struct Theme: Equatable, Sendable {
    public var colors: [ColorRole: TerminalColor]

    public init(colors: [ColorRole: TerminalColor]) { self.colors = colors }

    public static let standard = Theme(colors: [.accent: .cyan, .fresh: .green, .guide: .blue, .warning: .yellow,
                                                .marker: .magenta, .match: .yellow])

    /// A role's colour: the terminal's own when the theme gives none.
    public func color(of role: ColorRole) -> TerminalColor { colors[role] ?? .terminalDefault }
}
