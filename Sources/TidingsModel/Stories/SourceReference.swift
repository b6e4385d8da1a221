/// Where a story comes from, in terms its importer understands: a file, and within it (an mbox, a feed)
/// or across files (a Maildir thread) a locator that finds this story again.
public struct SourceReference: Sendable, Hashable, CustomStringConvertible {
    /// The file (or folder) as given to the loader.
    public var path: String
    /// Which story at `path`, for sources that hold several; nil when the file holds one story.
    public var locator: String?

    public init(path: String, locator: String? = nil) {
        self.path = path
        self.locator = locator
    }

    public var description: String { locator.map { "\(path) (\($0))" } ?? path }
}
