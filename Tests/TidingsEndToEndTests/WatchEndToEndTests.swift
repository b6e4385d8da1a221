import Foundation
import XCTest
import TidingsTestSupport

/// The folder is watched while the reader runs: a story written, removed and edited shows in the list within
/// a second, the selection staying on its story; `R` rescans, and finds what `--no-watch` left unseen.
final class WatchEndToEndTests: EndToEndTestCase {
    func write(_ name: String, title: String, comments: [String]) throws {
        try EndToEnd.write("""
            \(title)
            Via: tester • 1 hour ago • \(comments.count) comments

            A story on disk.

            \(comments.joined(separator: "\n"))
            """, to: folder + "/stories/" + name)
    }

    func writeThree() throws {
        try write("a.txt", title: "Alpha harbour", comments: ["first on alpha", "  its reply"])
        try write("b.txt", title: "Bravo trains", comments: ["first on bravo"])
        try write("c.txt", title: "Charlie stars", comments: ["first on charlie", "second on charlie"])
    }

    /// The story list's row for a title, as on screen.
    func row(_ screen: String, _ title: String) -> String {
        screen.split(separator: "\n").first { $0.contains(title) }.map(String.init) ?? ""
    }

    func testChangesOnDiskShowUpWithinASecond() throws {
        try writeThree()
        let tmux = try startReader([folder + "/stories", "--state", folder + "/state.json"], width: 100, height: 24)
        tmux.waitFor(text: "Stories 1/3")
        tmux.send("j")
        tmux.waitFor(text: "Stories 2/3")

        // Added: listed within a second, the selection still on Bravo.
        var started = Date()
        try write("d.txt", title: "Delta canal", comments: ["only one"])
        var screen = tmux.waitFor("Delta listed", timeout: 3) { $0.contains("Delta canal") && $0.contains("Stories 2/4") }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.5, "listed within about a second")
        XCTAssertTrue(screen.contains("first on bravo"), "Bravo is still the story shown:\n\(screen)")

        // Removed: it leaves; the selection stays on Bravo, now with one story fewer above it.
        try FileManager.default.removeItem(atPath: folder + "/stories/a.txt")
        screen = tmux.waitFor("Alpha gone", timeout: 3) { !$0.contains("Alpha harbour") && $0.contains("Stories 1/3") }
        XCTAssertTrue(screen.contains("first on bravo"), screen)

        // Edited: Charlie has a new comment, its count says so, in its place.
        started = Date()
        try write("c.txt", title: "Charlie stars", comments: ["first on charlie", "second on charlie", "third on charlie"])
        screen = tmux.waitFor("Charlie with three comments", timeout: 3) { self.row($0, "Charlie stars").contains("3 new") }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.5)
        XCTAssertTrue(screen.contains("Stories 1/3"), screen)
        let lines = screen.split(separator: "\n")
        let order = ["Bravo trains", "Charlie stars", "Delta canal"].compactMap { title in lines.firstIndex { $0.contains(title) } }
        XCTAssertEqual(order, order.sorted(), "Charlie kept its row:\n\(screen)")

        // Nothing is left for a rescan to find.
        tmux.send("R")
        tmux.waitFor(text: "Nothing changed")

        // Added between two others by name: in its place in load order, not at the end; the title's unread
        // tally counts it (nothing was opened: every story and comment is unread).
        try write("ca.txt", title: "Canary wharf", comments: ["one", "two"])
        screen = tmux.waitFor("Canary listed between Charlie and Delta", timeout: 3) { screen in
            let lines = screen.split(separator: "\n")
            let order = ["Bravo trains", "Charlie stars", "Canary wharf", "Delta canal"].compactMap { title in lines.firstIndex { $0.contains(title) } }
            return order.count == 4 && order == order.sorted()
        }
        XCTAssertTrue(screen.contains("Stories 1/4 · 4 unread (7 comments)"), screen)
        try FileManager.default.removeItem(atPath: folder + "/stories/ca.txt")
        tmux.waitFor("Canary gone", timeout: 3) { !$0.contains("Canary wharf") && $0.contains("Stories 1/3 · 3 unread (5 comments)") }

        // The selected story removed: the next row is selected, and the status line says why.
        try FileManager.default.removeItem(atPath: folder + "/stories/b.txt")
        screen = tmux.waitFor("Bravo gone, Charlie shown", timeout: 3) {
            $0.contains("Story removed from disk") && $0.contains("Stories 1/2") && $0.contains("first on charlie")
        }
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder + "/stories").sorted(), ["c.txt", "d.txt", "more"],
                       "nothing written in the collection")
    }

    /// With `--no-watch`, changes wait for `R`, which says what it found.
    func testRescanFindsWhatWasNotWatched() throws {
        try writeThree()
        let tmux = try startReader([folder + "/stories", "--state", folder + "/state.json", "--no-watch"], width: 100, height: 24)
        tmux.waitFor(text: "Stories 1/3")
        try write("d.txt", title: "Delta canal", comments: [])
        try write("b.txt", title: "Bravo trains", comments: ["first on bravo", "second on bravo"])
        try FileManager.default.removeItem(atPath: folder + "/stories/c.txt")
        Thread.sleep(forTimeInterval: 1.2)
        let before = tmux.capture()
        XCTAssertTrue(before.contains("Charlie stars") && !before.contains("Delta canal"), "not watched:\n\(before)")
        tmux.send("R")
        let screen = tmux.waitFor(text: "1 new story, 1 changed, 1 removed", timeout: 3)
        XCTAssertTrue(screen.contains("Delta canal") && !screen.contains("Charlie stars") && screen.contains("Stories 1/3"), screen)
        XCTAssertTrue(row(screen, "Bravo trains").contains("2 new"), screen)
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }
}
