import Foundation

/// An exclusive `flock` on a lock file beside the state, held while reading and replacing it.
final class FileLock {
    private let descriptor: Int32

    /// Why the last lock could not be taken (for the message that says so).
    enum Refusal: Error {
        /// The lock file cannot be opened or made (a folder this user cannot write).
        case cannotOpen(String)
        /// `flock` itself failed (no locks on this file system).
        case cannotLock(String)
        /// Another process held it for the whole wait: another instance stopped (`kill -STOP`) or stuck
        /// while saving, as a save takes milliseconds.
        case held(seconds: Double)

        var words: String {
            switch self {
            case .cannotOpen(let reason), .cannotLock(let reason): return reason
            case .held(let seconds): return "another process has held it for \(Int(seconds.rounded())) s (a tidings stopped or stuck?)"
            }
        }
    }

    /// Locks `path`, creating the file (not its folder) when missing, waiting at most `timeout` seconds for
    /// another holder: a reader waiting on a stopped instance would never start or quit.
    init(path: String, timeout: Double) throws(Refusal) {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            if reason == EINTR { continue }
            guard reason == EWOULDBLOCK, Date() < deadline else {
                close(descriptor)
                throw reason == EWOULDBLOCK ? .held(seconds: timeout) : .cannotLock(String(cString: strerror(reason)))
            }
            usleep(10_000)
        }
    }

    func unlock() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
