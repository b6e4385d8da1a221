import Foundation
import XCTest
@testable import TidingsModel

/// A save that cannot be done says why as a value, and in words from one place.
final class StateFileProblemTests: XCTestCase {
    func testSaveFailuresAreValuesWithWords() throws {
        let folder = NSTemporaryDirectory() + "tidings-problem-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("a file".utf8).write(to: URL(fileURLWithPath: folder + "/blocker"))
        let store = ReadStateStore(path: folder + "/blocker/state.json")
        XCTAssertThrowsError(try store.save(changes: [], fallback: ReadState())) { error in
            guard case .notAFile(let refusal)? = error as? StateFileProblem else { return XCTFail("\(error)") }
            XCTAssertEqual(refusal.kind, .insideFile(folder + "/blocker"))
            XCTAssertEqual("\(error)", "\(folder)/blocker/state.json cannot be created: \(folder)/blocker is a file, not a folder; it is left as it is")
        }
        XCTAssertThrowsError(try AtomicFile.createFolders(folder + "/blocker/inner")) { error in
            XCTAssertEqual(error as? StateFileProblem, .fileInTheWay(folder: folder + "/blocker"))
        }
    }

    /// A lock another process holds and does not give back (an instance stopped while saving) delays a start
    /// by a second, not for ever: the state is read without it. A save gives up after a few seconds and says
    /// why; its changes go with the next save.
    func testALockHeldElsewhereNeitherHangsTheStartNorTheSave() throws {
        let folder = NSTemporaryDirectory() + "tidings-lock-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var store = ReadStateStore(path: folder + "/state.json")
        store.lockWaits = (0.3, 0.5)
        var state = ReadState()
        state.setStory("s", read: true)
        try store.save(state)
        // A lock of its own open file: held against this process's next open as against another's.
        let holder = open(folder + "/state.json.lock", O_RDWR)
        XCTAssertGreaterThanOrEqual(holder, 0)
        defer { close(holder) }
        XCTAssertEqual(flock(holder, LOCK_EX), 0)
        let (loaded, outcome) = store.load()
        XCTAssertEqual(outcome, .loaded)
        XCTAssertTrue(loaded.isStoryRead("s"))
        XCTAssertThrowsError(try store.save(changes: [.story("t", read: true)], fallback: loaded)) { error in
            guard case .cannotLock? = error as? StateFileProblem else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("another process has held it for 1 s"), "\(error)")
        }
        flock(holder, LOCK_UN)
        XCTAssertNoThrow(try store.save(changes: [.story("t", read: true)], fallback: loaded))
        XCTAssertTrue(store.load().0.isStoryRead("t"))
    }

    /// A state file made read-only is not replaced (a save replaces the file, which its folder allows):
    /// the save says why, and the file is as it was.
    func testAReadOnlyStateFileIsNotReplaced() throws {
        let folder = NSTemporaryDirectory() + "tidings-readonly-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = ReadStateStore(path: folder + "/state.json")
        try store.save(ReadState())
        XCTAssertEqual(chmod(store.target, 0o444), 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: store.target))
        XCTAssertThrowsError(try store.save(changes: [.story("t", read: true)], fallback: ReadState())) { error in
            XCTAssertEqual(error as? StateFileProblem, .readOnly(path: store.target))
            XCTAssertEqual("\(error)", "\(store.target) is read-only; it is left as it is (make it writable to save marks)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store.target)), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.backupPath))
        XCTAssertEqual(store.load().1, .loaded, "it is still read")
    }

    /// No lock file can be made beside the state (its folder is not writable): the save names the folder,
    /// where the new file would have to be made, not the lock.
    func testAFolderWhereNoLockCanBeMadeIsNamed() throws {
        let folder = NSTemporaryDirectory() + "tidings-nolock-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = ReadStateStore(path: folder + "/state.json")
        try store.save(ReadState())
        // A folder where the lock file should be stands there instead: it cannot be opened for writing.
        try FileManager.default.removeItem(atPath: store.lockPath)
        try FileManager.default.createDirectory(atPath: store.lockPath, withIntermediateDirectories: false)
        XCTAssertThrowsError(try store.save(changes: [.story("t", read: true)], fallback: ReadState())) { error in
            guard case .cannotCreateFile(let named, _)? = error as? StateFileProblem else { return XCTFail("\(error)") }
            XCTAssertEqual(named, folder)
        }
    }
}
