import Foundation
import XCTest

/// Folders and files of a test's own, removed when the test ends.
extension XCTestCase {
    /// A new empty folder under the temporary directory, named with `prefix`.
    public func temporaryFolder(prefix: String = "tidings") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Writes `text` to `url`, making the folders above it.
    public func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
