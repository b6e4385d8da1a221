/// A file's place in the walk: which path given reached it, and its path.
public struct WalkPlace: Sendable {
    public var root: Int
    public var path: String
}

/// The order the loader walks files in (`DocumentFiles`): each path given whole, in the order given (a
/// second path inside the first adds nothing), and within one the folder walk's order
/// (`NameOrder.listedBefore`).
public struct WalkOrder: Sendable {
    /// The paths given, each as the start of the paths of what it holds (`dir/`), or the file itself.
    private let roots: [(path: String, prefix: String)]

    public init(_ sourcePaths: [String]) {
        roots = sourcePaths.map { given in
            let folder = given.count > 1 && given.hasSuffix("/") ? String(given.dropLast()) : given
            return (folder, folder == "/" ? "/" : folder + "/")
        }
    }

    /// Where the walk has a story: at the first of its files (a post and its comment feed in a subfolder: at
    /// the post's file), under the first path given that holds it.
    public func place(_ summary: StorySummary) -> WalkPlace {
        var first = place(summary.path)
        for other in summary.source.otherPaths {
            let candidate = place(other)
            if Self.before(candidate, first) { first = candidate }
        }
        return first
    }

    /// Where the walk has a file.
    public func place(_ path: String) -> WalkPlace {
        // One path given holds every file listed: no need to find which.
        guard roots.count > 1 else { return WalkPlace(root: 0, path: path) }
        return WalkPlace(root: roots.firstIndex { path == $0.path || path.hasPrefix($0.prefix) } ?? roots.count, path: path)
    }

    /// Whether the walk reaches one file before another.
    public static func before(_ first: WalkPlace, _ second: WalkPlace) -> Bool {
        first.root != second.root ? first.root < second.root : NameOrder.listedBefore(first.path, second.path)
    }
}
