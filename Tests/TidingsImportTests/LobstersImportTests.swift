import Foundation
import XCTest
import TidingsModel
import TidingsTestSupport

final class LobstersImportTests: XCTestCase {
    func testAStoryWithItsFlatCommentList() throws {
        let story = try DiscussionFixture.story("lobsters_story.json")
        XCTAssertEqual(story.format, "lobsters")
        XCTAssertEqual(story.id, "lobsters:xyz123")
        XCTAssertEqual(story.title, "A Lobsters story")
        XCTAssertEqual(story.author, "sam")
        XCTAssertEqual(story.category, "Lobsters · rust, practices")
        XCTAssertEqual(story.declaredComments, 4)
        XCTAssertEqual(story.date, Date(timeIntervalSince1970: 1_714_582_800))
        XCTAssertEqual(story.body.lines, ["Some description"])
        XCTAssertEqual(story.outline, ["0|una||Top level", "1|vic|deleted|[deleted]", "2|wes||Reply under a deleted one",
                                       "0|xen|deleted|[removed by a moderator]\nbad"])
        XCTAssertEqual(story.comments.map(\.serviceID), ["k1", "k2", "k3", "k4"])
    }

    func testConforms() throws {
        let name = "lobsters_story.json"
        ImporterConformance.check(try DiscussionFixture.importer(name), bytes: try DiscussionFixture.bytes(name),
                                  path: DiscussionFixture.path(name))
    }
}
