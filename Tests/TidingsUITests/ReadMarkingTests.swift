import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

final class ReadMarkingTests: XCTestCase {
    func readComments(_ state: AppState, story: Int = 0) -> Int {
        let story = UIFixtures.stories[story]
        return story.comments.filter { state.readState.isCommentRead($0.id, in: story.id) }.count
    }

    func testMovingTheListMarksNothingAndOpeningMarksTheStory() {
        var state = UIFixtures.state(width: 120, height: 30)
        state.press(.down, .up)
        XCTAssertEqual(state.readStateRevision, 0)
        XCTAssertFalse(state.readState.isStoryRead(UIFixtures.stories[0].id))
        state.press(.enter)
        XCTAssertTrue(state.readState.isStoryRead(UIFixtures.stories[0].id))
        XCTAssertEqual(readComments(state), 6, "every comment fits on screen, so all were shown")
    }

    func testTabIntoCommentsOpensTheStory() {
        var state = UIFixtures.state(width: 120, height: 30)
        state.press(.down, .tab)
        XCTAssertEqual(state.focus, .text)
        XCTAssertTrue(state.readState.isStoryRead(UIFixtures.stories[1].id))
        XCTAssertEqual(readComments(state, story: 1), 0, "comments are not read until the comment pane has focus")
        state.press(.tab)
        XCTAssertEqual(readComments(state, story: 1), 2)
    }

    func testOnlyCommentsShownAreMarkedRead() {
        var state = UIFixtures.state(width: 60, height: 9)  // comment pane: 7 rows
        state.press(.enter)
        let early = readComments(state)
        XCTAssertLessThan(early, 6)
        state.press(.end)
        XCTAssertGreaterThan(readComments(state), early)
        state.press(.home)
        XCTAssertEqual(readComments(state), 6)
    }

    func testToggleReadOnACommentTakesItsReplies() {
        var state = UIFixtures.state(width: 120, height: 30)
        state.press(.enter, .down)  // jon's comment, which has two replies below it
        XCTAssertEqual(readComments(state), 6)
        state.press(.character("r"))
        XCTAssertEqual(readComments(state), 3)
        state.press(.down, .up)  // on screen and focused, yet they stay unread: the user said so
        XCTAssertEqual(readComments(state), 3)
        XCTAssertEqual(state.readState.unreadCount(of: UIFixtures.stories[0]), 3)
        state.press(.character("r"))
        XCTAssertEqual(readComments(state), 6)
    }

    func testToggleReadOnAStoryTakesItsComments() {
        var state = UIFixtures.state(width: 120, height: 30)
        state.press(.character("r"))
        XCTAssertTrue(state.readState.isStoryRead(UIFixtures.stories[0].id))
        XCTAssertEqual(readComments(state), 6)
        state.press(.character("r"))
        XCTAssertFalse(state.readState.isStoryRead(UIFixtures.stories[0].id))
        XCTAssertEqual(readComments(state), 0)
    }

    func testNewCommentsShowAsNewAndAreCountedInTheList() throws {
        var state = UIFixtures.state(width: 120, height: 30)
        state.press(.enter)
        let saved = state.readState
        // The file gains a reply and a new top-level comment; the earlier ones keep their ids.
        let grown = UIFixtures.texts[0].replacingOccurrences(of: "Good news,", with: "  @@ zed @@ A new reply.\nNew top comment.\nGood news,")
        let story = try NativeImporter().stories(in: Array(grown.utf8), path: "story0.txt")[0]
        var next = AppState(stories: [story], readState: saved, width: 120, height: 30)
        XCTAssertEqual(next.readState.unreadCount(of: story), 2)
        let list = next.render()
        XCTAssertTrue(list.row(1).contains("8 · 2 new"), list.row(1))
        next.press(.enter)
        let comments = next.render().text
        XCTAssertTrue(comments.contains("● zed"))
        XCTAssertTrue(comments.contains("● New top comment."))
        XCTAssertTrue(comments.contains("· mira · 2 hours ago"))
    }

    func testNextUnreadJumpsToTheNextStoryWithSomethingUnread() {
        var state = UIFixtures.state(width: 120, height: 30)
        state.press(.character("r"), .character("n"))
        XCTAssertEqual(state.selectedStory, 1)
    }
}
