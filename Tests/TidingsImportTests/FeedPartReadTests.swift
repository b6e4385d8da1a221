import Foundation
import XCTest
@testable import TidingsModel

/// An item of a large feed opens from the file's first bytes: the same story as from the whole file, for
/// the first item, one past the first 64 KiB, the last, and after the file changed.
final class FeedPartReadTests: XCTestCase {
    func feed(items: Int, tag: String = "") -> String {
        var text = #"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title>"#
        for index in 0..<items {
            let filler = String(repeating: "word\(index) ", count: 60)
            text += "<item><title>Item \(index)\(tag)</title><guid>g\(index)</guid><link>https://x.org/\(index)</link>"
                + "<description>&lt;p&gt;\(filler)&lt;/p&gt;</description></item>"
        }
        return text + "</channel></rss>"
    }

    func testItemsOpenFromTheFilesStartAsFromTheWholeFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedpart-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/big.xml"
        try feed(items: 700).write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertGreaterThan(try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int, 256 << 10)
        let (stories, problems) = CollectionLoader().loadAll([path])
        XCTAssertEqual(problems, [])
        XCTAssertEqual(stories.count, 700)
        let importer = FeedImporter()
        for index in [0, 1, 60, 300] {
            let summary = stories[index].summary
            let part = try XCTUnwrap(importer.story(streamingFile: path, for: summary), "item \(index)")
            XCTAssertEqual(part, stories[index], "item \(index)")
            XCTAssertEqual(try CollectionLoader().story(for: summary).get(), stories[index], "item \(index)")
        }
        // The last item is not whole in any start shorter than the file: the file is read whole.
        XCTAssertNil(try importer.story(streamingFile: path, for: stories[699].summary))
        XCTAssertEqual(try CollectionLoader().story(for: stories[699].summary).get(), stories[699])
        // A small file is read whole, as before.
        let small = folder + "/small.xml"
        try feed(items: 2).write(toFile: small, atomically: true, encoding: .utf8)
        let smallStories = CollectionLoader().loadAll([small]).stories
        XCTAssertNil(try importer.story(streamingFile: small, for: smallStories[1].summary))
        XCTAssertEqual(try CollectionLoader().story(for: smallStories[1].summary).get(), smallStories[1])
        // The file changed since it was listed: the item is found by its id in the whole file.
        try feed(items: 700, tag: " (new)").write(toFile: path, atomically: true, encoding: .utf8)
        let changed = try CollectionLoader().story(for: stories[5].summary).get()
        XCTAssertEqual(changed.id, stories[5].id)
        XCTAssertEqual(changed.title, "Item 5 (new)")
    }
}
