import Foundation
import XCTest
import TidingsTestSupport

/// The real binary in tmux without colour: with `NO_COLOR` set, and on a terminal whose terminfo has no
/// colours, no colour code reaches the terminal, while selection and unread still show as reverse and bold.
/// An empty `NO_COLOR` does not count.
final class NoColorEndToEndTests: EndToEndTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try EndToEnd.write("""
            Harbour ferry returns after a winter of repairs
            Via: tidewatcher • two weeks ago

            The old harbour ferry is back in service.

            Finally, my commute is back to twenty minutes.
              Does anyone know if the night service is back too?
              Yes, until midnight.
            """, to: folder + "/stories/01-ferry.txt")
        try EndToEnd.write("""
            A quiet week at the observatory
            Via: stargazer • one day ago

            Clouds covered the sky for six nights in a row.
            """, to: folder + "/stories/02-observatory.txt")
    }

    func reader(environment: [String]) throws -> TmuxSession {
        let command = EndToEnd.command(binary, [folder + "/stories", "--state", folder + "/state.json"], environment: environment)
        let tmux = try TmuxSession(command: command, width: 80, height: 24)
        tmux.waitFor("the stories") { $0.contains("Stories 1/2") && $0.contains("A quiet week") && $0.contains("q quit") }
        return tmux
    }

    func testNoColorDrawsWithAttributesAlone() throws {
        let tmux = try reader(environment: ["NO_COLOR=1"])
        var screen = tmux.captureStyled()
        XCTAssertEqual(screen.colorCodes, [], "no colour with NO_COLOR=1:\n\(screen.raw)")
        // The focused list's selection is reversed, and bold as it is unread; the other unread story bold.
        let selected = try XCTUnwrap(screen.attributes(of: "Harbour ferry"))
        XCTAssertTrue(selected.reverse && selected.bold, "\(selected)")
        let unread = try XCTUnwrap(screen.attributes(of: "A quiet week"))
        XCTAssertTrue(unread.bold && !unread.reverse, "\(unread)")
        let marker = try XCTUnwrap(screen.attributes(of: "● A quiet"))
        XCTAssertTrue(marker.bold)
        XCTAssertTrue(try XCTUnwrap(screen.attributes(of: " Stories 1/2")).reverse, "the focused pane's title")

        // Opened, then left: the ferry story is read (plain); the selection moved to the other story.
        tmux.send("Enter")
        tmux.waitFor(text: "Comments 1/3")
        screen = tmux.captureStyled()
        XCTAssertEqual(screen.colorCodes, [], "no colour in the comments either:\n\(screen.raw)")
        tmux.send("Escape")
        // Esc and an arrow sent at once would read as one sequence: the list is focused first.
        tmux.waitFor(text: "Enter open")
        tmux.send("Down")
        tmux.waitFor(text: "Stories 2/2")
        Thread.sleep(forTimeInterval: 0.2)
        screen = tmux.captureStyled()
        XCTAssertEqual(screen.colorCodes, [])
        let read = try XCTUnwrap(screen.attributes(of: "Harbour ferry"))
        XCTAssertFalse(read.bold || read.reverse || read.underline, "a read story is plain: \(read)")
        XCTAssertTrue(try XCTUnwrap(screen.attributes(of: "A quiet week")).reverse)
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    func testAnEmptyNoColorKeepsTheColours() throws {
        let tmux = try reader(environment: ["NO_COLOR="])
        let screen = tmux.captureStyled()
        XCTAssertFalse(screen.colorCodes.isEmpty, "colours with NO_COLOR empty:\n\(screen.raw)")
        XCTAssertTrue(try XCTUnwrap(screen.attributes(of: "● A quiet")).colored, "the unread marker in its colour")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    func testATerminalWithoutColoursLooksTheSame() throws {
        guard TmuxSession.run(["infocmp", "xterm-mono"]).status == 0 else {
            throw XCTSkip("this system has no terminfo entry for xterm-mono")
        }
        let mono = try reader(environment: ["NO_COLOR=", "TERM=xterm-mono"])
        let monoScreen = mono.captureStyled()
        XCTAssertEqual(monoScreen.colorCodes, [], "no colour on xterm-mono:\n\(monoScreen.raw)")
        let noColor = try reader(environment: ["NO_COLOR=1"])
        let noColorScreen = noColor.captureStyled()
        // The same attributes, cell by cell, as with NO_COLOR (xterm-mono has bold, reverse and underline,
        // not dim, which nothing relies on alone).
        let selected = try XCTUnwrap(monoScreen.attributes(of: "Harbour ferry"))
        XCTAssertTrue(selected.reverse && selected.bold, "\(selected)")
        XCTAssertEqual(selected, noColorScreen.attributes(of: "Harbour ferry"))
        XCTAssertEqual(monoScreen.attributes(of: "A quiet week"), noColorScreen.attributes(of: "A quiet week"))
        XCTAssertEqual(monoScreen.attributes(of: " Stories 1/2"), noColorScreen.attributes(of: " Stories 1/2"))
        for tmux in [mono, noColor] {
            tmux.send("q")
            tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
        }
    }
}
