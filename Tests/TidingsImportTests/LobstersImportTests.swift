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

extension LobstersImportTests {
    /// A reply listed after another thread still sits under its parent, and the list stays in pre-order
    /// (each comment's replies directly after it), which the screen and `dump` rely on.
    func testAReplyListedAwayFromItsParentSitsUnderIt() throws {
        let text = """
        {"short_id":"s1","title":"T","submitter_user":"u","comment_count":4,"comments":[
         {"short_id":"a","parent_comment":null,"depth":0,"commenting_user":"a","comment":"<p>A</p>"},
         {"short_id":"b","parent_comment":null,"depth":0,"commenting_user":"b","comment":"<p>B</p>"},
         {"short_id":"c","parent_comment":"a","depth":1,"commenting_user":"c","comment":"<p>C under A</p>"},
         {"short_id":"d","parent_comment":"d","depth":1,"commenting_user":"d","comment":"<p>D under itself</p>"}]}
        """
        let story = try XCTUnwrap(DiscussionFixture.stories(bytes: Array(text.utf8)).first)
        XCTAssertEqual(story.outline, ["0|a||A", "1|c||C under A", "0|b||B", "1|d||D under itself"])
        let line = StoryJSON.line(story)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)))
    }
}
