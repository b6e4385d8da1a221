import Foundation
import TidingsModel

/// Messages for the user on stderr. Unlike `FileHandle.write`, which stops the process when the write
/// fails, a stderr that is closed or full is ignored: the exit status still tells what happened.
enum StandardError {
    /// Writes `tidings: <message>` and a line end. The message passes the gate untrusted text passes on
    /// screen: it may quote a file's name or contents (a JSON file's keys), and the terminal must not take
    /// them for escape sequences.
    static func say(_ message: String) {
        write("tidings: " + UntrustedText.sanitize(message, multiline: true) + "\n")
    }

    static func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Foundation.write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return }
            offset += count
        }
    }
}
