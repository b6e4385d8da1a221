import Foundation
import XCTest
import TidingsTestSupport

/// Thread moves, whole-story folds and unread steps in the real binary: the comment pane's title says which
/// comment is selected ("Comments 7/13") and how many are hidden in folds ("(13 in all)").
final class ThreadMovesEndToEndTests: EndToEndTestCase {
    func testThreadMovesFoldsAndUnreadSteps() throws {
        try EndToEnd.write("""
            Nested discussion
            Category: Tests
            Via: tester • today • 13 comments

            A story whose comments nest three deep.

            alpha
              alpha one
                alpha one x
                alpha one y
              alpha two
            bravo
              bravo one
                bravo one x
                  bravo deep
              bravo two
            charlie
            delta
              delta one
            """, to: folder + "/stories/nested.txt")
        let tmux = try startReader([folder + "/stories", "--state", folder + "/state.json"], width: 80, height: 24)
        tmux.waitFor(text: "Nested discussion")
        tmux.send("Enter")
        tmux.waitFor(text: "Comments 1/13")
        // Each key, then what the screen must show after it.
        let steps: [(keys: String, shows: [String])] = [
            ("}", ["Comments 6/13"]),  // bravo
            ("l", ["Comments 7/13"]),
            ("l", ["Comments 8/13"]),
            ("l", ["Comments 9/13"]),  // bravo deep
            ("P", ["Comments 8/13"]),
            ("P", ["Comments 7/13"]),  // bravo one
            ("]", ["Comments 10/13"]),  // bravo two
            ("]", ["Comments 10/13", "No next comment at this level"]),
            ("[", ["Comments 7/13"]),
            ("}", ["Comments 11/13"]),  // charlie
            ("C", ["Comments 3/4 (13 in all)", "3 threads collapsed", "[+4] alpha", "[+4] bravo", "[+1] delta"]),
            ("E", ["Comments 11/13", "Every thread expanded", "bravo deep"]),
            ("c", ["Comments 3/4 (13 in all)", "3 read threads collapsed"]),  // all read by being shown
            ("{", ["Comments 2/4 (13 in all)"]),
            ("{", ["Comments 1/4 (13 in all)"]),  // alpha, folded
            ("r", ["Marked unread with 4 replies"]),
            ("n", ["Comments 2/8 (13 in all)", "alpha one x"]),  // into the folded thread, opened
            ("N", ["Comments 1/8 (13 in all)"]),
            ("c", ["Comments 1/8 (13 in all)", "The read threads are collapsed already"]),
        ]
        for step in steps {
            tmux.send("-l", step.keys)
            tmux.waitFor("\(step.shows) after \(step.keys)") { screen in step.shows.allSatisfy { screen.contains($0) } }
        }
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }
}
