import Foundation
import XCTest
@testable import TidingsModel

/// The first files of a big folder are handed over before the listing is sorted: they must be exactly the
/// listing's first files, or not be handed over at all.
final class EarlyFilesTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("early-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for name in (0..<40).shuffled().map({ String(format: "s%03d.txt", $0) }) + ["sub/a.txt", ".hidden", "Z.txt"] {
            try Data("Title\n".utf8).write(to: folder.appendingPathComponent(name))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func list(_ count: Int) -> (early: [String]?, all: [String]) {
        var early: [String]?
        let all = DocumentFiles.list([folder.path], problem: { _ in }, earlyCount: count) { early = $0.map(\.path) }
        return (early, all.map(\.path))
    }

    func testTheEarlyFilesAreTheFirstOfTheListing() {
        for count in [1, 8, 41, 60] {
            let (early, all) = list(count)
            let first = try? XCTUnwrap(early)
            XCTAssertEqual(first, Array(all.prefix(first?.count ?? 0)), "count \(count)")
            XCTAssertEqual(first?.count, min(count, 41))
        }
        XCTAssertEqual(list(8).all.last.map { ($0 as NSString).lastPathComponent }, "a.txt", "the subfolder after the files")
    }

    func testALinkAmongTheFirstEntriesMeansNoEarlyFiles() throws {
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("A-link").path,
                                                   withDestinationPath: folder.appendingPathComponent("sub").path)
        let (early, all) = list(8)
        XCTAssertNil(early)
        XCTAssertTrue(all.first?.hasSuffix("A-link/a.txt") == false)
    }

    func testTheLoaderGivesTheSameStoriesEitherWay() {
        let load = ParallelLoad(sources: [folder.path], readState: ReadState())
        load.waitUntilFinished()
        let batch = load.take()
        XCTAssertEqual(batch.entries.map(\.summary.path), list(0).all)
        XCTAssertEqual(batch.done, 42)
        XCTAssertEqual(batch.total, 42)
    }
}
