import Foundation
import XCTest
import TidingsTestSupport

/// Space alone reads a folder from the first story to "nothing unread", in the real binary; after a
/// restart the marks are still there, and `H` hides the read stories, keeping the selected one until the
/// selection moves off it.
final class ReadOnEndToEndTests: EndToEndTestCase {
    func story(_ title: String, comments: [String]) -> String {
        """
        \(title)
        Category: Tests
        Via: tester • today • \(comments.count) comments

        The text of \(title.lowercased()).

        \(comments.joined(separator: "\n"))
        """
    }

    func testSpaceReadsTheFolderAndHHidesWhatWasRead() throws {
        try EndToEnd.write(story("First story", comments: ["first reply a", "  first reply b"]), to: folder + "/stories/1-first.txt")
        try EndToEnd.write(story("Second story", comments: []), to: folder + "/stories/2-second.txt")
        try EndToEnd.write(story("Third story", comments: ["third reply"]), to: folder + "/stories/3-third.txt")
        let arguments = [folder + "/stories", "--state", folder + "/state.json"]
        var tmux = try startReader(arguments, width: 80, height: 24)
        tmux.waitFor(text: "Third story")
        // Each Space, then what the screen must show after it.
        let reading: [[String]] = [
            ["The text of first story."],  // opened at its text
            ["Comments 1/2", "first reply a", "first reply b"],  // the text fits: on to the comments
            ["Next unread story", "Stories 2/3", "The text of second story."],  // the comments fit: on
            ["Next story with unread comments", "Stories 3/3", "The text of third story."],  // no comments: straight on
            ["Comments 1/1", "third reply"],
            ["Nothing unread left in the collection"],
        ]
        for (step, shows) in reading.enumerated() {
            tmux.send("Space")
            tmux.waitFor("\(shows) after Space \(step + 1)") { screen in shows.allSatisfy { screen.contains($0) } }
        }
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }

        // After a restart everything is read: hiding read stories leaves only the selection, and says so.
        tmux = try startReader(arguments, width: 80, height: 24)
        // It reopens where it was left (the session file): the third story's comments; back to the list's top.
        tmux.waitFor("the third story's comments") { $0.contains("Comments 1/1 · Third story") && $0.contains("third reply") }
        tmux.send("Escape")
        // Apart, so the terminal does not read Escape and g as Alt-g.
        tmux.waitFor(text: "Stories 3/3")
        tmux.send("g")
        tmux.waitFor(text: "Stories 1/3")
        XCTAssertFalse(tmux.capture().contains("●"), "no story is unread:\n\(tmux.capture())")
        let steps: [(keys: String, shows: [String], hides: [String])] = [
            ("H", ["Stories 1/1 (3 in all", "No unread stories: H shows all"], ["Second story"]),
            ("H", ["Stories 1/3", "Every story shown", "Second story", "Third story"], []),
            ("jr", ["Stories 2/3", "Story marked unread with its comments"], []),
            ("k", ["Stories 1/3"], []),
            // The first story is read but selected: it stays until the selection moves off it.
            ("H", ["Stories 1/2 (3 in all", "1 read story hidden", "Second story"], ["Third story"]),
            ("j", ["Stories 1/1 (3 in all", "Second story"], ["First story", "Third story"]),
            ("H", ["Stories 2/3", "First story", "Third story"], []),
        ]
        for step in steps {
            tmux.send("-l", step.keys)
            tmux.waitFor("\(step.shows), not \(step.hides), after \(step.keys)") { screen in
                step.shows.allSatisfy { screen.contains($0) } && !step.hides.contains { screen.contains($0) }
            }
        }
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }
}
