import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Stubs for replies not saved are not comments: never unread, never marked, never counted. Deleted
/// comments are comments.
final class CommentKindsTests: XCTestCase {
    /// Comment 0 (read), a stub, comment 2 (a reply, unread), a deleted comment, a stub, comment 5.
    func story() -> Story {
        var comments = [
            RichFixtures.comment(1, depth: 0, parent: nil, author: "a", body: ["first"]),
            RichFixtures.comment(2, kind: .unsaved, depth: 1, parent: 0, body: ["12 more replies not saved"]),
            RichFixtures.comment(3, depth: 1, parent: 0, author: "b", body: ["reply"]),
            RichFixtures.comment(4, kind: .deleted, depth: 0, parent: nil, body: ["[deleted]"]),
            RichFixtures.comment(5, kind: .unsaved, depth: 1, parent: 3, body: ["continue this thread: not saved"]),
            RichFixtures.comment(6, depth: 0, parent: nil, author: "c", body: ["last"]),
        ]
        Story.countDescendants(&comments)
        return Story(id: "kinds", path: "kinds", format: "test", title: "Kinds", comments: comments)
    }

    let stubs = [CommentID(value: 2), CommentID(value: 5)]

    func assertNoStubStored(_ state: AppState, file: StaticString = #filePath, line: UInt = #line) {
        for id in stubs {
            XCTAssertFalse(state.readState.stories["kinds"]?.readComments.contains(id) ?? false, "stub \(id) stored", file: file, line: line)
        }
        for change in state.readState.journal {
            if case .comments(_, let ids, _) = change {
                XCTAssertTrue(Set(ids).isDisjoint(with: stubs), "stub in the journal", file: file, line: line)
            }
        }
    }

    func testStubsAreNeverUnreadNorNew() {
        var state = AppState(stories: [story()], width: 120, height: 30)
        state.press(.enter)
        XCTAssertFalse(state.isUnread(comment: 1))
        XCTAssertFalse(state.isNew(comment: 1))
        XCTAssertFalse(state.isUnread(comment: 4))
        XCTAssertTrue(state.isNew(comment: 3), "a deleted comment is a comment")
        XCTAssertEqual(state.readState.unreadCount(of: story()), 0, "every comment was shown")
        assertNoStubStored(state)
    }

    func testNextUnreadSkipsStubs() {
        var readState = ReadState()
        readState.setComments([CommentID(value: 1), CommentID(value: 4)], in: "kinds", read: true)
        // Only one row of comments fits, so nothing else is marked read by being shown.
        var state = AppState(stories: [story()], readState: readState, width: 60, height: 9)
        state.press(.tab, .tab)
        XCTAssertEqual(state.focus, .comments)
        state.selectComment(0)
        XCTAssertEqual(state.run(.nextUnread), .done)
        XCTAssertNotEqual(state.selectedComment, 1, "the stub after the first comment is passed over")
        XCTAssertNotEqual(state.selectedComment, 4)
        XCTAssertTrue([2, 5].contains(state.selectedComment ?? -1))
        for _ in 0..<6 {
            state.run(.nextUnread)
            XCTAssertFalse([1, 4].contains(state.selectedComment ?? -1))
        }
        assertNoStubStored(state)
    }

    func testMarkingStubsReadStoresNothing() {
        var state = AppState(stories: [story()], width: 120, height: 30)
        state.press(.enter)
        state.selectComment(1)
        XCTAssertEqual(state.run(.toggleRead), .nothingToDo("Replies not saved have no read mark"))
        state.selectComment(0)
        state.run(.toggleRead)  // unread: the thread, with its stub
        XCTAssertEqual(state.message, "Marked unread with 1 reply")
        state.run(.toggleRead)
        XCTAssertEqual(state.message, "Marked read with 1 reply")
        state.press(.escape)  // the story list: `r` marks the whole story
        state.run(.toggleRead)
        state.run(.toggleRead)
        assertNoStubStored(state)
        XCTAssertEqual(state.readState.stories["kinds"]?.readComments.count ?? 0, 4)
    }

    func testCountsLeaveStubsOut() {
        var state = AppState(stories: [story()], width: 120, height: 30)
        XCTAssertEqual(state.entries[0].summary.commentCount, 4)
        state.press(.enter)
        var title = state.render().text.split(separator: "\n")[0]
        XCTAssertTrue(title.contains("Comments 1/4"), String(title))
        state.press(.left)  // the first thread folded: its reply and stub hidden
        title = state.render().text.split(separator: "\n")[0]
        XCTAssertTrue(title.contains("Comments 1/3 (4 in all)"), String(title))
        XCTAssertTrue(state.render().text.contains("[+1] a: first"))
        state.selectComment(4)
        title = state.render().text.split(separator: "\n")[0]
        XCTAssertTrue(title.contains("│ Comments (4 in all)"), "a stub has no number: \(title)")
    }

    func testASelectedStubHasNoMarkerAndIsHighlighted() throws {
        var state = AppState(stories: [story()], width: 120, height: 30)
        state.press(.enter)
        state.selectComment(1)
        let screen = state.render()
        let row = try XCTUnwrap((0..<screen.height).first { screen.row($0).contains("12 more replies not saved") })
        let line = screen.row(row)
        XCTAssertFalse(line.contains("●") || line.contains("○") || line.contains("· 12"), line)
        let start = line.distance(from: line.startIndex, to: line.range(of: "12 more")!.lowerBound)
        XCTAssertTrue(screen[start, row].style.reverse)
        XCTAssertTrue(screen[start, row].style.dim)
    }
}
