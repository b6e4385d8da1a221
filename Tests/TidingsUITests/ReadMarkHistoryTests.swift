import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Each command's read-mark changes are kept exactly, grouped per command, so undoing one restores the
/// marks as they were (comments read before stay read).
final class ReadMarkHistoryTests: XCTestCase {
    func testACommandRecordsOnlyWhatReallyChanged() {
        let story = StoryBuilder.story("mixed", comments: (0..<40).map { (0, "comment \($0)") })
        var state = AppState(stories: [story], width: 80, height: 12)
        state.press(.enter)  // opens the story and reads the comments on screen
        let opened = state.readMarkHistory.last!
        XCTAssertEqual(opened.command, "open-story")
        XCTAssertTrue(opened.changes.contains(.story("mixed", read: true)))
        let readBefore = story.comments.filter { state.readState.isCommentRead($0.id, in: story.id) }.map(\.id)
        XCTAssertFalse(readBefore.isEmpty)
        let before = state.readState

        state.press(.escape, .character("r"))  // everything read
        let marked = state.readMarkHistory.last!
        XCTAssertEqual(marked.command, "toggle-read")
        let markedIDs = marked.changes.flatMap { change -> [CommentID] in
            if case .comments(_, let ids, true) = change { return ids } else { return [] }
        }
        XCTAssertEqual(markedIDs.count, 40 - readBefore.count, "only the comments that were unread")
        XCTAssertTrue(Set(markedIDs).isDisjoint(with: readBefore))

        var undone = state.readState
        undone.perform(marked.undo)
        XCTAssertEqual(undone, before, "undoing mark-read restores exactly the marks before it")
    }

    func testCommandsThatChangeNothingRecordNothing() {
        var state = UIFixtures.state(width: 120, height: 30)
        state.press(.down, .up, .character("?"), .escape)
        XCTAssertTrue(state.readMarkHistory.isEmpty)
    }

    func testTheJournalKeepsOnlyEffectiveChanges() {
        var marks = ReadState()
        let ids = (1...5).map { CommentID(value: UInt64($0)) }
        marks.setComments(ids.prefix(2), in: "s", read: true)
        _ = marks.takeJournal()
        marks.setComments(ids, in: "s", read: true)
        XCTAssertEqual(marks.takeJournal(), [.comments("s", Array(ids.suffix(3)), read: true)])
        marks.setComments(ids + ids, in: "s", read: true)
        XCTAssertEqual(marks.takeJournal(), [], "nothing changed, nothing recorded")
    }
}
