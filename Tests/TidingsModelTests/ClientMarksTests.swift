import Foundation
import TidingsModel
import XCTest

/// A mark a mail client left (a Maildir `S` flag, `Status: R`) is taken once: a message it marks read starts
/// read unless the state already says something of that message, in a thread the state knows too.
final class ClientMarksTests: XCTestCase {
    let story = "mail:root@example.org"
    let ids = (1...4).map { CommentID(value: UInt64($0)) }

    func seen(_ indices: [Int], root: Bool = false) -> SourceMarks {
        SourceMarks(storyRead: root, readComments: indices.map { ids[$0] })
    }

    func saved(_ state: ReadState) throws -> ReadState {
        try ReadStateCoding.decode(ReadStateCoding.encode(state))
    }

    func testANewReplyTheClientMarkedReadInAThreadTheStateKnowsStartsRead() throws {
        var state = ReadState()
        state.setStory(story, read: true)
        state.setComments([ids[0]], in: story, read: true)
        state = try saved(state)
        XCTAssertTrue(state.takeClientMarks(seen([1]), storyID: story, legacyID: nil), "the new reply is taken")
        XCTAssertTrue(state.isCommentRead(ids[1], in: story))
        XCTAssertFalse(state.takeClientMarks(seen([1]), storyID: story, legacyID: nil), "taken once")
    }

    func testAMessageMarkedUnreadHereStaysUnreadThroughSaves() throws {
        var state = ReadState()
        state.takeClientMarks(seen([0, 1], root: true), storyID: story, legacyID: nil)
        XCTAssertTrue(state.isStoryRead(story))
        XCTAssertTrue(state.isCommentRead(ids[1], in: story))
        state.setComments([ids[1]], in: story, read: false)
        state.setStory(story, read: false)
        state = try saved(state)
        XCTAssertFalse(state.mayTakeClientMarks(seen([0, 1], root: true), storyID: story))
        XCTAssertFalse(state.takeClientMarks(seen([0, 1], root: true), storyID: story, legacyID: nil))
        XCTAssertFalse(state.isCommentRead(ids[1], in: story))
        XCTAssertFalse(state.isStoryRead(story))
        // The client marks another one read later: that one is taken, the other stays as it was made.
        XCTAssertTrue(state.takeClientMarks(seen([0, 1, 2]), storyID: story, legacyID: nil))
        XCTAssertTrue(state.isCommentRead(ids[2], in: story))
        XCTAssertFalse(state.isCommentRead(ids[1], in: story))
    }

    func testAThreadReadHereFirstTakesWhatTheClientMarksLater() throws {
        var state = ReadState()
        state.setStory(story, read: true)
        state = try saved(state)
        XCTAssertEqual(state.stories[story]?.takenFromClient, ClientMarks(), "a new mail entry records none taken")
        XCTAssertEqual(state.untakenClientMarks(seen([3]), storyID: story), [ids[3]])
        XCTAssertTrue(state.takeClientMarks(seen([3]), storyID: story, legacyID: nil))
        XCTAssertTrue(state.isCommentRead(ids[3], in: story))
    }

    /// An entry saved before taken marks were recorded cannot tell a message marked unread here from one it
    /// never saw: what the client marks now is recorded, not taken, and only what it marks later is.
    func testAnEntrySavedBeforeRecordsWhatTheClientMarksAndTakesOnlyLaterMarks() throws {
        let old = Data("{\"version\":2,\"stories\":{\"\(story)\":{\"read\":true}}}".utf8)
        var state = try ReadStateCoding.decode(old)
        XCTAssertNil(state.stories[story]?.takenFromClient)
        XCTAssertEqual(state.untakenClientMarks(seen([0]), storyID: story), [])
        XCTAssertTrue(state.takeClientMarks(seen([0]), storyID: story, legacyID: nil), "recorded")
        XCTAssertFalse(state.isCommentRead(ids[0], in: story))
        state = try saved(state)
        XCTAssertEqual(state.stories[story]?.takenFromClient, ClientMarks(comments: [ids[0]]))
        XCTAssertTrue(state.takeClientMarks(seen([0, 2]), storyID: story, legacyID: nil))
        XCTAssertTrue(state.isCommentRead(ids[2], in: story))
        XCTAssertFalse(state.isCommentRead(ids[0], in: story))
    }

    func testTheFileKeepsTakenMarksAndAnotherInstanceMergesThem() throws {
        var mine = ReadState()
        mine.takeClientMarks(seen([0], root: true), storyID: story, legacyID: nil)
        let text = String(decoding: ReadStateCoding.encode(mine), as: UTF8.self)
        XCTAssertTrue(text.contains("\"client\":{\"read\":true,\"comments\":\""), text)
        var disk = ReadState()
        disk.apply(mine.takeJournal())
        XCTAssertEqual(disk, mine)
        XCTAssertEqual(disk.stories[story]?.takenFromClient, ClientMarks(story: true, comments: [ids[0]]))
    }

    func testStoriesNoClientMarksRecordNone() throws {
        var state = ReadState()
        state.setStory("hn:1", read: true)
        XCTAssertNil(state.stories["hn:1"]?.takenFromClient)
        XCTAssertFalse(String(decoding: ReadStateCoding.encode(state), as: UTF8.self).contains("client"))
        XCTAssertFalse(state.mayTakeClientMarks(nil, storyID: "hn:1"))
    }

    /// A nested `client` inside `client` is skipped, not read as another level.
    func testAClientEntryIsNotNestedFurther() throws {
        let text = "{\"version\":2,\"stories\":{\"\(story)\":{\"read\":false,\"client\":{\"read\":true,\"client\":{\"read\":true}}}}}"
        let state = try ReadStateCoding.decode(Data(text.utf8))
        XCTAssertEqual(state.stories[story]?.takenFromClient, ClientMarks(story: true))
    }
}

extension ClientMarksTests {
    /// A message marked unread here before the mail client ever marked it stays unread when the client
    /// marks it read later: the state said otherwise first.
    func testAMessageMarkedUnreadHereBeforeTheClientMarksItStaysUnread() throws {
        var state = ReadState()
        state.setStory(story, read: true)
        state.setComments([ids[0]], in: story, read: true)
        state.setComments([ids[0]], in: story, read: false)
        state.setStory(story, read: false)
        state = try saved(state)
        XCTAssertFalse(state.takeClientMarks(seen([0], root: true), storyID: story, legacyID: nil))
        XCTAssertFalse(state.isCommentRead(ids[0], in: story))
        XCTAssertFalse(state.isStoryRead(story))
        XCTAssertTrue(state.takeClientMarks(seen([0, 1], root: true), storyID: story, legacyID: nil), "another is taken")
        XCTAssertTrue(state.isCommentRead(ids[1], in: story))
    }
}

extension ClientMarksTests {
    func testAMalformedClientFieldIsNamed() {
        let text = "{\"version\":2,\"stories\":{\"\(story)\":{\"read\":false,\"client\":[]}}}"
        XCTAssertThrowsError(try ReadStateCoding.decode(Data(text.utf8))) { error in
            XCTAssertEqual((error as? ReadStateCoding.DecodeError)?.description, "story \(story) has a malformed client field")
        }
    }
}

extension ClientMarksTests {
    /// A mail thread whose id moved takes the undo steps that named it: `u` after the move undoes on the
    /// thread as it is known now, here and in the file another instance saves.
    func testUndoStepsFollowAThreadWhoseIDMoved() throws {
        var state = ReadState()
        state.setStory("mail:q1@x", read: true)
        state.setComments([ids[0], ids[1]], in: "mail:q1@x", read: true)
        state.setComments([ids[1]], in: "mail:q1@x", read: false)
        state.recordUndo(UndoStep(command: "toggle-read", stories: ["mail:q1@x": .init(readComments: [ids[1]])]))
        var disk = ReadState()
        disk.apply(state.takeJournal())
        XCTAssertTrue(state.adoptLegacyMarks(storyID: "mail:q0@x", legacyID: "mail:q1@x"))
        XCTAssertEqual(state.undoSteps.first?.stories.keys.sorted(), ["mail:q0@x"])
        disk.apply(state.takeJournal())
        XCTAssertEqual(disk.undoSteps, state.undoSteps, "the file's steps follow too")
        XCTAssertNotNil(state.undoLast())
        XCTAssertTrue(state.isCommentRead(ids[1], in: "mail:q0@x"), "undone on the thread as known now")
    }
}

extension ClientMarksTests {
    /// Marking read and undoing it leaves the messages as they were: the mail client's later marks are
    /// taken, as for messages never touched (an undo is no "mark unread"). One marked unread here before
    /// the action stays held unread. Saved and merged by another instance alike.
    func testAnUndoneMarkingLeavesLaterClientMarksTheirsAgain() throws {
        var state = ReadState()
        state.setComments([ids[3]], in: story, read: true)
        state.setComments([ids[3]], in: story, read: false)  // held unread here
        _ = state.takeJournal()
        var disk = try saved(state)
        let before = state.journal.count
        state.setStory(story, read: true)
        state.setComments([ids[0], ids[3]], in: story, read: true)
        state.recordUndo(try XCTUnwrap(UndoStep(command: "mark-all-read", undoing: Array(state.journal[before...]))))
        XCTAssertNotNil(state.undoLast())
        XCTAssertFalse(state.isStoryRead(story))
        disk.apply(state.takeJournal())
        XCTAssertEqual(disk, state, "the file says the same")
        for var copy in [state, try saved(disk)] {
            XCTAssertTrue(copy.takeClientMarks(seen([0, 3], root: true), storyID: story, legacyID: nil))
            XCTAssertTrue(copy.isStoryRead(story), "read in the mail client after the undo")
            XCTAssertTrue(copy.isCommentRead(ids[0], in: story))
            XCTAssertFalse(copy.isCommentRead(ids[3], in: story), "marked unread here before: still held")
        }
    }
}
