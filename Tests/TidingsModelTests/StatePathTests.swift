import Foundation
import XCTest
@testable import TidingsModel

/// A state path that is not a regular file is refused and never touched; loading a state that does not
/// exist creates nothing.
final class StatePathTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tidings-state-path-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    func fileType(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    /// Loading and saving both refuse `path`, and nothing in the folder changes.
    func assertRefused(_ path: String, as kind: NotAFile.Kind, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try names()
        let type = fileType(path)
        let store = ReadStateStore(path: path)
        XCTAssertThrowsError(try store.check(), file: file, line: line)
        XCTAssertEqual(store.load().1, .refused(NotAFile(path: path, kind: kind)), file: file, line: line)
        var state = ReadState()
        state.setStory("a", read: true)
        XCTAssertThrowsError(try store.save(changes: state.takeJournal(), fallback: state), file: file, line: line)
        XCTAssertThrowsError(try store.save(state), file: file, line: line)
        XCTAssertEqual(try names(), before, "nothing renamed, created or locked beside it", file: file, line: line)
        XCTAssertEqual(fileType(path), type, file: file, line: line)
    }

    func testAFolderIsRefusedNotMovedAside() throws {
        let path = folder + "/state.json"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: URL(fileURLWithPath: path + "/inside"))
        try assertRefused(path, as: .folder)
        XCTAssertEqual(try String(contentsOfFile: path + "/inside", encoding: .utf8), "kept")
        XCTAssertEqual(NotAFile(path: path + "/", kind: .folder).description,
                       "is a folder; give the path of a file, for example \(path)/state.json")
    }

    func testAPipeAndASocketAreRefused() throws {
        XCTAssertEqual(mkfifo(folder + "/pipe", 0o600), 0)
        try assertRefused(folder + "/pipe", as: .pipe)
        let socketPath = folder + "/socket"
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in socketPath.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(bound, 0)
        try assertRefused(socketPath, as: .socket)
    }

    func testADeviceIsRefused() throws {
        XCTAssertThrowsError(try ReadStateStore(path: "/dev/null").check())  // only looks
        // A device node of our own (1,3: the same device as /dev/null): without the refusal it would be renamed.
        guard mknod(folder + "/null", S_IFCHR | 0o666, dev_t(0x103)) == 0 else {
            throw XCTSkip("cannot make a device node here (needs root)")
        }
        try assertRefused(folder + "/null", as: .device)
    }

    func testASymlinkToAFolderIsRefusedAndKept() throws {
        try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/state.json", withDestinationPath: "real")
        try assertRefused(folder + "/state.json", as: .folder)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/state.json"), "real")
    }

    func testAStateThatBecomesAFolderAfterStartIsNeitherMovedNorReplaced() throws {
        let path = folder + "/state.json"
        let store = ReadStateStore(path: path)
        var state = ReadState()
        state.setStory("a", read: true)
        try store.save(state)
        XCTAssertEqual(store.load().1, .loaded)
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        XCTAssertThrowsError(try store.save(changes: state.takeJournal(), fallback: state))
        XCTAssertEqual(fileType(path), S_IFDIR)
        let after = try names()
        XCTAssertFalse(after.contains { $0.contains("corrupt") }, "\(after)")
    }

    func testAnEmptyPathIsRefused() {
        XCTAssertThrowsError(try ReadStateStore(path: "").check())
        XCTAssertEqual(ReadStateStore(path: "").load().1, .refused(NotAFile(path: "", kind: .empty)))
    }

    func testLoadingAMissingStateCreatesNoFolderAndNoLockFile() throws {
        let nested = ReadStateStore(path: folder + "/sub/state.json")
        XCTAssertEqual(nested.load().1, .missing)
        XCTAssertEqual(try names(), [])
        XCTAssertEqual(ReadStateStore(path: folder + "/state.json").load().1, .missing)
        XCTAssertEqual(try names(), [])
    }

    func testTheFirstSaveRemovesLeftoversOfAKilledSave() throws {
        try Data("half a save".utf8).write(to: URL(fileURLWithPath: folder + "/.state.json.tmp-abc123"))
        let store = ReadStateStore(path: folder + "/state.json")
        XCTAssertEqual(store.load().1, .missing)
        try store.save(changes: [], fallback: ReadState())
        XCTAssertEqual(try names(), ["state.json", "state.json.lock"])
    }
}
