/// Why the read-state file could not be saved, as a value; `StateFileWords` says it in words, in one place
/// with what loading found (`ReadStateStore.LoadOutcome`).
public enum StateFileProblem: Error, Equatable, Sendable {
    /// The path is (or has become) a folder, a device, a pipe or a socket: it is left as it is.
    case notAFile(NotAFile)
    /// The file on disk was written by a newer Tidings: it is left as it is.
    case newerVersion(path: String, version: Int)
    /// The file on disk cannot be read, nor moved aside to make room for a good one.
    case unreadableAndStuck(path: String)
    case cannotLock(path: String, reason: String)
    /// The file's permissions say it is not to be written (`chmod a-w`): it is left as it is.
    case readOnly(path: String)
    /// A file stands where a folder of the path should be.
    case fileInTheWay(folder: String)
    case cannotCreateFolder(folder: String, reason: String)
    case cannotCreateFile(folder: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case cannotFlush(path: String, reason: String)
    case cannotReplace(path: String, reason: String)
    /// Anything else, already in words.
    case other(String)
}
