import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel

/// The reader under stress from outside: two instances on one state file, termination signals, a state
/// folder that cannot be written, and terminal sizes from 1x1 to 300x100.
final class DurabilityEndToEndTests: EndToEndTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try EndToEnd.write("First story\n\nBody one.\n\nComment one.\n  Reply one.\n", to: folder + "/stories/1.txt")
        try EndToEnd.write("Second story\n\nBody two.\n\nComment two.\n", to: folder + "/stories/2.txt")
    }


    func reader(state: String, width: Int = 120, height: Int = 30) throws -> TmuxSession {
        try TmuxSession(command: EndToEnd.command(binary, [folder + "/stories", "--state", state]), width: width, height: height)
    }

    func quit(_ tmux: TmuxSession) {
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    func testTwoInstancesOnOneStateFileKeepBothMarks() throws {
        let state = folder + "/state.json"
        let first = try reader(state: state)
        let second = try reader(state: state)
        first.waitFor(text: "Stories 1/2")
        second.waitFor(text: "Stories 1/2")
        first.send("Enter")
        second.send("Down")
        second.waitFor(text: "Stories 2/2")
        second.send("Enter")
        first.waitFor(text: "Comments 1/2")
        second.waitFor(text: "Comments 1/1")
        Thread.sleep(forTimeInterval: 1.2)  // both have saved while running, each merging with the other
        quit(first)
        quit(second)
        let (merged, outcome) = ReadStateStore(path: state).load()
        XCTAssertEqual(outcome, .loaded)
        XCTAssertEqual(merged.stories.count, 2)
        XCTAssertTrue(merged.stories.values.allSatisfy(\.isRead))
        XCTAssertEqual(merged.stories.values.map(\.readComments.count).sorted(), [1, 2])
    }

    func testTerminationSignalsSaveFirst() throws {
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            let state = folder + "/signal-\(signal).json"
            let tmux = try reader(state: state)
            tmux.waitFor(text: "Stories 1/2")
            tmux.send("Enter")
            tmux.waitFor(text: "Comments 1/2")
            let pid = TmuxSession.run(["tmux", "-L", tmux.socket, "display-message", "-p", "-t", tmux.name, "#{pane_pid}"])
                .output.trimmingCharacters(in: .whitespacesAndNewlines)
            XCTAssertEqual(kill(pid_t(pid) ?? 0, signal), 0)
            tmux.waitFor("exit after signal \(signal)") { _ in tmux.hasExited }
            let (saved, outcome) = ReadStateStore(path: state).load()
            XCTAssertEqual(outcome, .loaded, "signal \(signal)")
            XCTAssertEqual(saved.stories.values.first?.readComments.count, 2, "signal \(signal)")
        }
    }

    func testAStateFolderThatCannotBeWrittenIsReportedAndRetried() throws {
        // A path inside a file is refused at start; here the folder turns into a file while the reader runs.
        let blocker = folder + "/blocked"
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: true)
        let state = blocker + "/state.json"
        let tmux = try reader(state: state, width: 200)
        tmux.waitFor(text: "Stories 1/2")
        try FileManager.default.removeItem(atPath: blocker)
        try EndToEnd.write("a file where the state folder should be", to: blocker)
        tmux.send("Enter")
        tmux.waitFor(text: "Cannot save read state")
        tmux.send("Down")  // the reader keeps working
        tmux.waitFor(text: "Comments 2/2")
        try FileManager.default.removeItem(atPath: blocker)
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: true)
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: state), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: state), "the retry saved the state")
        quit(tmux)
        XCTAssertEqual(ReadStateStore(path: state).load().0.stories.count, 1)
    }

    func testAFullDiskKeepsTheOldFileAndRetries() throws {
        let mountPoint = folder + "/small-disk"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        guard getuid() == 0, ChildProcess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint]).status == 0 else {
            throw XCTSkip("cannot mount a small tmpfs here (needs root): the full-disk test is skipped")
        }
        defer { _ = ChildProcess.run(["umount", mountPoint]) }
        let state = mountPoint + "/state.json"
        var before = ReadState()
        before.setStory("kept-from-before", read: true)
        try ReadStateStore(path: state).save(before)
        let original = try Data(contentsOf: URL(fileURLWithPath: state))
        // Fill the disk to the last byte.
        let filler = FileManager.default.createFile(atPath: mountPoint + "/filler", contents: nil)
        XCTAssertTrue(filler)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: mountPoint + "/filler"))
        let block = Data(repeating: 0x41, count: 1024)
        while (try? handle.write(contentsOf: block)) != nil {}
        for _ in 0..<1024 { if (try? handle.write(contentsOf: Data([0x41]))) == nil { break } }
        try? handle.close()

        let tmux = try reader(state: state, width: 200)
        tmux.waitFor(text: "Stories 1/2")
        tmux.send("Enter")
        tmux.waitFor(text: "Cannot save read state")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: state)), original, "the saved file is untouched")
        tmux.send("Down")
        tmux.waitFor(text: "Comments 2/2")
        try FileManager.default.removeItem(atPath: mountPoint + "/filler")
        let deadline = Date().addingTimeInterval(10)
        while ReadStateStore(path: state).load().0.stories.count < 2, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        quit(tmux)
        let after = ReadStateStore(path: state).load().0
        XCTAssertTrue(after.isStoryRead("kept-from-before"))
        XCTAssertEqual(after.stories.count, 2, "the retry saved the new mark and kept the old one")
    }

    func testExtremeSizesAndResizesKeepTheSelection() throws {
        let tmux = try reader(state: folder + "/sizes.json", width: 300, height: 100)
        tmux.waitFor(text: "Stories 1/2")
        tmux.send("Down", "Enter")
        tmux.waitFor(text: "Comments 1/1")
        tmux.send("?")
        tmux.waitFor(text: "Tidings: keys")
        for (width, height) in [(1, 1), (20, 5), (2, 80), (300, 100), (60, 20)] {
            tmux.resize(width: width, height: height)
            Thread.sleep(forTimeInterval: 0.15)
            XCTAssertFalse(tmux.hasExited, "\(width)x\(height)")
        }
        tmux.send("Escape")
        tmux.resize(width: 120, height: 40)
        let screen = tmux.waitFor(text: "Stories 2/2")
        XCTAssertTrue(screen.contains("Comments 1/1"))
        quit(tmux)
    }
}
