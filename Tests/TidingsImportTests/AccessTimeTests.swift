import Foundation
import XCTest
@testable import TidingsModel

/// Reading a mailbox leaves its access time as it was: mutt tells an mbox with new mail by a last read
/// older than its last change.
final class AccessTimeTests: XCTestCase {
    func testReadingAnMboxKeepsItsAccessTime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-atime-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("inbox.mbox").path
        try Data("From a@example.org Mon Nov  2 10:00:00 2026\nFrom: a@example.org\nSubject: New\nMessage-ID: <n@example.org>\n\nmail\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        // Last read in 2020, changed since: mail not read yet. (The second time, UTIME_OMIT, keeps the change time.)
        var times = [timespec(tv_sec: 1_577_836_800, tv_nsec: 0), timespec(tv_sec: 0, tv_nsec: (1 << 30) - 2)]
        XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
        _ = try FileBytes.read(path, limit: 1 << 20)
        _ = try FileBytes.range(path, offset: 0, count: 10)
        _ = try MboxStream.items(path)
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        XCTAssertEqual(info.st_atim.tv_sec, 1_577_836_800, "the access time is not moved")
    }
}
