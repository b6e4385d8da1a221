import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel

/// Keys that act on the terminal itself, tried in tmux the way a person would: Ctrl-L repairs a damaged
/// screen, Ctrl-Z suspends to the shell and `fg` brings the reader back, Ctrl-C quits from the help.
final class TerminalKeysEndToEndTests: EndToEndTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try EndToEnd.write("""
            Harbour ferry returns after a winter of repairs
            Via: tidewatcher • two weeks ago

            The old harbour ferry is back in service.

            Finally, my commute is back to twenty minutes.
              Does anyone know if the night service is back too?
            """, to: folder + "/stories/01-ferry.txt")
    }


    var statePath: String { folder + "/state.json" }
    var readerCommand: String { EndToEnd.command(binary, [folder + "/stories", "--state", statePath]) }

    func testCtrlLRepairsAScreenDamagedByAnotherProgram() throws {
        let tmux = try TmuxSession(command: readerCommand, width: 80, height: 24)
        tmux.waitFor("loading to finish") { $0.contains("Stories 1/1") && $0.contains("q quit") }
        Thread.sleep(forTimeInterval: 0.3)
        // Another program writes over the reader: straight to its terminal, behind its back.
        let tty = TmuxSession.run(["tmux", "-L", tmux.socket, "display-message", "-p", "-t", tmux.name, "#{pane_tty}"])
            .output.trimmingCharacters(in: .whitespacesAndNewlines)
        // Written while the reader draws, the damage may be drawn over at once: write it until it stays.
        var damaged = false
        for _ in 0..<10 where !damaged {
            let handle = try XCTUnwrap(FileHandle(forWritingAtPath: tty), "cannot open \(tty)")
            handle.write(Data("\u{1B}[5;5HDAMAGED-BY-ANOTHER-PROGRAM".utf8))
            try handle.close()
            Thread.sleep(forTimeInterval: 0.3)  // an idle reader draws nothing: the damage stays
            damaged = tmux.capture().contains("DAMAGED-BY-ANOTHER-PROGRAM")
        }
        XCTAssertTrue(damaged, "the damage shows")
        tmux.send("C-l")
        // The terminal is cleared and drawn again: wait for the whole frame, without the damage.
        tmux.waitFor("the damage to be gone") { !$0.contains("DAMAGED") && $0.contains("Harbour ferry returns") && $0.contains("q quit") }
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    func testCtrlZSuspendsToTheShellAndFgBringsTheReaderBack() throws {
        let tmux = try TmuxSession(command: "env PS1='shell> ' bash --norc --noprofile", width: 80, height: 24)
        tmux.waitFor(text: "shell>")
        tmux.send(readerCommand, "Enter")
        tmux.waitFor(text: "Stories 1/1")
        tmux.send("C-z")
        var screen = tmux.waitFor(text: "Stopped")
        XCTAssertFalse(screen.contains("Stories 1/1"), "the terminal is restored: the shell is back on the normal screen")
        tmux.send("fg", "Enter")
        screen = tmux.waitFor(text: "Stories 1/1")
        XCTAssertTrue(screen.contains("Harbour ferry returns"))
        tmux.send("Enter")  // the reader still takes keys
        tmux.waitFor(text: "Comments 1/2")
        tmux.send("q")
        tmux.waitFor(text: "shell>")
    }

    func testCtrlCInTheHelpQuitsAndSaves() throws {
        let tmux = try TmuxSession(command: readerCommand, width: 80, height: 24)
        tmux.waitFor(text: "Stories 1/1")
        tmux.send("Enter")
        tmux.waitFor(text: "Comments")
        tmux.send("?")
        tmux.waitFor(text: "Tidings: keys")
        tmux.send("C-c")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
        let (state, _) = ReadStateStore(path: statePath).load()
        let story = try XCTUnwrap(CollectionLoader().loadAll([folder + "/stories"]).stories.first)
        XCTAssertTrue(state.isStoryRead(story.id), "the story opened before Ctrl-C was saved")
    }

    func testKeysPressedWhileTheTerminalIsTooSmallChangeNoReadState() throws {
        try EndToEnd.write("A second story\n\nBody.\n\nA comment.\n", to: folder + "/stories/02-second.txt")
        let tmux = try TmuxSession(command: readerCommand, width: 20, height: 5)
        tmux.waitFor(text: "too small")
        for key in ["r", "j", "G", "Enter", "Tab", "n", "r"] { tmux.send(key) }
        tmux.resize(width: 80, height: 24)
        tmux.waitFor(text: "Stories 1/2")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
        let (state, _) = ReadStateStore(path: statePath).load()
        for story in CollectionLoader().loadAll([folder + "/stories"]).stories {
            XCTAssertFalse(state.isStoryRead(story.id), "\(story.title ?? "") was marked read unseen")
        }
    }

    func testHomeAndEndWorkAsThisTerminalSendsThem() throws {
        let long = (0..<300).map { "word\($0)" }.joined(separator: " ")
        try EndToEnd.write("Tall comments\n\nBody.\n\nFIRSTLINE " + long + "\nsecond comment\nLASTCOMMENT " + long + " LASTWORD\n",
                           to: folder + "/stories/02-tall.txt")
        let tmux = try TmuxSession(command: readerCommand, width: 80, height: 24)
        tmux.waitFor(text: "Stories 1/2")
        tmux.send("Down", "Enter")
        tmux.waitFor(text: "FIRSTLINE")
        tmux.send("End")
        tmux.waitFor(text: "LASTWORD")
        tmux.send("Home")
        let screen = tmux.waitFor(text: "FIRSTLINE")
        XCTAssertTrue(screen.contains("Comments 1/3"), "Home stayed in the comment pane:\n\(screen)")
        XCTAssertFalse(screen.contains("does nothing"), screen)
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    func testExportsAreReadAsWhatTheyAreNeverAsGarbageStories() throws {
        try EndToEnd.write("[{\"kind\": \"Listing\", \"data\": {}}]", to: folder + "/stories/thread")
        try EndToEnd.write("Path: utzoo!decvax!harpo\nFrom: rick@site\nNewsgroups: net.games\nSubject: Re: Raster\n\nText.\n",
                           to: folder + "/stories/article.txt")
        let tmux = try TmuxSession(command: readerCommand, width: 80, height: 24)
        // The news article is a story of its own (a thread with one message); the JSON is no discussion.
        var screen = tmux.waitFor(text: "Re: Raster")
        XCTAssertFalse(screen.contains("Listing"), screen)
        XCTAssertFalse(screen.contains("utzoo"), screen)
        XCTAssertFalse(screen.contains("Subject:"), screen)
        tmux.send("p")
        screen = tmux.waitFor(text: "thread")
        XCTAssertTrue(screen.contains("JSON"), screen)
        tmux.send("q", "q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }
}
