import Foundation
import TidingsUI

/// Starts the browser on a URL: `$BROWSER` (see `BrowserCommand`) or `xdg-open`, with posix_spawnp, so no
/// shell ever reads the URL. The browser's standard input and output are /dev/null (a GUI browser's chatter
/// would garble the reader's screen), it runs in a process group of its own (signals from the terminal are
/// not its), and it is not waited for: a thread of its own reaps it, so no zombie stays and no SIGCHLD handler
/// is needed.
enum LinkOpener {
    /// Nil when a browser started; else the last program tried and why it could not start.
    static func open(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (program: String, reason: String)? {
        var failure: (program: String, reason: String)?
        for arguments in BrowserCommand.candidates(browser: environment["BROWSER"], url: url) {
            switch spawn(arguments) {
            case .success(let pid):
                reap(pid)
                return nil
            case .failure(let error):
                failure = (arguments[0], String(cString: strerror(error.code)))
            }
        }
        return failure
    }

    struct SpawnError: Error {
        var code: Int32
    }

    private static func spawn(_ arguments: [String]) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Signals the reader ignores or blocks are the browser's business: it starts with the defaults.
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGTSTP] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // A process group of its own (group 0: the child's pid): keys and hangups meant for the reader's
        // terminal are not the browser's.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        return status == 0 ? .success(pid) : .failure(SpawnError(code: status))
    }

    /// Waits for the browser on a thread of its own, so the reader never blocks on it.
    private static func reap(_ pid: pid_t) {
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }
    }
}
