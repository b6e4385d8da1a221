import Foundation
import XCTest
import TidingsTestSupport

/// Output that cannot be written (here /dev/full, a disk that is always full) is an error: one message on
/// stderr and exit status 1, not a silent success.
final class OutputErrorTests: XCTestCase {
    func testDumpToAFullDiskSaysSoOnceAndExitsWithStatus1() throws {
        let binary = try XCTUnwrap(EndToEnd.binary)
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        let folder = try EndToEnd.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Enough stories for several blocks of output: writing stops after the first failure.
        let comments = (0..<100).map { "Comment number \($0) with a little text.\n" }.joined()
        for index in 0..<60 {
            try EndToEnd.write("Story \(index)\n\nBody.\n\n" + comments, to: folder + "/stories/\(index).txt")
        }
        let result = ChildProcess.run([binary, "dump", folder + "/stories"], standardOutput: "/dev/full")
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertEqual(result.output, "tidings: cannot write output: \(String(cString: strerror(ENOSPC)))\n")
    }

    func testAFullStderrToo() throws {
        let binary = try XCTUnwrap(EndToEnd.binary)
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        let folder = try EndToEnd.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try EndToEnd.write("One\n\nBody.\n", to: folder + "/stories/a.txt")
        // Both outputs full: the message cannot be written either, but the status still says it failed.
        let result = ChildProcess.run(["sh", "-c", "'\(binary)' dump '\(folder)/stories' 2>/dev/full"], standardOutput: "/dev/full")
        XCTAssertEqual(result.status, 1, result.output)
    }

    func testHelpAndVersionToAFullDiskSaySoToo() throws {
        let binary = try XCTUnwrap(EndToEnd.binary)
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        for arguments in [["--help"], ["--version"], ["read", "--help"]] {
            let result = ChildProcess.run([binary] + arguments, standardOutput: "/dev/full")
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.output)")
            XCTAssertEqual(result.output, "tidings: cannot write output: \(String(cString: strerror(ENOSPC)))\n")
        }
    }
}
