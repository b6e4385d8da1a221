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

    /// A reply that arrived in a thread already read here, and was read in the mail client, is listed and
    /// opened read; one marked unread here stays unread.
    func testANewReplyTheClientMarkedReadInAKnownThreadIsRead() {
        let thread = StoryBuilder.story("mail:t@example.org", comments: (0..<3).map { (0, "reply \($0)") })
        let ids = thread.comments.map(\.id)
        var known = ReadState()
        known.setStory(thread.id, read: true)
        known.setComments([ids[0]], in: thread.id, read: true)
        var listed = StoryEntry(story: thread, readState: known)
        listed.summary.sourceMarks = SourceMarks(storyRead: true, readComments: [ids[1], ids[2]])
        var state = AppState(width: 80, height: 24)
        state.readState = known
        state.absorb(ParallelLoad.Batch(entries: [listed], finished: true))
        XCTAssertTrue(state.readState.isCommentRead(ids[1], in: thread.id), "taken: the state said nothing of it")
        XCTAssertTrue(state.readState.isCommentRead(ids[2], in: thread.id), "taken")
        state.changeReadState { $0.setComments([ids[2]], in: thread.id, read: false) }
        state.absorb(ParallelLoad.Batch(entries: [listed], finished: true))
        XCTAssertFalse(state.readState.isCommentRead(ids[2], in: thread.id), "marked unread here: stays unread")
    }
}

extension SourceMarksTests {
    /// A message the mail client marks read while the reader runs (a Maildir message moved to `cur/` with
    /// `S`) is taken as read: the open thread, read again, shows it read, not new (the reader did not read
    /// it here); one shown in this visit stays new.
    func testAMessageTheClientMarksReadWhileTheReaderRunsIsTakenAndNotNew() {
        let thread = StoryBuilder.story("mail:t@example.org", comments: (0..<3).map { (0, "reply \($0)") })
        let ids = thread.comments.map(\.id)
        var first = StoryEntry(story: thread, readState: ReadState())
        first.summary.sourceMarks = SourceMarks(storyRead: true, readComments: [ids[0]])
        var state = AppState(width: 120, height: 40)
        state.absorb(ParallelLoad.Batch(entries: [first], finished: true))
        state.receive(.success(thread), at: 0)
        _ = state.takeEffects()
        XCTAssertEqual((0..<3).map(state.isNew(comment:)), [false, true, true])
        var again = StoryEntry(story: thread, readState: state.readState)
        again.summary.sourceMarks = SourceMarks(storyRead: true, readComments: [ids[0], ids[2]])
        state.applyChanges(CollectionUpdate(files: [thread.source.path], entries: [again]))
        XCTAssertTrue(state.readState.isCommentRead(ids[2], in: thread.id), "taken when it came")
        XCTAssertEqual(state.takeEffects().compactMap { if case .loadStory(let index, _) = $0 { index } else { nil } }, [1])
        state.receive(.success(thread), at: 1)
        XCTAssertEqual((0..<3).map(state.isNew(comment:)), [false, true, false], "read in the client: not new")
    }

    /// The same, through another copy of the thread: the open one is not read again, and shows the message
    /// read all the same.
    func testAMessageTheClientMarksReadInAnotherCopyIsNotNewInTheOpenOne() {
        var thread = StoryBuilder.story("mail:t@example.org", comments: (0..<3).map { (0, "reply \($0)") })
        thread.source = SourceReference(path: "inbox.mbox")
        var copy = thread
        copy.source = SourceReference(path: "archive.mbox")
        let ids = thread.comments.map(\.id)
        var state = AppState(width: 120, height: 40)
        state.absorb(ParallelLoad.Batch(entries: [StoryEntry(story: thread, readState: ReadState()), StoryEntry(story: copy, readState: ReadState())],
                                        finished: true))
        state.receive(.success(thread), at: 0)
        XCTAssertTrue(state.isNew(comment: 2))
        var marked = StoryEntry(story: copy, readState: state.readState)
        marked.summary.sourceMarks = SourceMarks(storyRead: true, readComments: [ids[2]])
        state.applyChanges(CollectionUpdate(files: ["archive.mbox"], entries: [marked]))
        XCTAssertEqual(state.selectedStory, 0)
        XCTAssertTrue(state.readState.isCommentRead(ids[2], in: thread.id))
        XCTAssertFalse(state.isNew(comment: 2), "read in the client, not here: not new")
    }
}
