import Foundation
import XCTest
import TidingsTestSupport

/// Emoji sequences in the real binary: what reaches the terminal is every part of a ZWJ sequence and every
/// skin tone (none dropped), and the rows keep their width, so counts and borders line up at 80x24 and 30x8.
final class EmojiEndToEndTests: EndToEndTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try EndToEnd.write("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Emoji test</title><id>tag:example.com,2024:emoji</id>
            <updated>2024-01-01T00:00:00Z</updated>
            <entry><title>Emoji 👨‍👩‍👧‍👦 family ❤️ heart 🏳️‍🌈 end</title><id>tag:example.com,2024:emoji-1</id>
            <updated>2024-01-01T00:00:00Z</updated><content type="text">👍🏽 thumbs 🤷‍♀️ shrug</content></entry>
            </feed>
            """, to: folder + "/stories/emoji.atom")
        try EndToEnd.write("""
            A family 👨‍👩‍👧 and a coder 🧑🏿‍💻 in a title
            Via: someone • 1 day ago

            Body text.

            @@ 👨‍👩‍👧 • 22 hours ago @@ We are a family.
            """, to: folder + "/stories/family.txt")
    }

    /// Columns as this tmux draws the text it shows: emoji two, the heart, the sign and the white flag one
    /// (their variation selector does not widen them here), the selector none.
    func columns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { total, scalar in
            let value = scalar.value
            if value == 0xFE0F { return total }
            if value >= 0x1F000 && value != 0x1F3F3 { return total + 2 }
            return total + 1
        }
    }

    func testEveryPartReachesTheTerminalAndRowsKeepTheirWidth() throws {
        for (width, height) in [(80, 24), (30, 8)] {
            let size = "\(width)x\(height)"
            // A state of its own per size: the session would open the second run where the first ended.
            let tmux = try startReader([folder + "/stories", "--state", folder + "/state-\(size).json"], width: width, height: height)
            var screen = tmux.waitFor("the list") { $0.contains("Stories 1/2") && $0.contains("q quit") }
            XCTAssertTrue(screen.contains("👨👩👧👦"), "\(size): the whole family\n\(screen)")
            XCTAssertTrue(screen.contains("🏳️ 🌈 end"), "\(size): the rainbow kept\n\(screen)")
            if width >= 80 { XCTAssertTrue(screen.contains("👨👩👧 and a coder 🧑 🏿💻"), "\(size)\n\(screen)") }
            // The story's row ends in its count at the right edge, and the feed item's (no comments, no count)
            // in its title, cut two columns short of it at 30: every cell before them is where it should be.
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertEqual(columns(rows[2]), width - 1, "\(size): '\(rows[2])'")
            if rows[1].hasSuffix("…") { XCTAssertEqual(columns(rows[1]), width - 2, "\(size): '\(rows[1])'") }
            XCTAssertTrue(rows[1].hasSuffix("…") || rows[1].hasSuffix("end"), "\(size): '\(rows[1])'")
            tmux.send("Tab")
            for _ in 0..<4 { tmux.send("Down") }
            screen = tmux.waitFor("the text") { $0.contains("shrug") }
            XCTAssertTrue(screen.contains("👍 🏽 thumbs 🤷♀️"), "\(size): the skin tone and the sign kept\n\(screen)")
            tmux.send("Escape")
            // Esc and an arrow sent at once would read as one sequence.
            Thread.sleep(forTimeInterval: 0.3)
            tmux.send("Down")
            tmux.waitFor(text: "Stories 2/2")
            tmux.send("Enter")
            screen = tmux.waitFor(text: "We are a family")
            XCTAssertTrue(screen.contains("👨👩👧 · 22 hours ago"), "\(size): the author whole\n\(screen)")
            tmux.send("q")
            tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
        }
    }
}
