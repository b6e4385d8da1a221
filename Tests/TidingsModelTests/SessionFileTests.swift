import Foundation
import XCTest
@testable import TidingsModel

/// The session file: where it is, a round trip, files that are ignored, and writes that replace it whole.
final class SessionFileTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tidings-session-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    let session = SavedSession(sort: .newest, story: "hn:8863", comment: "Ck4oe_", pane: "comments",
                               stories: [StoryPlace(id: "a", folds: ["AAAAAB"]),
                                         StoryPlace(id: "hn:8863", comment: "Ck4oe_", folds: ["ET6KHj", "JaJ9nF"])])

    func testPaths() {
        XCTAssertEqual(SessionFile(statePath: "/s/tidings/state.json", given: false).path, "/s/tidings/session.json")
        XCTAssertEqual(SessionFile(statePath: "/tmp/mine.json", given: true).path, "/tmp/mine.json.session.json")
        XCTAssertEqual(SessionFile(statePath: "state.json", given: false).path, "./session.json")
    }

    func testRoundTrip() throws {
        let file = SessionFile(path: folder + "/deeper/session.json")
        XCTAssertNil(file.load(), "missing: nothing")
        try file.save(session)
        XCTAssertEqual(file.load(), session)
        var other = session
        other.sort = .title
        other.stories = []
        try file.save(other)
        XCTAssertEqual(file.load(), other)
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        XCTAssertTrue(text.contains(#""version":1"#), text)
    }

    func testDamagedNewerAndStrangeFilesAreIgnored() throws {
        let file = SessionFile(path: folder + "/session.json")
        let cases = [
            "", "{", "null", "[]", #"{"version":1}"#,
            #"{"version":2,"sort":"newest","stories":[]}"#,
            #"{"version":1,"sort":"shuffled","stories":[]}"#,
            #"{"version":"1","sort":"path","stories":[]}"#,
            #"{"version":1,"sort":"path","stories":[{"folds":[]}]}"#,
            "\u{FF}\u{FE}garbage",
        ]
        for text in cases {
            try Data(text.utf8).write(to: URL(fileURLWithPath: file.path))
            XCTAssertNil(file.load(), text)
        }
        try Data(#"{"version":1,"sort":"unread","stories":[],"later":"field"}"#.utf8).write(to: URL(fileURLWithPath: file.path))
        XCTAssertEqual(file.load(), SavedSession(sort: .unread), "unknown keys are ignored")
        // Far larger than any session: not read at all.
        try Data(repeating: 0x20, count: SessionFile.largest + 1).write(to: URL(fileURLWithPath: file.path))
        XCTAssertNil(file.load())
        // A folder where the file should be: nothing read, and a save leaves it alone.
        let inTheWay = SessionFile(path: folder + "/in-the-way")
        try FileManager.default.createDirectory(atPath: inTheWay.path, withIntermediateDirectories: true)
        XCTAssertNil(inTheWay.load())
        XCTAssertThrowsError(try inTheWay.save(session))
        var isFolder: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: inTheWay.path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    /// Each save replaces the file by rename: a reader holding the old file still reads all of the old one,
    /// and no temporary file is left beside it.
    func testWritesReplaceTheFileWhole() throws {
        let file = SessionFile(path: folder + "/session.json")
        try file.save(session)
        let old = try FileHandle(forReadingFrom: URL(fileURLWithPath: file.path))
        defer { try? old.close() }
        let oldInode = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
        try file.save(SavedSession(sort: .comments))
        let newInode = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
        XCTAssertNotEqual(oldInode, newInode, "a new file renamed over the old one, not written in place")
        let oldText = try XCTUnwrap(old.readToEnd())
        XCTAssertEqual(try JSONDecoder().decode(SavedSession.self, from: oldText), session)
        XCTAssertEqual(file.load(), SavedSession(sort: .comments))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["session.json"])
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }
}
