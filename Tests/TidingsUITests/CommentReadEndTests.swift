import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// A comment is read once its end has been on screen: the first lines of a message peeking in at the foot
/// of the pane, or the top of one taller than the pane, do not read it; moving on until its last line shows
/// does, as reading it to its end does.
final class CommentReadEndTests: XCTestCase {
    static let long = (1...40).map { "Line \($0) of a long message." }.joined(separator: "\n")

    static func story() -> Story {
        var story = StoryBuilder.story("mail", comments: [(0, "short one"), (0, "short two"), (0, "long"), (0, "after")])
        story.comments[2].body = MailText.body(long)
        return story
    }

    func read(_ state: AppState, _ index: Int) -> Bool {
        let story = Self.story()
        return state.readState.isCommentRead(story.comments[index].id, in: story.id)
    }

    func testACommentIsReadOnceItsEndHasBeenOnScreen() {
        for (width, height) in [(80, 24), (120, 40), (60, 20), (30, 8)] {
            let size = "\(width)x\(height)"
            var state = AppState(stories: [Self.story()], width: width, height: height)
            state.press(.tab)
            state.press(.tab)
            XCTAssertEqual(state.focus, .comments, size)
            _ = state.render()
            XCTAssertTrue(read(state, 0), "\(size): the first comment, whole on screen")
            XCTAssertFalse(read(state, 2), "\(size): the long one's first lines only")
            XCTAssertFalse(read(state, 3), size)
            // Down scrolls through the long one once it is selected: its end comes on screen, and it is read.
            var presses = 0
            while !read(state, 2), presses < 200 {
                state.press(.down)
                _ = state.render()
                presses += 1
            }
            XCTAssertTrue(read(state, 2), "\(size): read once its last line was on screen")
            let screen = state.render().text
            XCTAssertTrue(screen.contains("Line 40 of a long message."), "\(size): its end is on screen\n\(screen)")
        }
    }

    func testLeavingATallCommentAtItsTopLeavesItUnread() {
        var state = AppState(stories: [Self.story()], width: 80, height: 24)
        state.press(.tab)
        state.press(.tab)
        state.press(.down)
        state.press(.down)
        _ = state.render()
        XCTAssertEqual(state.selectedComment, 2)
        XCTAssertFalse(read(state, 2), "selected, its top on screen: not read yet")
        state.press(.tab)
        _ = state.render()
        XCTAssertNotEqual(state.focus, .comments)
        XCTAssertFalse(read(state, 2), "left unfinished: still unread, `n` comes back to it")
        XCTAssertEqual(state.readState.unreadCount(of: Self.story()), 2)
    }

    /// A folded thread shows one row, the start of its first comment: that does not read it.
    func testAFoldedThreadsRowDoesNotReadIt() {
        var story = StoryBuilder.story("mail", comments: [(0, "root"), (1, "reply"), (0, "other")])
        story.comments[0].body = MailText.body(Self.long)
        var state = AppState(stories: [story], width: 80, height: 24)
        state.press(.tab)
        state.press(.tab)
        state.press(.character("C"))
        _ = state.render()
        XCTAssertFalse(state.readState.isCommentRead(story.comments[0].id, in: story.id), "folded: its row is a glimpse")
        XCTAssertTrue(state.render().text.contains("[+1]"), state.render().text)
    }
}
