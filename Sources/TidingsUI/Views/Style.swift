import TidingsModel

/// Visual attributes of a cell; the terminal maps them to curses attributes and colour pairs.
public struct Style: Hashable, Sendable {
    public var color: ColorRole
    public var bold: Bool
    public var reverse: Bool
    public var dim: Bool
    public var underline: Bool

    public init(color: ColorRole = .plain, bold: Bool = false, reverse: Bool = false, dim: Bool = false,
                underline: Bool = false) {
        self.color = color
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let dim = Style(dim: true)
    public static let reverse = Style(reverse: true)
    public static let accent = Style(color: .accent)
    public static let guide = Style(color: .guide, dim: true)
    public static let fresh = Style(color: .fresh, bold: true)
    public static let warning = Style(color: .warning, bold: true)
    public static let status = Style(reverse: true)
    /// How control characters from documents are shown once made visible.
    public static let marker = Style(color: .marker, reverse: true)
}
