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
