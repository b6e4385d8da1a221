import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel

/// Runs that refuse to start (no terminal, an unknown terminal type, a state path that is not a file) say
/// why, exit with status 2, and leave the state file, its folder and its lock file as they were.
final class StartRefusalTests: XCTestCase {
    var folder: String!
    var binary: String!

    override func setUpWithError() throws {
        binary = try XCTUnwrap(EndToEnd.binary)
        folder = try EndToEnd.scratchFolder()
        try EndToEnd.write("A story\n\nBody.\n\nA comment.\n", to: folder + "/stories/a.txt")
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }

    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    func testAStateFolderIsRefusedAndLeftAsItIs() throws {
        let state = folder + "/state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let before = try names()
        let result = ChildProcess.run([binary, folder + "/stories", "--state", state])
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertEqual(result.output, "tidings: --state \(state): is a folder; give the path of a file, for example \(state)/state.json\n")
        XCTAssertEqual(try names(), before, "not renamed, nothing created beside it")
        var isFolder: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: state, isDirectory: &isFolder) && isFolder.boolValue)
    }

    func testAPipeOrADeviceIsRefused() throws {
        XCTAssertEqual(mkfifo(folder + "/pipe", 0o600), 0)
        var paths = [(folder + "/pipe", "is a pipe; give the path of a regular file")]
        if mknod(folder + "/null", S_IFCHR | 0o666, dev_t(0x103)) == 0 {
            paths.append((folder + "/null", "is a device; give the path of a regular file"))
        }
        let before = try names()
        for (path, message) in paths {
            let result = ChildProcess.run([binary, folder + "/stories", "--state", path])
            XCTAssertEqual(result.status, 2, result.output)
            XCTAssertEqual(result.output, "tidings: --state \(path): \(message)\n")
        }
        XCTAssertEqual(try names(), before)
    }

    func testNoTerminalLeavesADamagedStateFileUntouched() throws {
        let state = folder + "/state.json"
        let damaged = Data("{\"version\":1,\"stories\":{".utf8)
        try damaged.write(to: URL(fileURLWithPath: state))
        let before = try names()
        let result = ChildProcess.run([binary, folder + "/stories", "--state", state])
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.output.contains("not a terminal"), result.output)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: state)), damaged)
        XCTAssertEqual(try names(), before, "no .lock, nothing set aside")
    }

    func testNoTerminalCreatesNoStateFolder() throws {
        let state = folder + "/new/deeper/state.json"
        let result = ChildProcess.run([binary, folder + "/stories", "--state", state])
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/new"))
    }

    func testAnUnknownTerminalTypeLeavesADamagedStateFileUntouched() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed: end-to-end tests skipped") }
        let state = folder + "/state.json"
        let damaged = Data("not json".utf8)
        try damaged.write(to: URL(fileURLWithPath: state))
        let before = try names()
        let arguments: [String] = [binary, folder + "/stories", "--state", state]
        // The shell stays after the reader exits, so the message and status can be read from the pane.
        let command = "sh -c \"env TERM=tidings-no-such-terminal " + arguments.map { "'\($0)'" }.joined(separator: " ")
            + "; echo exit status \\$?; sleep 60\""
        let tmux = try TmuxSession(command: command, width: 200, height: 10)
        let screen = tmux.waitFor(text: "exit status")
        XCTAssertTrue(screen.contains("tidings: the terminal type 'tidings-no-such-terminal' is unknown here"), screen)
        XCTAssertTrue(screen.contains("exit status 2"), screen)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: state)), damaged)
        XCTAssertEqual(try names(), before)
    }
}

/// Usage errors found by the argument parser: status 64, and nothing written anywhere.
final class UsageErrorTests: XCTestCase {
    func testAnEmptyStatePathIsAUsageErrorAndLeavesNoLockFile() throws {
        let binary = try XCTUnwrap(EndToEnd.binary)
        let folder = try EndToEnd.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [folder + "/stories", "--state", ""]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 64, message)
        XCTAssertTrue(message.hasPrefix("Error: --state needs the path of a file; '' is empty"), message)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["stories"])
    }
}

/// Paths on the command line that do not exist are named before anything opens.
final class MissingPathTests: XCTestCase {
    func testAMissingPathIsNamedAndTheReaderDoesNotStart() throws {
        let binary = try XCTUnwrap(EndToEnd.binary)
        let folder = try EndToEnd.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = folder + "/state.json"
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: state))
        let result = ChildProcess.run([binary, folder + "/nope", folder + "/stories", folder + "/stories/x/y", "--state", state])
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertEqual(result.output, "tidings: \(folder)/nope: no such file or folder\ntidings: \(folder)/stories/x/y: no such file or folder\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["state.json", "stories"])
    }

    func testAnEmptyFolderStillOpens() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed: end-to-end tests skipped") }
        let binary = try XCTUnwrap(EndToEnd.binary)
        let folder = try EndToEnd.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tmux = try TmuxSession(command: EndToEnd.command(binary, [folder + "/stories/more", "--state", folder + "/state.json"]),
                                   width: 120, height: 20)
        tmux.waitFor(text: "No stories here.")
        XCTAssertFalse(tmux.hasExited)
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    func testDumpStillReportsAMissingPathAsAProblem() throws {
        let binary = try XCTUnwrap(EndToEnd.binary)
        let result = ChildProcess.run([binary, "dump", "/nonexistent-tidings-path"])
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertEqual(result.output, "tidings: /nonexistent-tidings-path: no such file or folder\n")
    }
}
