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
    /// Damaged, but listed as far as it could be read (a feed cut short keeps its complete items).
    case readInPart(String)
    case unknownFormat
    /// A format this build recognizes but cannot read yet (a mailbox, a JSON export).
    case unsupported(String)
    /// JSON of a shape no importer knows; the top-level keys (or what the top level is) say which.
    case unknownJSON(String)
    /// XML that could do harm if it were read the usual way (a DOCTYPE declaring entities): refused whole.
    case unsafeXML(String)
    case storyGone
    /// Not meant to be a story (a README, a picture): skipped quietly, never counted as a problem.
    case notAStory(String)
    /// Anything else, already in words.
    case other(String)
}
