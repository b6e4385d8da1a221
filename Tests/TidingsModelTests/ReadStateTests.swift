import Foundation
import XCTest
@testable import TidingsModel

final class ReadStateTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tidings-state-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func sampleState() -> ReadState {
        var state = ReadState()
        state.setStory("story-one", read: true)
        state.setComments([CommentID(value: 1), CommentID(value: 0xABCDEF)], in: "story-one", read: true)
        state.setComments([CommentID(value: 42)], in: "story-two", read: true)
        return state
    }

    func testRoundTrip() throws {
        let store = ReadStateStore(path: folder + "/nested/state.json")
        try store.save(sampleState())
        let (loaded, outcome) = store.load()
        XCTAssertEqual(outcome, .loaded)
        XCTAssertEqual(loaded, sampleState())
        XCTAssertTrue(loaded.isStoryRead("story-one"))
        XCTAssertFalse(loaded.isStoryRead("story-two"))
        XCTAssertTrue(loaded.isCommentRead(CommentID(value: 42), in: "story-two"))
    }

    func testEncodingIsVersionedJSONWithPackedCommentIds() throws {
        let data = ReadStateCoding.encode(sampleState())
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["version"] as? Int, 2)
        let stories = try XCTUnwrap(object["stories"] as? [String: [String: Any]])
        XCTAssertEqual(stories["story-one"]?["read"] as? Bool, true)
        XCTAssertEqual((stories["story-one"]?["comments"] as? String)?.count, 12)
    }

    /// A story marked unread keeps an entry that says so: it outlasts the marks a mail client left.
    func testMarkingUnreadKeepsAnEntryThatSaysUnread() {
        var state = sampleState()
        state.setComments([CommentID(value: 42)], in: "story-two", read: false)
        XCTAssertEqual(state.stories["story-two"], ReadState.StoryMarks())
        XCTAssertTrue(state.knows("story-two"))
        XCTAssertFalse(state.setStory("story-two", read: false), "no change reported when nothing changed")
    }

    func testSaveReplacesAtomicallyAndLeavesNoTemporaryFiles() throws {
        let path = folder + "/state.json"
        let store = ReadStateStore(path: path)
        try store.save(ReadState())
        try store.save(sampleState())
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(names, ["state.json", "state.json.bak", "state.json.lock"])
        XCTAssertEqual(store.load().0, sampleState())
        XCTAssertEqual(ReadStateStore(path: folder + "/state.json.bak").load().0, ReadState())
    }

    func testSaveFailureLeavesTheOldFileIntact() throws {
        let path = folder + "/state.json"
        let store = ReadStateStore(path: path)
        try store.save(sampleState())
        chmod(folder, 0o500)
        defer { chmod(folder, 0o700) }
        if getuid() == 0 { throw XCTSkip("root can write to read-only folders") }
        XCTAssertThrowsError(try store.save(ReadState()))
        XCTAssertEqual(store.load().0, sampleState())
    }

    func testUnparseableFileIsMovedAsideNotOverwritten() throws {
        let path = folder + "/state.json"
        let garbage = Data("{\"version\":1,\"stories\":{\"x\":".utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        let store = ReadStateStore(path: path)
        let (state, outcome) = store.load(now: Date(timeIntervalSince1970: 1_800_000_000))
        XCTAssertEqual(state, ReadState())
        guard case .setAside(let reason, let movedTo, let restored) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertFalse(restored)
        XCTAssertEqual(reason, "not valid JSON")
        XCTAssertEqual(movedTo, path + ".corrupt-20270115T080000Z")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: movedTo)), garbage)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    /// Valid JSON that is no state file is said to be so, not called invalid JSON.
    func testValidJSONOfAnotherShapeIsToldFromDamage() {
        for text in ["[1,2]", "null", #"{"version":2,"stories":[]}"#, #"{"version":2,"stories":{"a":3}}"#] {
            XCTAssertThrowsError(try ReadStateCoding.decode(Data(text.utf8)), text) { error in
                let description = (error as? ReadStateCoding.DecodeError)?.description ?? ""
                XCTAssertTrue(description == "valid JSON, but not laid out as a state file" || description.hasPrefix("story a "),
                              "\(text): \(description)")
            }
        }
        XCTAssertThrowsError(try ReadStateCoding.decode(Data("{\"version\":2,".utf8))) { error in
            XCTAssertEqual((error as? ReadStateCoding.DecodeError)?.description, "not valid JSON")
        }
    }

    func testNewerVersionIsRefusedAndLeftAlone() throws {
        let path = folder + "/state.json"
        let newer = Data("{\"version\":99,\"stories\":{}}".utf8)
        try newer.write(to: URL(fileURLWithPath: path))
        let store = ReadStateStore(path: path)
        XCTAssertEqual(store.load().1, .newerVersion(99))
        XCTAssertThrowsError(try store.save(changes: [.story("x", read: true)], fallback: ReadState()))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), newer)
    }

    func testOlderOrUnknownVersionIsSetAside() throws {
        let path = folder + "/state.json"
        try Data("{\"version\":0,\"stories\":{}}".utf8).write(to: URL(fileURLWithPath: path))
        guard case .setAside(let reason, _, _) = ReadStateStore(path: path).load().1 else { return XCTFail() }
        XCTAssertTrue(reason.contains("version 0"))
    }

    func testACorruptFileFallsBackToTheBackup() throws {
        let path = folder + "/state.json"
        let store = ReadStateStore(path: path)
        try store.save(sampleState())
        var later = sampleState()
        later.setStory("story-three", read: true)
        try store.save(later)
        try Data("{\"version\":1,\"sto".utf8).write(to: URL(fileURLWithPath: path))
        let (state, outcome) = store.load()
        guard case .setAside(_, _, let restored) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(restored)
        XCTAssertEqual(state, sampleState(), "the backup holds the state before the last save")
        XCTAssertEqual(outcome.words(for: store)?.hasSuffix("(the marks of the last save are lost)"), true, "the user is told what is lost")
    }

    /// A file refused for one story's entry (a hand edit), with no backup to go back to: set aside, and the
    /// other stories' marks kept rather than all lost.
    func testAFileWithABadEntryKeepsTheOtherStories() throws {
        let path = folder + "/state.json"
        let text = #"{"version":2,"stories":{"hn:8863":{"read":"yes"},"reddit:t3_3hahrw":{"read":true},"x":[1,{"a":2}]}}"#
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let store = ReadStateStore(path: path)
        let (state, outcome) = store.load(now: Date(timeIntervalSince1970: 1_800_000_000))
        guard case .setAsideKeepingTheRest(let reason, let movedTo, let skipped) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(reason, "story hn:8863 has a malformed read field")
        XCTAssertEqual(skipped, 2)
        XCTAssertTrue(state.isStoryRead("reddit:t3_3hahrw"))
        XCTAssertFalse(state.isStoryRead("hn:8863"))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: movedTo)), Data(text.utf8), "the file itself is kept as it was")
        XCTAssertEqual(outcome.words(for: store)?.hasSuffix("kept the marks of every other story (2 entries left out)"), true)
        // Damage beyond the entries: nothing is guessed.
        try Data(#"{"version":2,"stories":{"a":{"read":true},"#.utf8).write(to: URL(fileURLWithPath: path))
        guard case .setAside(_, _, false) = store.load().1 else { return XCTFail("truncated: set aside whole") }
    }

    func testNewFilesAre0600AndExistingModesAreKept() throws {
        let path = folder + "/state.json"
        let store = ReadStateStore(path: path)
        try store.save(sampleState())
        XCTAssertEqual(try mode(path), 0o600)
        chmod(path, 0o640)
        try store.save(ReadState())
        XCTAssertEqual(try mode(path), 0o640)
    }

    func testASymlinkedStateFileIsWrittenThrough() throws {
        let real = folder + "/real/target.json"
        let link = folder + "/state.json"
        try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/target.json")
        let store = ReadStateStore(path: link)
        try store.save(sampleState())
        try store.save(sampleState())
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "real/target.json")
        XCTAssertEqual(ReadStateStore(path: real).load().0, sampleState())
        XCTAssertEqual(store.load().0, sampleState())
    }

    func testStaleTemporaryFilesAreRemovedAtStart() throws {
        let path = folder + "/state.json"
        try ReadStateStore(path: path).save(sampleState())
        try Data("half a save".utf8).write(to: URL(fileURLWithPath: folder + "/.state.json.tmp-abc123"))
        _ = ReadStateStore(path: path).load()
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/.state.json.tmp-abc123"))
    }

    func testTwoInstancesKeepEachOthersChanges() throws {
        let path = folder + "/state.json"
        var first = ReadState(), second = ReadState()
        first.setStory("a", read: true)
        first.setComments([CommentID(value: 1)], in: "shared", read: true)
        second.setStory("b", read: true)
        second.setComments([CommentID(value: 2)], in: "shared", read: true)
        let store = ReadStateStore(path: path)
        try store.save(changes: first.takeJournal(), fallback: first)
        try store.save(changes: second.takeJournal(), fallback: second)
        var merged = store.load().0
        XCTAssertTrue(merged.isStoryRead("a") && merged.isStoryRead("b"))
        XCTAssertTrue(merged.isCommentRead(CommentID(value: 1), in: "shared") && merged.isCommentRead(CommentID(value: 2), in: "shared"))
        // Both now see "a" and "b" read (as after a restart). The first marks "a" unread; the second's next save,
        // about something else, does not bring "a" back; then the second marks "a" read again: the later wins.
        var third = merged, fourth = merged
        third.setStory("a", read: false)
        try store.save(changes: third.takeJournal(), fallback: third)
        fourth.setStory("d", read: true)
        try store.save(changes: fourth.takeJournal(), fallback: fourth)
        merged = store.load().0
        XCTAssertFalse(merged.isStoryRead("a"))
        XCTAssertTrue(merged.isStoryRead("d"))
        fourth.setStory("a", read: false)
        fourth.setStory("a", read: true)
        try store.save(changes: fourth.takeJournal(), fallback: fourth)
        XCTAssertTrue(store.load().0.isStoryRead("a"))
    }

    func testAFileCorruptedWhileRunningIsSetAsideWhenSaving() throws {
        let path = folder + "/state.json"
        let store = ReadStateStore(path: path)
        try store.save(ReadState())
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: path))
        var told: [String] = []
        try store.save(changes: [], fallback: sampleState()) { told.append($0) }
        XCTAssertEqual(store.load().0, sampleState())
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        let aside = try XCTUnwrap(names.first { $0.hasPrefix("state.json.corrupt-") })
        XCTAssertEqual(told.count, 1, "the reader is told, as a start tells it")
        XCTAssertTrue(told.first?.hasPrefix("The state file became unreadable (") == true, "\(told)")
        XCTAssertTrue(told.first?.contains("moved to \(folder!)/\(aside), and the marks this reader holds saved in its place") == true, "\(told)")
        try store.save(changes: [], fallback: sampleState()) { told.append($0) }
        XCTAssertEqual(told.count, 1, "a good file is not reported")
    }

    private func mode(_ path: String) throws -> Int {
        ((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
    }

    func testMissingFileStartsEmpty() {
        let (state, outcome) = ReadStateStore(path: folder + "/none.json").load()
        XCTAssertEqual(outcome, .missing)
        XCTAssertEqual(state, ReadState())
    }

    func testDefaultPathFollowsXDG() {
        XCTAssertEqual(ReadStateStore.defaultPath(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"]),
                       "/x/state/tidings/state.json")
        XCTAssertEqual(ReadStateStore.defaultPath(environment: ["HOME": "/home/u"]),
                       "/home/u/.local/state/tidings/state.json")
    }

    func testUnreadCount() throws {
        let story = try NativeImporter().stories(in: Array("T\n\nB\n\na\nb\nc\n".utf8), path: "x")[0]
        var state = ReadState()
        XCTAssertEqual(state.unreadCount(of: story), 3)
        state.setComments([story.comments[1].id], in: story.id, read: true)
        XCTAssertEqual(state.unreadCount(of: story), 2)
    }
}

final class LoaderAndDumpTests: XCTestCase {
    func testLoaderReportsProblemsAndLoadsTheRest() throws {
        let folder = NSTemporaryDirectory() + "tidings-load-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/sub/.hidden", withIntermediateDirectories: true)
        try Data("Good one\n\nBody.\n\nA comment.\n".utf8).write(to: URL(fileURLWithPath: folder + "/a.txt"))
        try Data("Nested one\n\nBody.\n".utf8).write(to: URL(fileURLWithPath: folder + "/sub/b.txt"))
        try Data("Hidden\n\nBody.\n".utf8).write(to: URL(fileURLWithPath: folder + "/sub/.hidden/c.txt"))
        try Data("Hidden file\n".utf8).write(to: URL(fileURLWithPath: folder + "/.d.txt"))
        try Data([0x00, 0x01, 0x02]).write(to: URL(fileURLWithPath: folder + "/image.bin"))
        try Data([0x00, 0x01, 0x02]).write(to: URL(fileURLWithPath: folder + "/binary.txt"))
        try Data().write(to: URL(fileURLWithPath: folder + "/empty.txt"))

        let (stories, problems) = CollectionLoader().loadAll([folder])
        XCTAssertEqual(stories.map(\.title), ["Good one", "Nested one"])
        let failed = problems.filter { !$0.isSkipped }
        XCTAssertEqual(failed.map { ($0.path as NSString).lastPathComponent }, ["binary.txt", "empty.txt"])
        XCTAssertEqual(failed.first?.reason, "binary file, not text")
        XCTAssertEqual(failed.last?.reason, "empty file: nothing to read")
        XCTAssertEqual(problems.filter(\.isSkipped).map { ($0.path as NSString).lastPathComponent }, ["image.bin"])
    }

    func testDumpLineSchemaAndNesting() throws {
        let story = try NativeImporter().stories(in: try Fixtures.bytes("nested.txt"), path: "nested.txt")[0]
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(StoryJSON.line(story).utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["id", "path", "locator", "format", "title", "author", "url", "category", "byline",
                                          "date", "dateText", "score", "declaredComments", "body", "links", "comments"])
        let comments = try XCTUnwrap(object["comments"] as? [[String: Any]])
        XCTAssertEqual(comments.count, 3)
        let first = comments[0]
        XCTAssertTrue(first["author"] is NSNull)
        let replies = try XCTUnwrap(first["replies"] as? [[String: Any]])
        XCTAssertEqual(replies.count, 2)
        let deep = try XCTUnwrap(((replies[0]["replies"] as? [[String: Any]])?[0]["replies"] as? [[String: Any]])?[0])
        XCTAssertEqual(deep["text"] as? String, "About three feedings.")
        XCTAssertEqual((deep["replies"] as? [Any])?.count, 0)
    }

    func testDumpEscapesControlCharacters() {
        let story = Story(id: "x", path: "p", format: "tidings", title: "bad \u{1B}[31mred\u{07}", body: ["\u{9B}2J"])
        let line = StoryJSON.line(story)
        XCTAssertFalse(line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        XCTAssertTrue(line.contains("\\u001b[31mred\\u0007"))
    }
}

final class StateDecodingTests: XCTestCase {
    func decode(_ text: String) throws -> ReadState { try ReadStateCoding.decode(Data(text.utf8)) }

    func testAcceptsAnyJSONLayoutAndIgnoresUnknownKeys() throws {
        let state = try decode("""
            {  "stories" : { "a\\u00e9\\"b" : { "extra": [1, {"x": null}, "s"], "comments" : "AAAAAB", "read" : true } },
               "note": "hand edited", "version" : 2 }
            """)
        XCTAssertTrue(state.isStoryRead("aé\"b"))
        XCTAssertTrue(state.isCommentRead(CommentID(value: 1), in: "aé\"b"))
    }

    func testRejectsMalformedInput() {
        for bad in ["", "{", "[]", "{\"version\":1}", "{\"version\":1,\"stories\":{\"x\":{\"comments\":\"abc\"}}}",
                    "{\"version\":1,\"stories\":{\"x\":{\"comments\":\"ab!def\"}}}", "{\"version\":1,\"stories\":{}} x",
                    "{\"version\":3,\"stories\":{}}", "{\"version\":1,\"stories\":{\"x\":true}}"] {
            XCTAssertThrowsError(try decode(bad), bad)
        }
    }

    func testRoundTripOfALargeState() throws {
        var state = ReadState()
        for story in 0..<500 {
            state.setStory("story-\(story)", read: story % 2 == 0)
            state.setComments((0..<40).map { CommentID(value: UInt64(story * 1000 + $0 * 7919)) }, in: "story-\(story)", read: true)
        }
        XCTAssertEqual(try ReadStateCoding.decode(ReadStateCoding.encode(state)), state)
    }
}
