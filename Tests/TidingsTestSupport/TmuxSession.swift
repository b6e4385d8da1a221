import Foundation
import XCTest

/// A private tmux server running one command, for driving the real binary like a person would.
public final class TmuxSession {
    public let socket = "tidings-test-\(UUID().uuidString.prefix(8))"
    public let name = "main"

    public static var isAvailable: Bool { run(["tmux", "-V"]).status == 0 }

    public init(command: String, width: Int, height: Int) throws {
        // The server this starts keeps any pipe it inherits open, so its output goes to /dev/null.
        let result = Self.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name,
                               "-x", "\(width)", "-y", "\(height)", command], captureOutput: false)
        guard result.status == 0 else { throw XCTSkip("tmux could not start: \(result.output)") }
        _ = Self.run(["tmux", "-L", socket, "set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit { _ = Self.run(["tmux", "-L", socket, "kill-server"]) }

    public func capture() -> String { Self.run(["tmux", "-L", socket, "capture-pane", "-p", "-t", name]).output }

    /// The screen with its attributes and colours as SGR sequences (`capture-pane -e`).
    public func captureStyled() -> StyledCapture {
        StyledCapture(Self.run(["tmux", "-L", socket, "capture-pane", "-p", "-e", "-t", name]).output)
    }

    public func send(_ keys: String...) { _ = Self.run(["tmux", "-L", socket, "send-keys", "-t", name] + keys) }

    public func resize(width: Int, height: Int) {
        _ = Self.run(["tmux", "-L", socket, "resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Whether the command has exited (the pane stays, so its last screen can still be read).
    public var hasExited: Bool {
        Self.run(["tmux", "-L", socket, "display-message", "-p", "-t", name, "#{pane_dead}"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Waits until the screen satisfies `condition` and has settled, failing with the last screen after
    /// `timeout` seconds.
    @discardableResult
    public func waitFor(_ description: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        /// Captures until the condition holds; false when the time is up first.
        func poll() -> Bool {
            while !condition(screen) {
                if Date() > deadline {
                    XCTFail("timed out waiting for \(description); screen:\n\(screen)", file: file, line: line)
                    return false
                }
                Thread.sleep(forTimeInterval: 0.05)
                screen = capture()
            }
            return true
        }
        // A capture can come in the middle of a frame (its first rows new, the rest old): the screen that
        // holds is taken once it has settled, the same in a second capture (a few tries, for screens that
        // keep changing, as a count going up while files load; then the last one that holds).
        for _ in 0..<5 {
            guard poll() else { return screen }
            Thread.sleep(forTimeInterval: 0.02)
            let again = capture()
            if again == screen { return screen }
            screen = again
        }
        _ = poll()
        return screen
    }

    @discardableResult
    public func waitFor(text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) -> String {
        waitFor("'\(text)'", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    public static func run(_ arguments: [String], captureOutput: Bool = true) -> (status: Int32, output: String) {
        ChildProcess.run(arguments, captureOutput: captureOutput)
    }
}
