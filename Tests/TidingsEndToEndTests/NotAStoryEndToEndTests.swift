import Foundation
import XCTest
import TidingsTestSupport

/// `dump` leaves out files that are not stories without calling them errors, and reads a file the user names.
final class NotAStoryEndToEndTests: XCTestCase {
    func testDumpSkipsNonStoriesQuietlyAndReadsNamedOnes() throws {
        let binary = try XCTUnwrap(EndToEnd.binary)
        let folder = try EndToEnd.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try EndToEnd.write("A story\n\nBody.\n", to: folder + "/stories/a.txt")
        try EndToEnd.write("My stories\n\nSaved from the web.\n", to: folder + "/stories/README")
        try EndToEnd.write("# Notes\n\nIn markdown.\n", to: folder + "/stories/notes.md")
        try Data([0xFF, 0xD8, 0xFF, 0x00]).write(to: URL(fileURLWithPath: folder + "/stories/photo.jpg"))

        let all = ChildProcess.run([binary, "dump", folder + "/stories"])
        XCTAssertEqual(all.status, 0, all.output)
        XCTAssertEqual(all.output.split(separator: "\n").count, 1, all.output)
        XCTAssertTrue(all.output.contains("\"title\":\"A story\""), all.output)

        let named = ChildProcess.run([binary, "dump", folder + "/stories/notes.md", folder + "/stories/README"])
        XCTAssertEqual(named.status, 0, named.output)
        XCTAssertTrue(named.output.contains("\"title\":\"# Notes\""), named.output)
        XCTAssertTrue(named.output.contains("\"title\":\"My stories\""), named.output)
    }

    /// A problem's reason may quote the file (a JSON file's keys): on stderr it passes the gate text on screen
    /// passes, so an escape sequence in a file cannot retitle the terminal or set its clipboard.
    func testAProblemQuotingTheFileWritesNoEscapeSequence() throws {
        let binary = try XCTUnwrap(EndToEnd.binary)
        let folder = try EndToEnd.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try EndToEnd.write(#"{"\u001b]0;TITLE\u0007":1,"\u001b]52;c;cHduZWQ=\u0007":2,"\u009b31m":3}"#, to: folder + "/k.json")
        let run = ChildProcess.run([binary, "dump", folder + "/k.json"])
        XCTAssertEqual(run.status, 1, run.output)
        XCTAssertTrue(run.output.contains("top-level keys"), run.output)
        XCTAssertFalse(run.output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" }, run.output)
    }
}
