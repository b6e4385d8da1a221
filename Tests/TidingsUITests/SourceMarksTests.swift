import Foundation
import TidingsModel
import TidingsTestSupport
import XCTest
@testable import TidingsUI

/// Messages a mail client marked read start read: all of a thread's, also when the thread was listed early
/// with only some of its messages (a Maildir lists its first threads before every file is read).
final class SourceMarksTests: XCTestCase {
    func entry(_ story: Story, seen: Int) -> StoryEntry {
        var entry = StoryEntry(story: story, readState: ReadState())
        entry.summary.sourceMarks = SourceMarks(storyRead: true, readComments: story.comments.prefix(seen).map(\.id))
        return entry
    }

    func testAThreadListedEarlyTakesTheMarksOfAllItsMessagesOnceWhole() {
        let whole = StoryBuilder.story("t", comments: (0..<4).map { (0, "reply \($0)") })
        var early = whole
        early.comments = Array(whole.comments.prefix(1))
        var state = AppState(width: 80, height: 24)
        state.absorb(ParallelLoad.Batch(provisional: [entry(early, seen: 1)]))
        state.absorb(ParallelLoad.Batch(entries: [entry(whole, seen: 4)], finished: true, provisional: []))
        XCTAssertEqual(state.readState.unreadCount(of: whole), 0, "every message the client marked read")
        XCTAssertTrue(state.readState.isStoryRead("t"))
    }
}
