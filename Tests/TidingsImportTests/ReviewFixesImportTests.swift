import Foundation
import XCTest
import TidingsModel

/// What a review as a new user found in reading saved discussions, each kept from coming back.
final class ReviewFixesImportTests: XCTestCase {
    func item(_ text: String) throws -> Story {
        let json = "{\"id\":5,\"type\":\"story\",\"title\":\"t\",\"author\":\"a\",\"created_at_i\":1,\"text\":null,\"children\":[{\"id\":6,\"type\":\"comment\",\"author\":\"b\",\"created_at_i\":2,\"text\":\"\(text)\",\"children\":[]}]}"
        return try XCTUnwrap(DiscussionFixture.stories(bytes: Array(json.utf8)).first)
    }

    func testHackerNewsLinksWithoutAHostPointAtHackerNews() throws {
        let story = try item("See <a href=\\\"item?id=8863\\\">item?id=8863</a> and <a href=\\\"https://x.org/\\\">x</a>")
        XCTAssertEqual(story.comments[0].body.links, ["https://news.ycombinator.com/item?id=8863", "https://x.org/"])
        // A story without a link of its own (Ask HN) is about its discussion page.
        XCTAssertEqual(story.url, "https://news.ycombinator.com/item?id=5")
    }

    func testLatin1ControlsAreReadAsWindows1252() throws {
        XCTAssertEqual(try item("don\\u0092t").comments[0].text, "don’t")
    }

    func testLinksWrittenOutAreKnown() throws {
        let story = try item("<a href=\\\"https://example.com/a\\\">https://example.com/a</a> <a href=\\\"https://example.com/a-very-long/path\\\">https://example.com/a-very-lo...</a> <a href=\\\"https://b.org/\\\">named</a>")
        XCTAssertEqual(story.comments[0].body.links.count, 3)
        XCTAssertEqual(story.comments[0].body.linksWrittenOut, [0], "a shortened link is listed: its text does not say where it goes")
    }

    func testParentsInALoopAreNotCalledMissing() throws {
        let text = """
        [{"id":5001,"by":"a","time":1,"type":"story","title":"S","kids":[5002]},{"id":5002,"by":"b","time":2,"type":"comment","text":"x","parent":5001},
         {"id":5003,"by":"c","time":3,"type":"comment","text":"y","parent":5004},{"id":5004,"by":"d","time":4,"type":"comment","text":"z","parent":5003},
         null,{"id":5005,"by":"e","time":5,"type":"comment","text":"self","parent":5005}]
        """
        let stories = try DiscussionFixture.stories(bytes: Array(text.utf8))
        XCTAssertEqual(stories.map(\.title), ["S", "Comments whose parents form a loop (from item 5005)",
                                              "Comments whose parents form a loop (from item 5003)"])
        XCTAssertEqual(stories.map(\.comments.count), [1, 1, 2])
        XCTAssertFalse(stories.contains { $0.title?.contains("not saved") == true })
    }

    func testNullItemsInJSONLinesAreSkipped() throws {
        let text = "{\"id\":1,\"by\":\"x\",\"time\":1,\"type\":\"story\",\"title\":\"T\",\"kids\":[2]}\nnull\n{\"id\":2,\"by\":\"y\",\"time\":2,\"type\":\"comment\",\"text\":\"ok\",\"parent\":1}\n"
        let stories = try DiscussionFixture.stories(bytes: Array(text.utf8))
        XCTAssertEqual(stories.map(\.comments.count), [1])
    }

    func testAnArrayWithAnOddValueNamesThatValue() {
        let text = "[{\"id\":1,\"by\":\"x\",\"time\":1,\"type\":\"story\",\"title\":\"T\"},{\"name\":\"q\"}]"
        XCTAssertThrowsError(try DiscussionFixture.stories(bytes: Array(text.utf8))) { error in
            XCTAssertEqual("\(error)", "JSON, but not a discussion this reader knows: an array of 2 values, value 2 an object with keys name")
        }
    }

    func testAPermalinkViewIsAStoryOfItsOwn() throws {
        let whole = try DiscussionFixture.story("reddit_thread_raw.json")
        let part = try DiscussionFixture.story("reddit_permalink.json")
        XCTAssertNotEqual(part.id, whole.id)
        XCTAssertEqual(part.title, "Cats & <dogs> (part of the thread)")
        XCTAssertEqual(part.comments[0].text, "Part of the thread, from a reply to comment c3: the comments above it were not saved")
    }

    func testAFeedEndingInRdfWithoutItemsIsSkipped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<?xml version=\"1.0\"?><rdf:RDF></rdf:RDF>".utf8).write(to: folder.appendingPathComponent("news.rdf"))
        let problems = CollectionLoader().loadAll([folder.path]).problems
        XCTAssertEqual(problems.map(\.reason), ["not a story: a feed with no items"])
        XCTAssertEqual(problems.map(\.isSkipped), [true])
    }
}
