import Foundation
import XCTest
import TidingsModel

/// Hacker News items saved one per file are put together into their threads, in the reader's loader and
/// in the one `dump` uses.
final class JoinedFilesTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("joined-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let items: [(String, String)] = [
            ("4201", #"{"id":4201,"by":"op","time":1764000000,"type":"story","title":"One per file","score":5,"descendants":3,"kids":[4202,4204]}"#),
            ("4202", #"{"id":4202,"by":"a","time":1764000100,"type":"comment","text":"first top","parent":4201,"kids":[4203]}"#),
            ("4203", #"{"id":4203,"by":"b","time":1764000200,"type":"comment","text":"reply to first","parent":4202}"#),
            ("4204", #"{"id":4204,"by":"c","time":1764000300,"type":"comment","text":"second top","parent":4201}"#),
            ("9001", #"{"id":9001,"by":"d","time":1764000400,"type":"comment","text":"orphan","parent":9000}"#),
            ("9002", #"{"id":9002,"by":"e","time":1764000500,"type":"comment","text":"another orphan","parent":9000}"#),
        ]
        for (name, text) in items { try Data(text.utf8).write(to: folder.appendingPathComponent(name + ".json")) }
        try Data("A native story\n\nBody.\n".utf8).write(to: folder.appendingPathComponent("a.txt"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testItemsSavedOnePerFileAreOneThread() throws {
        let (stories, problems) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(problems.map(\.reason), [])
        XCTAssertEqual(stories.map(\.title), ["A native story", "One per file", "Replies to item 9000 (not saved)"])
        XCTAssertEqual(stories[1].id, "hn:4201")
        XCTAssertEqual(stories[1].outline, ["0|a||first top", "1|b||reply to first", "0|c||second top"])
        XCTAssertEqual(stories[1].source.paths.map { ($0 as NSString).lastPathComponent }, ["4201.json", "4202.json", "4203.json", "4204.json"])
        XCTAssertEqual(stories[2].outline, ["0|d||orphan", "0|e||another orphan"])
    }

    func testTheReaderListsThemAndOpensThemFromAllTheirFiles() throws {
        let load = ParallelLoad(sources: [folder.path], readState: ReadState())
        load.waitUntilFinished()
        let batch = load.take()
        XCTAssertEqual(batch.problems.map(\.reason), [])
        XCTAssertEqual(batch.entries.map(\.summary.title), ["A native story", "One per file", "Replies to item 9000 (not saved)"])
        XCTAssertEqual(batch.entries.map(\.unreadComments), [0, 3, 2])
        let story = try CollectionLoader().story(for: batch.entries[1].summary).get()
        XCTAssertEqual(story.comments.count, 3)
        XCTAssertEqual(story.summary, batch.entries[1].summary)
    }
}
