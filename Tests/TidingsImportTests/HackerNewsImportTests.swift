import Foundation
import XCTest
@testable import TidingsModel
import TidingsTestSupport

final class HackerNewsImportTests: XCTestCase {
    func testAnAlgoliaItemIsAStoryWithItsWholeTree() throws {
        let story = try DiscussionFixture.story("hn_algolia_story.json")
        XCTAssertEqual(story.format, "hn")
        XCTAssertEqual(story.id, "hn:1")
        XCTAssertEqual(story.title, "A story & its thread")
        XCTAssertEqual(story.author, "ada")
        XCTAssertEqual(story.url, "https://example.org/post")
        XCTAssertEqual(story.score, 42)
        XCTAssertEqual(story.date, Date(timeIntervalSince1970: 1_700_000_000))
        XCTAssertEqual(story.body.lines, ["Ask text", "with two paragraphs"])
        XCTAssertEqual(story.comments.map(\.depth), [0, 1, 2, 1, 0])
        XCTAssertEqual(story.comments.map(\.parent), [nil, 0, 1, 0, nil])
        XCTAssertEqual(story.comments.map(\.author), ["bob", nil, "dan", "eve", "fay"])
        XCTAssertEqual(story.comments.map(\.serviceID), ["2", "3", "4", "5", "6"])
        XCTAssertEqual(story.comments.map(\.descendantCount), [3, 1, 0, 0, 0])
        // A deleted comment keeps its place, so its reply is not lost.
        XCTAssertEqual(story.comments[1].kind, .deleted)
        XCTAssertEqual(story.comments[1].text, "[deleted]")
        XCTAssertEqual(story.comments[0].date, Date(timeIntervalSince1970: 1_700_000_002))
    }

    func testHTMLTextIsRenderedWithLinksAndEntities() throws {
        let story = try DiscussionFixture.story("hn_algolia_story.json")
        let first = story.comments[0]
        XCTAssertEqual(first.body.lines, ["First thoughts: see https://example.com/a?x=1&y=2", "It's \"fine\" & fast."])
        XCTAssertEqual(first.body.links, ["https://example.com/a?x=1&y=2"])
        XCTAssertEqual(first.body.blocks[0].runs.first { $0.text == "thoughts" }?.emphasis, .italic)
        let code = story.comments[3].body.blocks.first { $0.kind == .code }
        XCTAssertEqual(code?.plainText, "  let x = 1\n  print(x)")
        // A decoded escape is still an escape in the model: the screen's gate makes it visible.
        XCTAssertTrue(story.comments[4].text.contains("\u{1B}[31m"))
        XCTAssertFalse(story.comments.contains { $0.text.contains("&#") || $0.text.contains("<") })
    }

    /// Hacker News has no quote markup: a paragraph typed `> quoted` is shown as a quote, `>>` deeper.
    func testTypedQuotesAreQuotes() {
        XCTAssertEqual(JSONReading.html("&gt;_&lt; ouch<p>&gt;.&gt; hm", base: nil).blocks.map(\.kind), [.paragraph, .paragraph], "faces")
        let body = JSONReading.html("&gt; what they said<p>&gt;&gt; and before <i>that</i><p>&gt; &gt; spaced<p>My answer &gt; theirs<p>&gt;", base: nil)
        XCTAssertEqual(body.blocks.map(\.kind), [.quote, .quote, .quote, .paragraph, .paragraph])
        XCTAssertEqual(body.blocks.map(\.level), [0, 1, 1, 0, 0], "levels from 0, as <blockquote>'s")
        XCTAssertEqual(body.blocks[0].level, HTMLText.body("<blockquote>what they said</blockquote>").blocks[0].level)
        XCTAssertEqual(body.blocks.map(\.plainText), ["what they said", "and before that", "spaced", "My answer > theirs", ">"])
    }

    func testServiceIDsKeepMarksWhenTheThreadIsSavedAgainWithMoreComments() throws {
        let bytes = try DiscussionFixture.bytes("hn_algolia_story.json")
        let before = try DiscussionFixture.stories(bytes: bytes)[0]
        // The same thread saved later: one more reply, one comment edited.
        var text = String(decoding: bytes, as: UTF8.self)
        text = text.replacingOccurrences(of: "Second thread, escape", with: "Second thread (edited), escape")
        text = text.replacingOccurrences(of: "\"children\":[],\"created_at\":\"2023-11-14T22:13:20.000Z\",\"created_at_i\":1700000006",
                                         with: "\"children\":[{\"author\":\"new\",\"children\":[],\"created_at_i\":1700000099,\"id\":99,\"parent_id\":6,\"story_id\":1,\"text\":\"new reply\",\"type\":\"comment\"}],\"created_at\":\"2023-11-14T22:13:20.000Z\",\"created_at_i\":1700000006")
        let after = try DiscussionFixture.stories(bytes: Array(text.utf8))[0]
        XCTAssertEqual(after.id, before.id)
        XCTAssertEqual(after.comments.count, before.comments.count + 1)
        var state = ReadState()
        state.setComments(before.comments.map(\.id), in: before.id, read: true)
        XCTAssertEqual(state.unreadCount(of: after), 1, "only the new reply is new")
        XCTAssertFalse(state.isCommentRead(after.comments.last!.id, in: after.id))
    }

    func testASavedSubThreadIsAStoryTitledFromItsText() throws {
        let story = try DiscussionFixture.story("hn_algolia_comment_root.json")
        XCTAssertEqual(story.id, "hn:9224")
        XCTAssertEqual(story.title, "I have a few qualms with this app:")
        XCTAssertEqual(story.category, "Hacker News · a reply in story 8863")
        XCTAssertEqual(story.body.lines.first, "I have a few qualms with this app:")
        XCTAssertEqual(story.outline, ["0|dhouston||fair points.", "1|brandon||thanks."])
    }

    func testTheOlderAlgoliaShapeReadsTheSame() throws {
        let story = try DiscussionFixture.story("hn_algolia_old.json")
        XCTAssertEqual(story.title, "Is there anywhere to eat here?")
        XCTAssertEqual(story.author, "pg")
        XCTAssertEqual(story.outline, ["0|dmon||sure"])
    }

    func testASearchListingIsStoriesWithDeclaredCountsAndNoComments() throws {
        let stories = try DiscussionFixture.stories("hn_search.json")
        XCTAssertEqual(stories.map(\.id), ["hn:101", "hn:102"])
        XCTAssertEqual(stories.map(\.declaredComments), [925, 473])
        XCTAssertEqual(stories.map(\.comments.count), [0, 0])
        XCTAssertEqual(stories[0].body.lines, ["Hi everyone", "More text"])
        XCTAssertEqual(stories[1].url, "https://example.net/")
        XCTAssertEqual(Set(stories.map(\.source)).count, 2, "each hit is found again by its locator")
    }

    func testAFirebaseStoryWithoutItsCommentsSaysHowManyItHad() throws {
        let story = try DiscussionFixture.story("hn_firebase_story_only.json")
        XCTAssertEqual(story.id, "hn:500")
        XCTAssertEqual(story.declaredComments, 57)
        XCTAssertEqual(story.comments.count, 0)
        XCTAssertEqual(story.score, 120)
        XCTAssertEqual(story.author, "carol")
    }

    func testFirebaseItemsAreRebuiltIntoTreesByTheirIDs() throws {
        let stories = try DiscussionFixture.stories("hn_firebase_array.json")
        XCTAssertEqual(stories.map(\.id), ["hn:600", "hn:699"])
        // Children follow the parent's `kids` order, not the file's.
        XCTAssertEqual(stories[0].outline, ["0|erin||First by kids order", "0|dave||Second by kids order",
                                            "1|-|deleted|[deleted]", "2|gus||Reply below a deleted one"])
        // Comments whose story is not in the file group under a placeholder named by the missing parent.
        XCTAssertEqual(stories[1].title, "Replies to item 699 (not saved)")
        XCTAssertEqual(stories[1].outline, ["0|hal||Orphan: its story is elsewhere", "1|ivy||Reply to the orphan", "0|jon|deleted|[dead]"])
        let lines = try DiscussionFixture.stories("hn_firebase_lines.jsonl")
        XCTAssertEqual(lines.map(\.id), ["hn:600"])
        XCTAssertEqual(lines[0].outline, stories[0].outline)
    }

    func testParentsThatFormALoopLoseNothing() throws {
        let stories = try DiscussionFixture.stories("hn_firebase_cycle.json")
        XCTAssertEqual(stories.flatMap(\.comments).map(\.text).sorted(), ["one", "two"])
    }

    func testAHundredThousandDeepChainLoadsWithoutRecursion() throws {
        var text = ""
        let depth = 100_000
        for level in 0..<depth {
            text += "{\"id\":\(level + 1),\"type\":\"\(level == 0 ? "story" : "comment")\",\"author\":\"a\",\"text\":\"t\",\"created_at_i\":1,\"children\":["
        }
        text += String(repeating: "]}", count: depth)
        let stories = try DiscussionFixture.stories(bytes: Array(text.utf8))
        XCTAssertEqual(stories[0].comments.count, depth - 1)
        XCTAssertEqual(stories[0].comments.last?.depth, depth - 2)
        XCTAssertEqual(stories[0].comments.first?.descendantCount, depth - 2)
    }

    func testEveryFixtureConforms() throws {
        for name in ["hn_algolia_story.json", "hn_algolia_comment_root.json", "hn_algolia_old.json", "hn_search.json",
                     "hn_firebase_story_only.json", "hn_firebase_array.json", "hn_firebase_lines.jsonl", "hn_firebase_cycle.json"] {
            ImporterConformance.check(try DiscussionFixture.importer(name), bytes: try DiscussionFixture.bytes(name),
                                      path: DiscussionFixture.path(name))
        }
    }
}
