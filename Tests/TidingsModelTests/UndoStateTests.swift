import Foundation
import XCTest
@testable import TidingsModel

/// Undo steps kept with the read marks: exact inverses, capped, saved by the same atomic save, merged between
/// two instances, and absent from older files.
final class UndoStateTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tidings-undo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    let ids = (1...6).map { CommentID(value: UInt64($0) * 977) }

    /// Marks like one command would, and keeps it as an undo step.
    @discardableResult
    func act(_ state: inout ReadState, _ command: String = "mark-all-read", _ body: (inout ReadState) -> Void) -> UndoStep? {
        let before = state.journal.count
        body(&state)
        guard let step = UndoStep(command: command, undoing: Array(state.journal.dropFirst(before))) else { return nil }
        state.recordUndo(step)
        return step
    }

    func testAStepRestoresExactlyTheMarksBefore() {
        var state = ReadState()
        state.setComments(ids.prefix(2), in: "s", read: true)  // read before: must stay read
        state.setStory("t", read: true)
        let before = state
        let step = act(&state) {
            $0.setStory("s", read: true)
            $0.setComments(self.ids, in: "s", read: true)
            $0.setStory("t", read: true)  // already read: not part of the step
        }
        XCTAssertEqual(step?.stories.keys.sorted(), ["s"])
        XCTAssertEqual(step?.stories["s"], UndoStep.Restore(read: false, unreadComments: Array(ids.suffix(4)).sorted()))
        XCTAssertEqual(step?.summary, "marked 1 story and 4 comments read")
        XCTAssertEqual(state.undoLast(), step)
        XCTAssertEqual(state, before, "comments read before stay read, nothing else changes")
        XCTAssertTrue(state.undoSteps.isEmpty)
        XCTAssertNil(state.undoLast(), "nothing left to undo")
    }

    func testMarkingUnreadIsUndoneToo() {
        var state = ReadState()
        state.setStory("s", read: true)
        state.setComments(ids, in: "s", read: true)
        let before = state
        let step = act(&state, "toggle-read") {
            $0.setStory("s", read: false)
            $0.setComments(self.ids.prefix(3), in: "s", read: false)
        }
        XCTAssertEqual(step?.summary, "marked 1 story and 3 comments unread")
        _ = state.undoLast()
        XCTAssertEqual(state, before)
    }

    func testAnActionThatChangesNothingMakesNoStep() {
        var state = ReadState()
        state.setStory("s", read: true)
        XCTAssertNil(act(&state) { $0.setStory("s", read: true) })
        XCTAssertNil(UndoStep(command: "x", undoing: [.story("s", read: true), .story("s", read: false)]), "changed and changed back")
    }

    func testFiftyStepsAreKeptAndTheOldestGoFirst() {
        var state = ReadState()
        for number in 0..<60 { act(&state) { $0.setStory("s\(number)", read: true) } }
        XCTAssertEqual(state.undoSteps.count, ReadState.undoStepsKept)
        XCTAssertEqual(state.undoSteps.first?.stories.keys.first, "s10")
        XCTAssertEqual(state.undoSteps.last?.stories.keys.first, "s59")
    }

    func testTheListIsCappedInBytesButTheNewestStepStays() {
        var state = ReadState()
        let many = (0..<100_000).map { CommentID(value: UInt64($0)) }
        act(&state) { $0.setComments(many, in: "a", read: true) }
        act(&state) { $0.setComments(many, in: "b", read: true) }
        XCTAssertEqual(state.undoSteps.map { $0.stories.keys.first }, ["b"], "600 KB each: the older one goes past 1 MB")
        let huge = (0..<300_000).map { CommentID(value: UInt64($0)) }
        act(&state) { $0.setComments(huge, in: "c", read: true) }
        XCTAssertEqual(state.undoSteps.map { $0.stories.keys.first }, ["c"], "the last action can always be undone")
    }

    func testStepsRoundTripThroughTheFile() throws {
        var state = ReadState()
        state.setComments(ids.prefix(1), in: "s", read: true)
        act(&state) {
            $0.setStory("s", read: true)
            $0.setComments(self.ids, in: "s", read: true)
            $0.setStory("odd \"id\"/é", read: true)
        }
        act(&state, "toggle-read") { $0.setComments(self.ids.prefix(2), in: "s", read: false) }
        let store = ReadStateStore(path: folder + "/state.json")
        try store.save(changes: state.takeJournal(), fallback: state)
        let text = try String(contentsOfFile: folder + "/state.json", encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("{\"version\":2,"), "adding the undo list needs no new version: older builds skip it")
        XCTAssertTrue(text.contains("\"undo\":["))
        var (loaded, outcome) = store.load()
        XCTAssertEqual(outcome, .loaded)
        XCTAssertEqual(loaded.undoSteps, state.undoSteps)
        XCTAssertEqual(loaded, state)
        // After a restart the steps still undo, newest first, and the undo is saved too.
        XCTAssertEqual(loaded.undoLast()?.command, "toggle-read")
        XCTAssertEqual(loaded.undoLast()?.command, "mark-all-read")
        try store.save(changes: loaded.takeJournal(), fallback: loaded)
        let final = store.load().0
        XCTAssertTrue(final.undoSteps.isEmpty)
        XCTAssertEqual(final.stories["s"], ReadState.StoryMarks(isRead: false, readComments: [ids[0]]))
        XCTAssertFalse(final.isStoryRead("odd \"id\"/é"))
    }

    func testAFileWithoutUndoIsReadAndOneWithoutStepsHasNoKey() throws {
        let path = folder + "/state.json"
        try Data("{\"version\":2,\"stories\":{\"s\":{\"read\":true}}}".utf8).write(to: URL(fileURLWithPath: path))
        let (state, outcome) = ReadStateStore(path: path).load()
        XCTAssertEqual(outcome, .loaded)
        XCTAssertTrue(state.isStoryRead("s"))
        XCTAssertTrue(state.undoSteps.isEmpty)
        XCTAssertFalse(String(decoding: ReadStateCoding.encode(state), as: UTF8.self).contains("undo"))
        // A version-1 file has no undo list; a key of that name there is skipped like any unknown key.
        let old = try ReadStateCoding.decode(Data("{\"version\":1,\"stories\":{},\"undo\":7}".utf8))
        XCTAssertTrue(old.undoSteps.isEmpty)
    }

    func testAMalformedStepMakesTheFileUnreadable() {
        for undo in ["7", "[7]", "[{\"stories\":{}}]", "[{\"command\":\"x\",\"stories\":{\"s\":{\"unread\":\"abc\"}}}]"] {
            XCTAssertThrowsError(try ReadStateCoding.decode(Data("{\"version\":2,\"stories\":{},\"undo\":\(undo)}".utf8)), undo)
        }
    }

    /// What a build that knows nothing of undo does with a newer file: it reads the marks, skips the list.
    func testABuildThatSkipsTheUndoKeyKeepsEveryMark() throws {
        var state = ReadState()
        act(&state) { $0.setStory("s", read: true); $0.setComments(self.ids, in: "s", read: true) }
        var text = String(decoding: ReadStateCoding.encode(state), as: UTF8.self)
        // An older reader's view: the same file with the undo list renamed to a key it does not know.
        text = text.replacingOccurrences(of: "\"undo\":", with: "\"future\":")
        let older = try ReadStateCoding.decode(Data(text.utf8))
        XCTAssertEqual(older, state, "every mark is there")
        XCTAssertTrue(older.undoSteps.isEmpty)
    }

    func testMarksAndStepsAreSavedTogether() throws {
        let path = folder + "/state.json"
        let store = ReadStateStore(path: path)
        var state = ReadState()
        state.setStory("first", read: true)
        try store.save(changes: state.takeJournal(), fallback: state)
        act(&state) { $0.setStory("s", read: true); $0.setComments(self.ids, in: "s", read: true) }
        try store.save(changes: state.takeJournal(), fallback: state)
        // The backup is the file as it was before the last save, as a crash before its rename would have
        // left it: neither the marks nor the step.
        let (old, _) = ReadStateStore(path: store.backupPath).load()
        XCTAssertFalse(old.isStoryRead("s"))
        XCTAssertTrue(old.undoSteps.isEmpty)
        // A save killed half way leaves a temporary file: it is ignored and removed at the next start.
        let leftover = folder + "/.state.json.tmp-KILLED"
        try Data("{\"version\":2,\"stories\":{\"s\":{\"re".utf8).write(to: URL(fileURLWithPath: leftover))
        // A crash after the last save loses what came after it, marks and steps alike.
        act(&state, "toggle-read") { $0.setStory("s", read: false) }
        var (loaded, outcome) = store.load()
        XCTAssertEqual(outcome, .loaded)
        XCTAssertFalse(FileManager.default.fileExists(atPath: leftover))
        XCTAssertTrue(loaded.isStoryRead("s"))
        XCTAssertEqual(loaded.undoSteps.map(\.command), ["mark-all-read"])
        _ = loaded.undoLast()
        XCTAssertFalse(loaded.isStoryRead("s"))
        XCTAssertFalse(loaded.isCommentRead(ids[0], in: "s"))
        XCTAssertTrue(loaded.isStoryRead("first"))
    }

    func testTwoInstancesAppendTheirStepsAndEachUndoesItsOwn() throws {
        let store = ReadStateStore(path: folder + "/state.json")
        var first = ReadState(), second = ReadState()
        act(&first) { $0.setStory("a", read: true) }
        act(&second) { $0.setStory("b", read: true) }
        try store.save(changes: first.takeJournal(), fallback: first)
        try store.save(changes: second.takeJournal(), fallback: second)
        var onDisk = store.load().0
        XCTAssertEqual(onDisk.undoSteps.map { $0.stories.keys.first }, ["a", "b"], "appended in the order saved")
        // The first undoes its own step: the second's stays in the file.
        _ = first.undoLast()
        try store.save(changes: first.takeJournal(), fallback: first)
        onDisk = store.load().0
        XCTAssertEqual(onDisk.undoSteps.map { $0.stories.keys.first }, ["b"])
        XCTAssertFalse(onDisk.isStoryRead("a"))
        XCTAssertTrue(onDisk.isStoryRead("b"))
        // Both undo the same step (both started from a file holding it): the marks come back once, the step
        // leaves once, and the other steps stay.
        var third = onDisk, fourth = onDisk
        act(&third) { $0.setStory("c", read: true) }
        try store.save(changes: third.takeJournal(), fallback: third)
        XCTAssertEqual(fourth.undoLast()?.stories.keys.first, "b")
        try store.save(changes: fourth.takeJournal(), fallback: fourth)
        var fifth = store.load().0
        XCTAssertEqual(fifth.undoSteps.map { $0.stories.keys.first }, ["c"])
        XCTAssertEqual(fifth.undoLast()?.stories.keys.first, "c")
        XCTAssertFalse(fifth.isStoryRead("b"))
        XCTAssertFalse(fifth.isStoryRead("c"))
    }
}
