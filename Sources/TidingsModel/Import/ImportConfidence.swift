/// How sure an importer is that a file is one of its own; the most certain importer reads the file.
public enum ImportConfidence: Int, Comparable, Sendable {
    /// Not this importer's file.
    case none
    /// It can read any text, so it takes what nobody else wants.
    case fallback
    /// The name or the first bytes look right.
    case likely
    /// The first bytes could only be this format.
    case certain

    public static func < (lhs: ImportConfidence, rhs: ImportConfidence) -> Bool { lhs.rawValue < rhs.rawValue }
}
