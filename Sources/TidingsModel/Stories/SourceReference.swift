/// Where a story comes from, in terms its importer understands: a file, and within it (an mbox, a feed)
/// or across files (a Maildir thread) a locator that finds this story again.
public struct SourceReference: Sendable, Hashable, CustomStringConvertible {
    /// The file (or folder) as given to the loader.
    public var path: String
    /// Which story at `path`, for sources that hold several; nil when the file holds one story.
    public var locator: String?
    /// Further files the story is read from together with `path` (Hacker News items saved one per file),
    /// in file order; empty for a story in one file.
    public var otherPaths: [String]

    public init(path: String, locator: String? = nil, otherPaths: [String] = []) {
        self.path = path
        self.locator = locator
        self.otherPaths = otherPaths
    }

    /// Every file the story is read from.
    public var paths: [String] { [path] + otherPaths }

    public var description: String { locator.map { "\(path) (\($0))" } ?? path }
}
