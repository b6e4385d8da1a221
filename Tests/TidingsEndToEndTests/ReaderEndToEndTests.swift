import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel

/// Drives the real `tidings` binary in tmux: first screen, moving, opening, collapsing, quitting, restarting.
final class ReaderEndToEndTests: EndToEndTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try EndToEnd.write("""
            Harbour ferry returns after a winter of repairs
            Category: Local News
            Via: tidewatcher • two weeks ago • 5 commentsBy: Story by Ines Calloway

            The old harbour ferry is back in service.
            - It runs every 20 minutes.

            Finally, my commute is back to twenty minutes.
              Does anyone know if the night service is back too?
                Yes, until midnight.
              The ramp is a big improvement for cargo bikes.
            Good news, but the timetable online is still the old one.
            """, to: folder + "/stories/01-ferry.txt")
        try EndToEnd.write("""
            東京の夜行列車 and the last sleeper trains
            Category: Travel
            Via: railfan • 6 hours ago • 1 comments

            寝台特急は毎晩東京から出発します。

            乗ったことがあります！ 🇯🇵
            """, to: folder + "/stories/more/02-train.txt")
        try Data([0, 1, 2, 3]).write(to: URL(fileURLWithPath: folder + "/stories/damaged.txt"))
        // Not stories: skipped, and not counted as problems.
        try Data([0, 1, 2, 3]).write(to: URL(fileURLWithPath: folder + "/stories/picture.bin"))
        try EndToEnd.write("My stories\n\nSaved from the web.\n", to: folder + "/stories/README")
    }


    var statePath: String { folder + "/state/state.json" }

    func start(width: Int = 120, height: Int = 40) throws -> TmuxSession {
        try TmuxSession(command: EndToEnd.command(binary, [folder + "/stories", "--state", statePath]),
                        width: width, height: height)
    }

    func testBrowseCollapseQuitAndRestart() throws {
        let tmux = try start()
        // The story is parsed in the background: its comments arrive a moment after the list.
        var screen = tmux.waitFor("the first story's comments") { $0.contains("Stories 1/2") && $0.contains("Finally, my commute") }
        XCTAssertTrue(screen.contains("● Harbour ferry returns"))
        XCTAssertTrue(screen.contains("1 problem: p"))

        tmux.send("Down")
        screen = tmux.waitFor("the second story's comments") { $0.contains("Stories 2/2") && $0.contains("乗ったことがあります") }
        tmux.send("Up")
        tmux.waitFor(text: "Stories 1/2")

        tmux.send("Enter")
        screen = tmux.waitFor(text: "Comments 1/5")
        tmux.send("Left")
        screen = tmux.waitFor(text: "[+3]")
        XCTAssertTrue(screen.contains("Comments 1/2 (5 in all)"))
        XCTAssertFalse(screen.contains("Yes, until midnight."))
        tmux.send("Right")
        screen = tmux.waitFor(text: "Yes, until midnight.")
        tmux.send("j")
        tmux.waitFor(text: "Comments 2/5")

        tmux.send("p")
        tmux.waitFor("the problem list") { $0.contains("1 binary file") && $0.contains("damaged.txt") }
        tmux.send("Escape")
        tmux.waitFor(text: "Comments 2/5")

        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
        let (state, outcome) = ReadStateStore(path: statePath).load()
        XCTAssertEqual(outcome, .loaded)
        XCTAssertEqual(state.stories.count, 1)
        XCTAssertEqual(state.stories.values.first?.isRead, true)
        XCTAssertEqual(state.stories.values.first?.readComments.count, 5)

        // Next start: the first story is read (no marker), the second is still unread.
        let again = try start()
        screen = again.waitFor(text: "Stories 1/2")
        XCTAssertTrue(screen.contains("  Harbour ferry returns"), screen)
        XCTAssertTrue(screen.contains("● 東京の夜行列車"), screen)
        again.send("q")
        again.waitFor("the reader to exit") { _ in again.hasExited }
    }

    func testNarrowTerminalSwitchesPanesAndSurvivesResize() throws {
        let tmux = try start(width: 60, height: 20)
        var screen = tmux.waitFor(text: "Stories 1/2")
        XCTAssertFalse(screen.contains("Comments"))
        tmux.send("Tab")
        tmux.waitFor(text: "↑↓ scroll")
        tmux.send("Tab")
        screen = tmux.waitFor(text: "Comments 1/5")
        XCTAssertFalse(screen.contains("Stories 1/2"))
        tmux.send("Down")
        tmux.waitFor(text: "Comments 2/5")
        tmux.resize(width: 120, height: 40)
        screen = tmux.waitFor(text: "Stories 1/2")
        XCTAssertTrue(screen.contains("Comments 2/5"))
        tmux.resize(width: 20, height: 6)
        tmux.waitFor(text: "too small")
        tmux.resize(width: 60, height: 20)
        tmux.waitFor(text: "Comments 2/5")
        tmux.send("?")
        tmux.waitFor(text: "Tidings: keys")
        tmux.send("q")
        tmux.waitFor(text: "Comments 2/5")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }
}

/// The command line outside the reader: dump, help, version, and refusing a non-terminal.
final class CommandLineTests: XCTestCase {
    func run(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let binary = try XCTUnwrap(EndToEnd.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    func testDumpPrintsJSONLinesAndNamesBadFiles() throws {
        let folder = try EndToEnd.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try EndToEnd.write("One\n\nBody.\n\nA comment.\n  A reply.\n", to: folder + "/stories/a.txt")
        try EndToEnd.write("Two\nVia: x • now • 0 comments\n\nBody.\n", to: folder + "/stories/more/b.txt")
        try EndToEnd.write("", to: folder + "/stories/empty.txt")
        let result = try run(["dump", folder + "/stories"])
        XCTAssertEqual(result.status, 1)
        let lines = result.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let first = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(first["title"] as? String, "One")
        XCTAssertEqual(((first["comments"] as? [[String: Any]])?[0]["replies"] as? [Any])?.count, 1)
        XCTAssertTrue(result.err.contains("empty.txt: empty file"), result.err)
    }

    func testNotATerminalExitsWithStatus2() throws {
        let result = try run([NSTemporaryDirectory()])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.err.contains("tidings dump"), result.err)
    }

    func testHelpAndVersion() throws {
        let help = try run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.out.contains("dump"))
        XCTAssertTrue(help.out.contains("tidings [DIR ...] [--state FILE]"))
        let version = try run(["--version"])
        XCTAssertEqual(version.out.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")
    }
}

/// An unreadable state file is moved aside, the user is told, and the reader goes on.
final class CorruptStateEndToEndTests: EndToEndTestCase {
    /// The reader on one story with a state file that is not valid JSON.
    func startOnACorruptState(width: Int, height: Int) throws -> (TmuxSession, String) {
        try EndToEnd.write("A story\n\nBody.\n\nA comment.\n", to: folder + "/stories/a.txt")
        let state = folder + "/state.json"
        try EndToEnd.write("{\"version\":1,\"stories\":{", to: state)
        return (try startReader([folder + "/stories", "--state", state], width: width, height: height), state)
    }

    func testCorruptStateIsSetAsideAndReported() throws {
        let (tmux, state) = try startOnACorruptState(width: 200, height: 20)
        let screen = tmux.waitFor(text: "Unreadable state file")
        XCTAssertTrue(screen.contains("moved to \(state).corrupt-"), screen)
        tmux.waitFor(text: "Stories 1/1")
        tmux.send("Enter")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("state.json.corrupt-") }
        XCTAssertEqual(names.count, 1, "\(names)")
        let aside = try XCTUnwrap(names.first { $0.contains("corrupt") })
        XCTAssertEqual(try String(contentsOfFile: folder + "/" + aside, encoding: .utf8), "{\"version\":1,\"stories\":{")
        XCTAssertEqual(ReadStateStore(path: state).load().1, .loaded)
    }

    /// A state file spoiled while the reader runs is set aside by the next save, which says so on the
    /// status line and on the problem page, as a start does.
    func testAStateFileSpoiledWhileRunningIsReported() throws {
        try EndToEnd.write("A story\n\nBody.\n\nA comment.\n", to: folder + "/stories/a.txt")
        let state = folder + "/state.json"
        let tmux = try startReader([folder + "/stories", "--state", state], width: 80, height: 24)
        tmux.waitFor(text: "Stories 1/1")
        try EndToEnd.write("garbage", to: state)
        tmux.send("r")
        let screen = tmux.waitFor(text: "The state file became unreadable")
        XCTAssertTrue(screen.contains("1 problem: p") || screen.contains("(p: all)"), screen)
        tmux.send("p")
        let page = tmux.waitFor(text: "Problems and messages")
        XCTAssertTrue(page.contains("The state file became unreadable"), page)
        tmux.send("q", "q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
        XCTAssertEqual(ReadStateStore(path: state).load().1, .loaded)
        XCTAssertTrue(ReadStateStore(path: state).load().0.stories.values.contains(where: \.isRead), "the mark is saved in its place")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("state.json.corrupt-") }.count, 1)
    }

    func testAtEightyColumnsTheSetAsideMessageCanBeReadInFull() throws {
        let (tmux, _) = try startOnACorruptState(width: 80, height: 24)
        tmux.waitFor(text: "(p: all)")
        tmux.send("Down")
        tmux.waitFor("the message to give way") { !$0.contains("Unreadable") && $0.contains("1 problem: p") }
        tmux.send("p")
        let page = tmux.waitFor(text: "Problems and messages")
        let flowing = page.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined()
        let aside = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.contains(".corrupt-") })
        XCTAssertTrue(flowing.contains((folder + "/" + aside).replacingOccurrences(of: " ", with: "")),
                      "the name the state file was moved to is on the page:\n\(page)")
        tmux.send("q", "q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }
}

/// Files and folders the user may not read: named as problems, the rest still load. As root every file is
/// readable, so the check then runs the binary as `nobody` (setpriv drops the privileges).
final class PermissionEndToEndTests: XCTestCase {
    func testUnreadableFilesAndFoldersAreProblems() throws {
        let binary = try XCTUnwrap(EndToEnd.binary)
        let folder = try EndToEnd.scratchFolder()
        defer {
            chmod(folder + "/stories/closed", 0o755)
            try? FileManager.default.removeItem(atPath: folder)
        }
        try EndToEnd.write("Open story\n\nBody.\n", to: folder + "/stories/open.txt")
        try EndToEnd.write("Secret story\n\nBody.\n", to: folder + "/stories/secret.txt")
        try FileManager.default.createDirectory(atPath: folder + "/stories/closed", withIntermediateDirectories: true)
        try EndToEnd.write("Hidden away\n\nBody.\n", to: folder + "/stories/closed/inside.txt")
        for path in [folder, folder + "/stories", folder + "/stories/more", folder + "/stories/open.txt"] { chmod(path, 0o755) }
        chmod(folder + "/stories/open.txt", 0o644)
        chmod(folder + "/stories/secret.txt", 0o000)
        chmod(folder + "/stories/closed", 0o000)
        var command = [binary, "dump", folder + "/stories"]
        if getuid() == 0 {
            guard ChildProcess.run(["setpriv", "--help"]).status == 0 else { throw XCTSkip("root without setpriv: cannot drop privileges") }
            // The binary must be reachable by nobody: copy it (and its resources) somewhere readable.
            let copy = folder + "/bin"
            try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: binary, toPath: copy + "/tidings")
            chmod(copy, 0o755)
            chmod(copy + "/tidings", 0o755)
            command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", copy + "/tidings", "dump", folder + "/stories"]
            var parent = (folder as NSString).deletingLastPathComponent
            while parent != "/" && !parent.isEmpty {
                var info = stat()
                if stat(parent, &info) == 0, info.st_mode & 0o001 == 0 { throw XCTSkip("\(parent) is not searchable by nobody") }
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        let result = ChildProcess.run(command)
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertTrue(result.output.contains("\"title\":\"Open story\""), result.output)
        XCTAssertTrue(result.output.contains("secret.txt: permission denied"), result.output)
        XCTAssertTrue(result.output.contains("closed: folder cannot be read"), result.output)
        XCTAssertFalse(result.output.contains("Hidden away"))
    }
}
