import Foundation
import XCTest
import TidingsTestSupport

/// The manual page and the shell completions come from the binary itself: `docs/tidings.1` is what
/// `tidings man` prints, and every shell's completion script knows the commands and options.
final class ManualAndCompletionTests: XCTestCase {
    func testTheManualPageInDocsIsTheOneTheBinaryMakes() throws {
        let binary = try XCTUnwrap(EndToEnd.binary)
        let result = ChildProcess.run([binary, "man"])
        XCTAssertEqual(result.status, 0, result.output)
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/tidings.1")
        let committed = try String(contentsOf: docs, encoding: .utf8)
        XCTAssertEqual(committed, result.output, "docs/tidings.1 is out of date: run `swift run tidings man > docs/tidings.1`")
        // Every key of the key table and every option is in it.
        for needle in [".SH KEYS", "Collapse every top\\-level thread", "\\-\\-no\\-cache", "\\-\\-state", ".SH DUMP", "XDG_CACHE_HOME"] {
            XCTAssertTrue(result.output.contains(needle), needle)
        }
        XCTAssertFalse(result.output.split(separator: "\n").contains { $0.hasPrefix(".") && $0.count > 1 && $0.dropFirst().first == "." },
                       "no line starts with two control characters")
    }

    func testCompletionScriptsForEveryShell() throws {
        let binary = try XCTUnwrap(EndToEnd.binary)
        for shell in ["bash", "zsh", "fish"] {
            let result = ChildProcess.run([binary, "--generate-completion-script", shell])
            XCTAssertEqual(result.status, 0, shell)
            XCTAssertTrue(result.output.contains("no-cache"), "\(shell): \(result.output.prefix(200))")
            XCTAssertTrue(result.output.contains("dump"), shell)
            XCTAssertFalse(result.output.contains("tidings man"), "\(shell): the hidden manual command is not offered")
        }
    }
}
