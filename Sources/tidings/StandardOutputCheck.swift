import CNcursesw
import Foundation

/// Text printed through stdio (the argument parser's `--help` and `--version`) is written when the process
/// exits; a write that fails then (a full disk, a closed pipe) is reported and turns the status into 1.
enum StandardOutputCheck {
    static func install() {
        atexit {
            guard let output = tidings_stdout() else { return }
            if fflush(output) != 0 || ferror(output) != 0 {
                StandardError.say("cannot write output: \(String(cString: strerror(errno)))")
                _exit(1)
            }
        }
    }
}
