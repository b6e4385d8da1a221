import Foundation
import XCTest
import TidingsModel
import TidingsTestSupport

final class RedditImportTests: XCTestCase {
    func testAThreadIsThePostWithItsCommentTree() throws {
        let story = try DiscussionFixture.story("reddit_thread_raw.json")
        XCTAssertEqual(story.format, "reddit")
        XCTAssertEqual(story.id, "reddit:t3_abc")
        XCTAssertEqual(story.title, "Cats & <dogs>")
        XCTAssertEqual(story.author, "op")
        XCTAssertEqual(story.category, "r/aww")
        XCTAssertEqual(story.score, 321)
        XCTAssertEqual(story.declaredComments, 9)
        XCTAssertEqual(story.url, "https://www.reddit.com/r/aww/comments/abc/cats/", "a self post links its own page, as Ask HN does")
        XCTAssertEqual(story.body.lines, ["Self text with a link."])
        XCTAssertEqual(story.body.links, ["https://example.com/?a=1&b=2"])
        XCTAssertEqual(story.outline.map { $0.split(separator: "|", omittingEmptySubsequences: false).prefix(3).joined(separator: "|") }, [
            "0|alice|", "1|bob|", "1|[deleted]|deleted", "2|dan|", "1|-|unsaved", "0|carl|deleted", "0|dora|", "1|-|unsaved", "0|-|unsaved",
        ])
        XCTAssertEqual(story.comments.map(\.serviceID), ["t1_c1", "t1_c2", "t1_c3", "t1_c4", nil, "t1_c5", "t1_c6", nil, nil])
        XCTAssertEqual(story.comments[4].text, "12 more replies not saved")
        XCTAssertEqual(story.comments[7].text, "Continue this thread: the replies below here were not saved")
        XCTAssertEqual(story.comments[8].text, "40 more comments not saved")
        XCTAssertEqual(story.comments[5].text, "[removed]")
        // Stubs are not comments: the list counts the six real ones.
        XCTAssertEqual(story.summary.commentCount, 6)
        XCTAssertEqual(ReadState().unreadCount(of: story), 6)
    }

    func testQuotesAndLineBreaksInABody() throws {
        let story = try DiscussionFixture.story("reddit_thread_raw.json")
        let first = story.comments[0]
        XCTAssertEqual(first.body.blocks.first?.kind, .quote)
        XCTAssertEqual(first.body.blocks.first?.plainText, "quoted line")
        XCTAssertEqual(first.body.blocks.last?.plainText, "and a reply with code <x> & more")
    }

    func testBodiesFetchedWithAndWithoutRawJSONReadTheSame() throws {
        let raw = try DiscussionFixture.story("reddit_thread_raw.json")
        let escaped = try DiscussionFixture.story("reddit_thread_escaped.json")
        XCTAssertEqual(escaped.title, raw.title)
        XCTAssertEqual(escaped.body, raw.body)
        XCTAssertEqual(escaped.comments.map(\.body), raw.comments.map(\.body))
        XCTAssertEqual(escaped.comments.map(\.id), raw.comments.map(\.id))
    }

    func testAPermalinkViewSaysWhereItStarts() throws {
        let story = try DiscussionFixture.story("reddit_permalink.json")
        XCTAssertEqual(story.comments.map(\.kind), [.unsaved, .comment, .comment])
        XCTAssertTrue(story.comments[0].text.contains("comment c3"), story.comments[0].text)
        XCTAssertEqual(story.comments.map(\.depth), [0, 0, 1])
        XCTAssertEqual(story.summary.commentCount, 2)
    }

    func testMoreChildrenAreRebuiltByParent() throws {
        let story = try DiscussionFixture.story("reddit_morechildren.json")
        XCTAssertEqual(story.id, "reddit:t3_abc:more:t1_d1")
        XCTAssertEqual(story.outline, [
            "0|amy||Parent outside the file", "1|ben||Child of d1", "1|-|unsaved|3 more replies not saved",
            "0|cat||Loop one", "1|dee||Loop two",
        ])
    }

    func testRepliesOfTheWrongTypeAreNoReplies() throws {
        let text = """
        [{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"name":"t3_q","title":"T","author":"a","created_utc":1}}]}},
         {"kind":"Listing","data":{"children":[{"kind":"t1","data":{"name":"t1_a","author":"b","body":"x","replies":5}},
                                              {"kind":"t1","data":{"name":"t1_b","author":"c","body":"y","replies":{"kind":"Listing","data":{"children":7}}}},
                                              "junk", 3, {"kind":"t9","data":{}}]}}]
        """
        let story = try DiscussionFixture.stories(bytes: Array(text.utf8))[0]
        XCTAssertEqual(story.outline, ["0|b||x", "0|c||y"])
    }

    func testEveryFixtureConforms() throws {
        for name in ["reddit_thread_raw.json", "reddit_thread_escaped.json", "reddit_permalink.json", "reddit_morechildren.json"] {
            ImporterConformance.check(try DiscussionFixture.importer(name), bytes: try DiscussionFixture.bytes(name),
                                      path: DiscussionFixture.path(name))
        }
    }
}
