import Foundation
import XCTest
import TidingsTestSupport

/// The sort and the place in a story outlive the reader: sorted newest first, a story opened with a thread
/// folded and a comment selected, quit; started again, the reader is back there.
final class SortAndSessionEndToEndTests: EndToEndTestCase {
    func testTheReaderReopensWhereTheUserLeftOff() throws {
        let stories: [(file: String, title: String, age: String)] = [
            ("a.txt", "Alpha harbour news", "two weeks ago"),
            ("b.txt", "Bravo night trains", "1 hour ago"),
            ("c.txt", "Charlie star watch", "3 days ago"),
        ]
        for story in stories {
            try EndToEnd.write("""
                \(story.title)
                Via: tester • \(story.age) • 6 comments

                A story to sort.

                first thread on \(story.file)
                  reply one
                  reply two
                second thread on \(story.file)
                  its reply
                third thread
                """, to: folder + "/stories/" + story.file)
        }
        let arguments = [folder + "/stories", "--state", folder + "/state.json"]
        var tmux = try startReader(arguments, width: 120, height: 40)
        tmux.waitFor(text: "Stories 1/3")
        tmux.send("s")
        // The selection stays on Alpha, now the last row.
        tmux.waitFor("newest first, Bravo on top") { screen in
            screen.contains("Stories 3/3 · newest") && screen.contains("Sorted newest first")
                && self.rowOrder(screen, ["Bravo", "Charlie", "Alpha"])
        }
        // The second story of the sorted list, its first thread folded, the reply of the second selected.
        tmux.send("g")
        tmux.send("j")
        tmux.waitFor(text: "Stories 2/3 · newest")
        tmux.send("Enter")
        tmux.waitFor(text: "Comments 1/6")
        tmux.send("h")
        tmux.waitFor(text: "Comments 1/4 (6 in all)")
        tmux.send("j")
        tmux.send("j")
        tmux.waitFor(text: "Comments 3/4 (6 in all)")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
        let session = try String(contentsOfFile: folder + "/state.json.session.json", encoding: .utf8)
        XCTAssertTrue(session.contains(#""sort":"newest""#), session)

        tmux = try startReader(arguments, width: 120, height: 40)
        let screen = tmux.waitFor("the same sort, story, comment and fold") { screen in
            screen.contains("Stories 2/3 · newest") && screen.contains("Comments 3/4 (6 in all)")
                && screen.contains("first thread on c.txt") && screen.contains("[+2]")
        }
        XCTAssertTrue(rowOrder(screen, ["Bravo", "Charlie", "Alpha"]), screen)
        // The selected comment is the second thread's reply: one step up is its thread.
        tmux.send("k")
        tmux.waitFor(text: "Comments 2/4 (6 in all)")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    /// Whether the titles appear on the screen's lines in this order.
    func rowOrder(_ screen: String, _ titles: [String]) -> Bool {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let rows = titles.compactMap { title in lines.firstIndex { $0.contains(title) } }
        return rows.count == titles.count && rows == rows.sorted()
    }
}
