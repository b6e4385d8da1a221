import Foundation
import XCTest
import TidingsTestSupport

/// The real binary with a config file written by the test: a rebound key, read stories hidden and a bad
/// line (the reader starts, the key works, the message names the line); `mouse = false` leaves the mouse
/// to the terminal; a colour by number reaches the terminal; `--config` and `--print-config`.
final class ConfigEndToEndTests: EndToEndTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try EndToEnd.write("""
            Harbour ferry returns after a winter of repairs
            Via: tidewatcher • two weeks ago

            The old harbour ferry is back in service.

            Finally, my commute is back to twenty minutes.
            """, to: folder + "/stories/01-ferry.txt")
        try EndToEnd.write("""
            A quiet week at the observatory
            Via: stargazer • one day ago

            Clouds covered the sky for six nights in a row.
            """, to: folder + "/stories/02-observatory.txt")
    }

    var configPath: String { folder + "/config.toml" }

    func reader(config: String, width: Int = 120, environment: [String] = [], waitForList: Bool = true) throws -> TmuxSession {
        try EndToEnd.write(config, to: configPath)
        let command = EndToEnd.command(binary, [folder + "/stories", "--state", folder + "/state.json", "--config", configPath],
                                       environment: environment)
        let tmux = try TmuxSession(command: command, width: width, height: 24)
        if waitForList { tmux.waitFor("the stories") { $0.contains("A quiet week") && $0.contains("Stories 1/2") } }
        return tmux
    }

    func testAReboundKeyHiddenReadStoriesAndABadLine() throws {
        let tmux = try reader(config: """
            # Keys and hiding
            hide_read = true
            colour = "blue"
            [keys.list]
            toggle-read = ["x"]
            """)
        // The reader started with the rest of the file applied, and says which line it passed over.
        var screen = tmux.waitFor(text: "config.toml line 3: unknown setting 'colour'")
        XCTAssertTrue(screen.contains("Stories 1/2 (2 in all"), "hide_read is on:\n\(screen)")
        XCTAssertTrue(screen.contains("● Harbour ferry"), screen)
        // x marks the selected story read in the list; with read stories hidden it goes once the selection
        // moves off it.
        tmux.send("x")
        tmux.waitFor("the story marked read") { !$0.contains("● Harbour ferry") && $0.contains("Harbour ferry") }
        tmux.send("Down")
        // Waited for whole: the title and the rows may be captured from two moments of one frame's drawing.
        tmux.waitFor("the read story gone from the list") { $0.contains("Stories 1/1 (2 in all") && !$0.contains("Harbour ferry") }
        // r no longer does it there, and the help shows x.
        tmux.send("r")
        tmux.waitFor(text: "r does nothing in the story list")
        tmux.send("?")
        screen = tmux.waitFor(text: "Tidings: keys")
        // The help is longer than the screen: page down to the story list's own section.
        func lines() -> [String] { screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } }
        for _ in 0..<6 where !lines().contains("In the story list") {
            tmux.send("PgDn")
            Thread.sleep(forTimeInterval: 0.2)
            screen = tmux.capture()
        }
        let lines = lines()
        let section = try XCTUnwrap(lines.firstIndex(of: "In the story list"), screen)
        XCTAssertTrue(lines[section + 1].hasPrefix("x ") && lines[section + 1].contains("Mark read"), screen)
        tmux.send("q")
        tmux.waitFor(text: "Stories 1/1")
        // The problem list keeps the message in full.
        tmux.send("p")
        screen = tmux.waitFor(text: "Config file")
        XCTAssertTrue(screen.contains("config.toml line 3: unknown setting 'colour' (the settings are"), screen)
        tmux.send("q")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    /// Whether the program in the pane asked the terminal for mouse reports.
    func mouseReported(_ tmux: TmuxSession) -> Bool {
        let flags = TmuxSession.run(["tmux", "-L", tmux.socket, "display-message", "-p", "-t", tmux.name,
                                     "#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}"]).output
        return flags.contains("1")
    }

    func testMouseFalseLeavesTheMouseToTheTerminal() throws {
        var tmux = try reader(config: "mouse = true\n")
        XCTAssertTrue(mouseReported(tmux), "with the mouse on, the reader asks for clicks")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
        tmux = try reader(config: "mouse = false\n")
        XCTAssertFalse(mouseReported(tmux), "mouse = false: the terminal keeps the mouse")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    func testAColourByNumberReachesTheTerminalUnlessNoColor() throws {
        // The test runner may set NO_COLOR itself: an empty one does not count.
        var tmux = try reader(config: "[colors]\nfresh = 208\n", environment: ["NO_COLOR="])
        XCTAssertTrue(tmux.captureStyled().colorCodes.contains("38;5;208"), tmux.captureStyled().raw)
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
        tmux = try reader(config: "[colors]\nfresh = 208\n", environment: ["NO_COLOR=1"])
        XCTAssertEqual(tmux.captureStyled().colorCodes, [], "NO_COLOR wins over the config")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    func testASyntaxErrorStartsWithTheDefaults() throws {
        let tmux = try reader(config: "hide_read = true\n[keys.list\nquit = [\"x\"]\n")
        let screen = tmux.waitFor(text: "config.toml line 2: error while parsing table header")
        XCTAssertNil(screen.range(of: #"Stories [0-9]+/[0-9]+ \([0-9]+ in all"#, options: .regularExpression),
                     "nothing applied: read stories are not hidden\n\(screen)")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    func testAMissingConfigGivenIsRefusedAndTheStandardOneMayBeMissing() throws {
        let missing = folder + "/none.toml"
        let result = ChildProcess.run([binary, folder + "/stories", "--state", folder + "/state.json", "--config", missing])
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertEqual(result.output, "tidings: --config \(missing): no such file\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/state.json"))
        // No file at the standard path: the reader starts without a word about it.
        let command = EndToEnd.command(binary, [folder + "/stories", "--state", folder + "/state.json"],
                                       environment: ["XDG_CONFIG_HOME=\(folder!)/nothing-here"])
        let tmux = try TmuxSession(command: command, width: 80, height: 24)
        let screen = tmux.waitFor(text: "A quiet week")
        XCTAssertFalse(screen.contains("config"), screen)
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    func testTheStandardPathIsRead() throws {
        try FileManager.default.createDirectory(atPath: folder + "/xdg/tidings", withIntermediateDirectories: true)
        try EndToEnd.write("sort = \"title\"\n", to: folder + "/xdg/tidings/config.toml")
        let command = EndToEnd.command(binary, [folder + "/stories", "--state", folder + "/state.json"],
                                       environment: ["XDG_CONFIG_HOME=\(folder!)/xdg"])
        let tmux = try TmuxSession(command: command, width: 80, height: 24)
        tmux.waitFor(text: "Stories 1/2 · title")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    func testPrintConfigAtTheTopAndAfterRead() {
        let top = ChildProcess.run([binary, "--print-config"])
        XCTAssertEqual(top.status, 0)
        XCTAssertTrue(top.output.hasPrefix("# Tidings config file."), top.output)
        XCTAssertTrue(top.output.contains("\n[keys.list]\n"))
        XCTAssertTrue(top.output.contains("\nquit = [\"q\"]\n"))
        let read = ChildProcess.run([binary, "read", "--print-config"])
        XCTAssertEqual(read.status, 0)
        XCTAssertEqual(read.output, top.output)
    }
}
