import TidingsModel

/// One terminal cell: a grapheme cluster, or empty when it is covered by the wide character to its left.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .plain)
    /// The right half of a two-cell character.

    public var isContinuation: Bool { text.isEmpty }
}
