import Foundation
import XCTest
import TidingsTestSupport

/// Bracketed paste in the real binary: pasted text goes into the search line with its line break made a
/// space, and a paste outside a line runs nothing (a pasted `q` does not quit).
final class PasteEndToEndTests: EndToEndTestCase {
    func testAPasteIsTextNeverKeys() throws {
        try EndToEnd.write("Harbour ferry returns\nCategory: Local\n\nThe ferry is back.\n\nA comment.\n", to: folder + "/stories/ferry.txt")
        try EndToEnd.write("Quiet week\n\nNothing.\n\nAnother.\n", to: folder + "/stories/quiet.txt")
        let tmux = try startReader([folder + "/stories", "--state", folder + "/state.json"], width: 80, height: 24)
        tmux.waitFor(text: "Stories 1/2")
        _ = TmuxSession.run(["tmux", "-L", tmux.socket, "set-buffer", "-b", "p1", "q"])
        _ = TmuxSession.run(["tmux", "-L", tmux.socket, "paste-buffer", "-p", "-b", "p1", "-t", tmux.name])
        tmux.waitFor(text: "Pasted text ignored")
        XCTAssertFalse(tmux.hasExited, "a pasted q does not quit")
        tmux.send("/")
        tmux.waitFor(text: "Search:")
        _ = TmuxSession.run(["tmux", "-L", tmux.socket, "set-buffer", "-b", "p2", "ferry\nr"])
        _ = TmuxSession.run(["tmux", "-L", tmux.socket, "paste-buffer", "-p", "-b", "p2", "-t", tmux.name])
        tmux.waitFor(text: "Search: ferry r")
        tmux.send("C-u")
        tmux.send("-l", "ferry")
        tmux.send("Enter")
        tmux.waitFor(text: "Stories 1/1 (2 in all")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }
}
