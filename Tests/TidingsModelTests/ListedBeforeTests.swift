import Foundation
import XCTest
@testable import TidingsModel

/// `NameOrder.listedBefore` is the order of the folder walk itself: the reader places stories handed over
/// late by it, so the two must never disagree.
final class ListedBeforeTests: XCTestCase {
    func testTheWalksOrderIsListedBeforesOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["b.txt", "a-blog/post.xml", "a-blog/z/deep.txt", "a.txt", "Z.txt", "spool/10", "spool/9", "spool/x/1",
                     "a-blog.txt", "box/cur/1.host:2,S", "box/new/2.host", "box/tmp/.keep", "zz/a", "a b/c", "a-/d"]
        for name in names {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("Title\n".utf8).write(to: url)
        }
        let walked = DocumentFiles.list([folder.path], problem: { _ in }).map(\.path)
        XCTAssertEqual(walked.count, names.count - 1, "a Maildir's tmp/ is not read")
        for (index, path) in walked.enumerated() {
            for (other, later) in walked.enumerated() where other > index {
                XCTAssertTrue(NameOrder.listedBefore(path, later), "\(path) before \(later)")
                XCTAssertFalse(NameOrder.listedBefore(later, path), "\(later) after \(path)")
            }
        }
        XCTAssertEqual(walked.first.map { ($0 as NSString).lastPathComponent }, "Z.txt")
    }
}
