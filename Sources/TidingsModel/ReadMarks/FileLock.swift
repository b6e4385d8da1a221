import Foundation

/// An exclusive `flock` on a lock file beside the state, held while reading and replacing it.
final class FileLock {
    private let descriptor: Int32

    /// Locks `path`, creating the file (not its folder) when missing; nil when that is not possible.
    init?(path: String) {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR {
                close(descriptor)
                return nil
            }
        }
    }

    func unlock() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
