import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel

/// `A` `y` marks a folder read; after a restart `u` gives the unread marks back, and the state file says so.
final class MarkAllReadEndToEndTests: EndToEndTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try EndToEnd.write("First story\n\nBody one.\n\nComment one.\n  Reply one.\n", to: folder + "/stories/1.txt")
        try EndToEnd.write("Second story\n\nBody two.\n\nComment two.\n", to: folder + "/stories/2.txt")
        try EndToEnd.write("Third story\n\nBody three.\n", to: folder + "/stories/3.txt")
    }

    func reader(state: String) throws -> TmuxSession {
        try startReader([folder + "/stories", "--state", state], width: 100, height: 24)
    }

    func quit(_ tmux: TmuxSession) {
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    func testMarkAllReadThenUndoAfterARestart() throws {
        let state = folder + "/state.json"
        let first = try reader(state: state)
        first.waitFor(text: "Stories 1/3")
        first.send("A")
        first.waitFor(text: "Mark 3 stories and 3 comments read? y/n")
        first.send("y")
        first.waitFor(text: "Marked 3 stories and 3 comments read (u undoes)")
        quit(first)
        var (saved, outcome) = ReadStateStore(path: state).load()
        XCTAssertEqual(outcome, .loaded)
        XCTAssertEqual(saved.stories.count, 3)
        XCTAssertTrue(saved.stories.values.allSatisfy(\.isRead))
        XCTAssertEqual(saved.stories.values.map(\.readComments.count).sorted(), [0, 1, 2])
        XCTAssertEqual(saved.undoSteps.map(\.command), ["mark-all-read"])

        let second = try reader(state: state)
        second.waitFor(text: "Stories 1/3")
        second.send("u")
        second.waitFor(text: "Undid: marked 3 stories and 3 comments read")
        second.send("u")
        second.waitFor(text: "Nothing to undo")
        quit(second)
        (saved, outcome) = ReadStateStore(path: state).load()
        XCTAssertEqual(outcome, .loaded)
        XCTAssertTrue(saved.stories.values.allSatisfy { !$0.isRead && $0.readComments.isEmpty }, "every mark is back to unread")
        XCTAssertTrue(saved.undoSteps.isEmpty)
        let text = try String(contentsOfFile: state, encoding: .utf8)
        XCTAssertFalse(text.contains("\"undo\""), text)
    }
}
