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
}
