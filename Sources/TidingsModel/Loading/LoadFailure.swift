/// Why a file did not become stories, as a value: the loader, the importers and the file listing report
/// these, and `LoadFailure+Words` turns them into words in one place.
public enum LoadFailure: Error, Sendable, Hashable {
    // Finding the file.
    case noSuchFile
    case vanished
    case permissionDenied
    case brokenLink
    case linkLoop
    case pipe
    case socket
    case device
    case folderUnreadable
    case nameNotUTF8
    case cannotExamine
    // Reading it.
    case tooLarge(bytes: Int, limit: Int)
    case readError(String)
    // Understanding it.
    case binary
    case empty
    case malformed(String)
    case unknownFormat
    /// A format this build recognizes but cannot read yet (a mailbox, a JSON export).
    case unsupported(String)
    case storyGone
    /// Not meant to be a story (a README, a picture): skipped quietly, never counted as a problem.
    case notAStory(String)
    /// Anything else, already in words.
    case other(String)
}

/// A file that could not be loaded, or was skipped as not a story.
public struct LoadProblem: Error, Sendable, Equatable {
    public var path: String
    public var failure: LoadFailure

    public init(path: String, failure: LoadFailure) {
        self.path = path
        self.failure = failure
    }

    /// A problem already in words (tests, callers outside the loader).
    public init(path: String, reason: String) {
        self.init(path: path, failure: .other(reason))
    }

    /// The reason in words a reader understands.
    public var reason: String { failure.description }

    /// Not a story (a README, a picture): skipped, not a failure.
    public var isSkipped: Bool {
        if case .notAStory = failure { return true }
        return false
    }
}
