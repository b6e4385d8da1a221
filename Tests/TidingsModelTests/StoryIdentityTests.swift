import Foundation
import XCTest
@testable import TidingsModel

/// The story id rule (docs/STATE.md, "Ids"): stories that differ in content differ in id; a story keeps its
/// id when only its comments, age or declared count change.
final class StoryIdentityTests: XCTestCase {
    func story(_ text: String, path: String = "x.txt") throws -> Story {
        try NativeImporter().stories(in: Array(text.utf8), path: path)[0]
    }

    func entry(_ text: String, readState: ReadState = ReadState()) throws -> StoryEntry {
        try NativeImporter().entries(in: Array(text.utf8), path: "x.txt", readState: readState)[0]
    }

    /// Two daily threads: same title, no submitter, different bodies and comments.
    let monday = """
        Daily Discussion Thread
        Category: Forum

        What is on your mind this Monday?

        The rain, mostly.
        A new bike.
          Which one?
        """
    let tuesday = """
        Daily Discussion Thread
        Category: Forum

        What is on your mind this Tuesday?

        Still the rain.
        """

    func testSameTitleAndNoSubmitterButDifferentBodiesAreDifferentStories() throws {
        let first = try story(monday), second = try story(tuesday)
        XCTAssertNotEqual(first.id, second.id)
        XCTAssertEqual(first.legacyID, second.legacyID, "the version-1 rule gave them one id")
        // The same with one submitter for both, as a bot posts them.
        let withBot = { (text: String) in text.replacingOccurrences(of: "Category: Forum", with: "Category: Forum\nVia: AutoModerator • 6 hours ago") }
        XCTAssertNotEqual(try story(withBot(monday)).id, try story(withBot(tuesday)).id)
        XCTAssertEqual(try entry(monday).summary.id, first.id, "the list computes the same id")
    }

    func testDailyThreadsKeepSeparateReadState() throws {
        let first = try story(monday), second = try story(tuesday)
        var state = ReadState()
        state.setStory(first.id, read: true)
        state.setComments(first.comments.map(\.id), in: first.id, read: true)
        XCTAssertTrue(state.isStoryRead(first.id))
        XCTAssertFalse(state.isStoryRead(second.id))
        XCTAssertEqual(try entry(monday, readState: state).unreadComments, 0)
        XCTAssertEqual(try entry(tuesday, readState: state).unreadComments, 1)
    }

    func testCommentsAgeAndDeclaredCountDoNotChangeTheId() throws {
        let original = """
            A story about ids
            Via: someone • 6 hours ago • 2 comments
            By: A writer

            Body.

            First comment.
              A reply.
            """
        let changed = """
            A story about ids
            Via: someone • 2 days ago • 5 comments
            By: A writer

            Body.

            First comment, edited.
              A reply.
              A new reply.
            @@ ann • 1 hour ago @@ A new comment.
            """
        let before = try story(original), after = try story(changed)
        XCTAssertEqual(before.id, after.id)
        XCTAssertEqual(before.legacyID, after.legacyID)
        XCTAssertEqual(try story(original + "\n\nMore comments.\nAnd more.").id, before.id)
        XCTAssertEqual(try story(String(original.prefix { $0 != "F" })).id, before.id, "without any comments")
    }

    func testEveryIdentifyingFieldCounts() throws {
        let base = "Title\nCategory: C\nVia: S\nBy: B\n\nab\nc\n\nA comment.\n"
        let id = try story(base).id
        XCTAssertEqual(try story(base.replacingOccurrences(of: "Title", with: "TITLE")).id, id, "the title is compared lower-cased")
        let variants = [
            base.replacingOccurrences(of: "Title", with: "Title 2"),
            base.replacingOccurrences(of: "Via: S", with: "Via: T"),
            base.replacingOccurrences(of: "Category: C", with: "Category: D"),
            base.replacingOccurrences(of: "By: B", with: "By: D"),
            base.replacingOccurrences(of: "ab\nc\n", with: "a\nbc\n"),  // the same bytes, split differently
            base.replacingOccurrences(of: "ab\nc\n", with: "abc\n"),
            base.replacingOccurrences(of: "ab\nc\n", with: "ab\nc\nd\n"),
            // A value moved from one field to another.
            "Title\nVia: S\nBy: C\n\nab\nc\n\nA comment.\n",
            "Title\nCategory: S\nBy: B\n\nab\nc\n\nA comment.\n",
        ]
        var ids = Set([id])
        for variant in variants { ids.insert(try story(variant).id) }
        XCTAssertEqual(ids.count, variants.count + 1, "every variant has its own id")
    }

    func testTheListAndTheFullParseAndTheStringRuleAgree() throws {
        var texts = ["nested.txt", "glued-by.txt", "crlf-bom.txt", "missing-headers.txt", "no-comments.txt"]
            .map { try? Fixtures.bytes($0) }.compactMap { $0 }
        texts.append(Array("Only a title".utf8))
        texts.append(Array("Title\nVia: x\nA line that starts the body early\nsecond\n\ncomment\n".utf8))
        texts.append([0x43, 0x61, 0x66, 0xE9, 0x0A, 0x0A, 0x80, 0x0A])  // Windows-1252
        for bytes in texts {
            let full = try NativeImporter().stories(in: bytes, path: "p")[0]
            let listed = try NativeImporter().entries(in: bytes, path: "p", readState: ReadState())[0].summary
            XCTAssertEqual(listed.id, full.id)
            XCTAssertEqual(listed.legacyID, full.legacyID)
            XCTAssertEqual(full.id, StoryID.derive(title: full.title ?? "", submitter: full.author, category: full.category,
                                                   byline: full.byline, body: full.body.lines))
            XCTAssertEqual(full.legacyID, StoryID.version1(title: full.title ?? "", submitter: full.author))
        }
    }

    func testAnIdHeaderIsTheIdInEveryVersion() throws {
        let story = try NativeImporter().stories(in: try Fixtures.bytes("authors.txt"), path: "authors.txt")[0]
        XCTAssertEqual(story.id, "sleeper-trains-2026")
        XCTAssertEqual(story.legacyID, "sleeper-trains-2026")
        let edited = String(decoding: try Fixtures.bytes("authors.txt"), as: UTF8.self) + "\n"
        XCTAssertEqual(try self.story(edited.replacingOccurrences(of: "Sunrise", with: "Sunset")).id, "sleeper-trains-2026")
    }

    /// Ids are stored in state files: the rules must not drift. The version-1 value is what the previous
    /// release computed for this story; the current one is the example in docs/FORMAT.md.
    func testIdsOfAKnownStory() throws {
        let ferry = try story("""
            Harbour ferry returns
            Category: Local News
            Via: tidewatcher • two weeks ago • 4 comments

            The old harbour ferry is back in service.

            Finally!
            """)
        XCTAssertEqual(ferry.legacyID, "JkL3rchm-v-")
        XCTAssertEqual(ferry.id, "AP7MwCJsKOM")
        XCTAssertEqual(ferry.comments.map(\.id.description), ["ubSjmw"])
    }
}
