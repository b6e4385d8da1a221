/// Whether the screen is drawn in colour or with attributes alone (`NO_COLOR`, or a terminal without colours).
public enum ColorMode: Sendable, Equatable {
    /// Roles drawn in the theme's colours.
    case color
    /// No colour at all: each role is told apart by bold, dim, reverse or underline (see `Monochrome`).
    case monochrome

    /// The mode for a terminal: monochrome when `NO_COLOR` is set to anything but the empty string (an
    /// empty value does not count, as https://no-color.org says), or when the terminal has no colours.
    /// Both take the same path, so a monochrome terminal looks exactly as `NO_COLOR` does.
    public static func choose(noColor: String?, terminalHasColors: Bool) -> ColorMode {
        if let noColor, !noColor.isEmpty { return .monochrome }
        return terminalHasColors ? .color : .monochrome
    }
}
