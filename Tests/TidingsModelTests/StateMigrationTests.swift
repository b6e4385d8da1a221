import Foundation
import XCTest
@testable import TidingsModel

/// State file version 2 and the move of version-1 marks to the current story ids (docs/STATE.md).
final class StateMigrationTests: XCTestCase {
    var folder: String!
    var statePath: String { folder + "/state.json" }

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tidings-migrate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/stories", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    let ferryText = "Harbour ferry returns\nVia: tidewatcher\n\nBack in service.\n\nFinally!\nAbout time.\n  Agreed.\n"
    let mondayText = "Daily Discussion Thread\n\nMonday.\n\nRain.\nSun.\n"
    let tuesdayText = "Daily Discussion Thread\n\nTuesday.\n\nRain.\nWind.\n"

    func story(_ text: String) throws -> Story { try NativeImporter().stories(in: Array(text.utf8), path: "x")[0] }

    func write(_ text: String, _ name: String) throws -> String {
        let path = folder + "/stories/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func entry(_ path: String, _ state: ReadState) throws -> StoryEntry {
        guard case .success(let entries) = CollectionLoader().entries(path, readState: state) else { throw XCTSkip("unreadable") }
        return entries[0]
    }

    func packed(_ ids: [CommentID]) -> String { ids.sorted().map(\.description).joined() }

    func fileObject() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: statePath))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Adopts for every story as the reader does when it lists them, then saves the journal.
    func adoptAndSave(_ stories: [Story], _ state: inout ReadState) throws {
        for story in stories { state.adoptLegacyMarks(storyID: story.id, legacyID: story.legacyID) }
        try ReadStateStore(path: statePath).save(changes: state.takeJournal(), fallback: state)
    }

    // MARK: Coding

    func testAVersion1FileIsReadIntoTheLegacyTable() throws {
        let state = try ReadStateCoding.decode(Data("""
            {"version":1,"stories":{"JkL3rchm-v-":{"read":true,"comments":"AAAAAB"},"empty":{"read":false}},
             "legacy":"not a key of version 1: ignored"}
            """.utf8))
        XCTAssertEqual(state.stories, [:])
        XCTAssertEqual(state.legacy, ["JkL3rchm-v-": .init(isRead: true, readComments: [CommentID(value: 1)])])
        XCTAssertFalse(state.isStoryRead("JkL3rchm-v-"), "legacy marks count only through a story's version-1 id")
    }

    func testVersion2RoundTripsWithALegacyTable() throws {
        var state = ReadState(legacy: ["old": .init(isRead: true, readComments: [CommentID(value: 7)]),
                                       "unread-old": .init(isRead: false, readComments: [CommentID(value: 8)])])
        state.setStory("new", read: true)
        state.setComments([CommentID(value: 9)], in: "new", read: true)
        let data = ReadStateCoding.encode(state)
        XCTAssertEqual(try ReadStateCoding.decode(data), state)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["version"] as? Int, 2)
        let legacy = try XCTUnwrap(object["legacy"] as? [String: [String: Any]])
        XCTAssertEqual(legacy["old"]?["read"] as? Bool, true)
        XCTAssertEqual(legacy["old"]?["comments"] as? String, CommentID(value: 7).description)
        XCTAssertEqual(Set(legacy.keys), ["old", "unread-old"])
    }

    func testWithoutLegacyEntriesTheFileIsVersion1sLayout() {
        var state = ReadState()
        state.setStory("a", read: true)
        state.setComments([CommentID(value: 1)], in: "a", read: true)
        XCTAssertEqual(String(decoding: ReadStateCoding.encode(state), as: UTF8.self),
                       "{\"version\":2,\"stories\":{\n\"a\":{\"read\":true,\"comments\":\"AAAAAB\"}\n}}\n")
        XCTAssertEqual(String(decoding: ReadStateCoding.encode(ReadState()), as: UTF8.self), "{\"version\":2,\"stories\":{\n}}\n")
    }

    func testVersionsOutsideOneAndTwo() throws {
        XCTAssertThrowsError(try ReadStateCoding.decode(Data("{\"version\":3,\"stories\":{},\"legacy\":{}}".utf8))) { error in
            XCTAssertEqual((error as? ReadStateCoding.DecodeError)?.newerVersion, 3)
        }
        XCTAssertThrowsError(try ReadStateCoding.decode(Data("{\"version\":0,\"stories\":{}}".utf8))) { error in
            XCTAssertNil((error as? ReadStateCoding.DecodeError)?.newerVersion)
        }
        for bad in ["{\"version\":2,\"stories\":{},\"legacy\":{\"x\":true}}",
                    "{\"version\":2,\"stories\":{},\"legacy\":{\"x\":{\"comments\":\"abc\"}}}",
                    "{\"version\":2,\"stories\":{},\"legacy\":[]}", "{\"version\":2,\"legacy\":{}}"] {
            XCTAssertThrowsError(try ReadStateCoding.decode(Data(bad.utf8)), bad)
        }
        // A version that is there but not a number is said so, not called missing.
        for (text, words) in [("{\"version\":\"2\",\"stories\":{}}", "the version is not a whole number"),
                              ("{\"version\":null,\"stories\":{}}", "the version is not a whole number"),
                              ("{\"stories\":{}}", "no version field")] {
            XCTAssertThrowsError(try ReadStateCoding.decode(Data(text.utf8)), text) { error in
                XCTAssertEqual((error as? ReadStateCoding.DecodeError)?.description, words, text)
            }
        }
    }

    /// Marks saved under a feed item's id from before ids that are no URI were scoped by their feed wait in
    /// the legacy table for the scoped story; a URI id and other formats' ids stay where they are.
    func testUnscopedFeedMarksWaitForTheirScopedStories() throws {
        let text = "{\"version\":2,\"stories\":{\"feed:1\":{\"read\":true},\"feed:https://a.example/p\":{\"read\":true},"
            + "\"feed:O4gUncL_30o\":{\"read\":true},\"feed:DECu7tdRSCU~g1\":{\"read\":true},\"mail:x\":{\"read\":true}}}"
        var state = try ReadStateCoding.decode(Data(text.utf8))
        XCTAssertEqual(Set(state.legacy.keys), ["feed:1", "feed:O4gUncL_30o"])
        XCTAssertEqual(Set(state.stories.keys), ["feed:https://a.example/p", "feed:DECu7tdRSCU~g1", "mail:x"])
        XCTAssertEqual(state.marks(storyID: "feed:AAAAAAAAAAA~1", legacyID: "feed:1")?.isRead, true, "counted before it is taken over")
        XCTAssertTrue(state.adoptLegacyMarks(storyID: "feed:AAAAAAAAAAA~1", legacyID: "feed:1"))
        XCTAssertEqual(state.stories["feed:AAAAAAAAAAA~1"]?.isRead, true)
        XCTAssertNil(state.legacy["feed:1"], "taken over: not saved again under the old id")
        XCTAssertFalse(FeedStoryID.isUnscopedLocal("feed:tag:example.org,2026:1"))
        XCTAssertTrue(FeedStoryID.isUnscopedLocal("feed:post-42"))
        XCTAssertFalse(FeedStoryID.isUnscopedLocal("hn:42"))
    }

    func testTheKeptStateSeedsOfBothVersionsDecode() throws {
        let folder = Fixtures.folder.appendingPathComponent("fuzz")
        let v1 = try ReadStateCoding.decode(try Data(contentsOf: folder.appendingPathComponent("state-seed.json")))
        XCTAssertEqual(Set(v1.legacy.keys), ["abc"], "an entry with nothing read is dropped")
        XCTAssertEqual(v1.stories, [:])
        let v2 = try ReadStateCoding.decode(try Data(contentsOf: folder.appendingPathComponent("state-seed-v2.json")))
        XCTAssertEqual(Set(v2.stories.keys), ["AP7MwCJsKOM", "xé"])
        XCTAssertEqual(v2.legacy, ["JkL3rchm-v-": .init(isRead: true, readComments: [CommentID("ubSjmw")!])])
    }

    // MARK: Migration

    func testVersion1MarksCountAtOnceAndAreSavedUnderTheNewId() throws {
        let ferry = try story(ferryText)
        let path = try write(ferryText, "ferry.txt")
        let legacyID = try XCTUnwrap(ferry.legacyID)
        XCTAssertNotEqual(ferry.id, legacyID)
        let read = [ferry.comments[0].id, ferry.comments[2].id]
        try Data("{\"version\":1,\"stories\":{\n\"\(legacyID)\":{\"read\":true,\"comments\":\"\(packed(read))\"}\n}}\n".utf8)
            .write(to: URL(fileURLWithPath: statePath))

        let store = ReadStateStore(path: statePath)
        var (state, outcome) = store.load()
        XCTAssertEqual(outcome, .loaded)
        XCTAssertEqual(try entry(path, state).unreadComments, 1, "counted right before anything moved")
        XCTAssertEqual(try entry(path, state).summary.legacyID, legacyID)

        XCTAssertTrue(state.adoptLegacyMarks(storyID: ferry.id, legacyID: ferry.legacyID))
        XCTAssertTrue(state.isStoryRead(ferry.id))
        XCTAssertEqual(state.unreadCount(of: ferry), 1)
        XCTAssertFalse(state.adoptLegacyMarks(storyID: ferry.id, legacyID: ferry.legacyID), "once")
        try store.save(changes: state.takeJournal(), fallback: ReadState())

        let object = try fileObject()
        XCTAssertEqual(object["version"] as? Int, 2)
        let stories = try XCTUnwrap(object["stories"] as? [String: [String: Any]])
        XCTAssertEqual(stories[ferry.id]?["read"] as? Bool, true)
        XCTAssertEqual(stories[ferry.id]?["comments"] as? String, packed(read))
        XCTAssertNil(stories[legacyID])
        XCTAssertNil(object["legacy"], "the only legacy entry was taken over")
        XCTAssertEqual(try entry(path, store.load().0).unreadComments, 1)
    }

    func testAnUnmatchedLegacyEntrySurvivesASave() throws {
        let ferry = try story(ferryText)
        let legacyID = try XCTUnwrap(ferry.legacyID)
        try Data("{\"version\":1,\"stories\":{\"\(legacyID)\":{\"read\":true},\"elsewhere\":{\"read\":true,\"comments\":\"AAAAAC\"}}}".utf8)
            .write(to: URL(fileURLWithPath: statePath))
        var (state, _) = ReadStateStore(path: statePath).load()
        try adoptAndSave([ferry], &state)
        let saved = ReadStateStore(path: statePath).load().0
        XCTAssertEqual(saved.legacy, ["elsewhere": .init(isRead: true, readComments: [CommentID(value: 2)])])
        XCTAssertTrue(saved.isStoryRead(ferry.id))
        XCTAssertEqual(try fileObject()["version"] as? Int, 2)

        // A later run that only marks something else keeps it too, and a story met later still adopts it.
        var later = saved
        later.setStory("another", read: true)
        try ReadStateStore(path: statePath).save(changes: later.takeJournal(), fallback: later)
        var last = ReadStateStore(path: statePath).load().0
        XCTAssertNotNil(last.legacy["elsewhere"])
        XCTAssertTrue(last.adoptLegacyMarks(storyID: "found-later", legacyID: "elsewhere"))
        XCTAssertTrue(last.isCommentRead(CommentID(value: 2), in: "found-later"))
    }

    func testAVersion1FileOnDiskAtSaveTimeIsMigratedByTheJournal() throws {
        // This instance loaded the version-1 file; meanwhile nothing rewrote it. The save reads it again,
        // as version 1, applies the journal and writes version 2.
        let ferry = try story(ferryText)
        let legacyID = try XCTUnwrap(ferry.legacyID)
        try Data("{\"version\":1,\"stories\":{\"\(legacyID)\":{\"read\":true},\"other\":{\"read\":true}}}".utf8)
            .write(to: URL(fileURLWithPath: statePath))
        var (state, _) = ReadStateStore(path: statePath).load()
        state.adoptLegacyMarks(storyID: ferry.id, legacyID: ferry.legacyID)
        state.setStory("marked-now", read: true)
        try ReadStateStore(path: statePath).save(changes: state.takeJournal(), fallback: ReadState())
        let saved = ReadStateStore(path: statePath).load().0
        XCTAssertEqual(Set(saved.stories.keys), [ferry.id, "marked-now"])
        XCTAssertEqual(Set(saved.legacy.keys), ["other"])
        XCTAssertEqual(saved, state)
    }

    func testStoriesSharingALegacyIdAllInheritIt() throws {
        let monday = try story(mondayText), tuesday = try story(tuesdayText)
        XCTAssertNotEqual(monday.id, tuesday.id)
        let legacyID = try XCTUnwrap(monday.legacyID)
        XCTAssertEqual(tuesday.legacyID, legacyID)
        let sharedComment = monday.comments[0].id  // "Rain." is a top-level comment of both
        XCTAssertEqual(tuesday.comments[0].id, sharedComment)
        var state = ReadState(legacy: [legacyID: .init(isRead: true, readComments: [sharedComment])])
        let mondayPath = try write(mondayText, "monday.txt"), tuesdayPath = try write(tuesdayText, "tuesday.txt")
        XCTAssertEqual(try entry(mondayPath, state).unreadComments, 1)
        XCTAssertEqual(try entry(tuesdayPath, state).unreadComments, 1)

        try adoptAndSave([monday, tuesday], &state)
        let saved = ReadStateStore(path: statePath).load().0
        for day in [monday, tuesday] {
            XCTAssertTrue(saved.isStoryRead(day.id))
            XCTAssertTrue(saved.isCommentRead(sharedComment, in: day.id))
        }
        XCTAssertEqual(saved.legacy, [:])
        // From now on they are separate stories.
        var next = saved
        next.setStory(monday.id, read: false)
        XCTAssertTrue(next.isStoryRead(tuesday.id))
    }

    func testMarkingAnAdoptedStoryUnreadSticks() throws {
        let ferry = try story(ferryText)
        var state = ReadState(legacy: [ferry.legacyID!: .init(isRead: true)])
        try adoptAndSave([ferry], &state)
        state.setStory(ferry.id, read: false)
        XCTAssertFalse(state.adoptLegacyMarks(storyID: ferry.id, legacyID: ferry.legacyID), "not again in this run")
        try ReadStateStore(path: statePath).save(changes: state.takeJournal(), fallback: state)
        var reloaded = ReadStateStore(path: statePath).load().0
        XCTAssertFalse(reloaded.adoptLegacyMarks(storyID: ferry.id, legacyID: ferry.legacyID), "nor in the next")
        XCTAssertFalse(reloaded.isStoryRead(ferry.id))
    }

    func testAStoryWithMarksOfItsOwnAdoptsNothing() throws {
        let ferry = try story(ferryText)
        var state = ReadState(legacy: [ferry.legacyID!: .init(isRead: true, readComments: [ferry.comments[0].id])])
        state.setComments([ferry.comments[1].id], in: ferry.id, read: true)
        XCTAssertEqual(try entry(try write(ferryText, "ferry.txt"), state).unreadComments, 2, "its own marks count")
        XCTAssertFalse(state.adoptLegacyMarks(storyID: ferry.id, legacyID: ferry.legacyID))
        XCTAssertFalse(state.isStoryRead(ferry.id))
        XCTAssertNotNil(state.legacy[ferry.legacyID!], "kept for a story that needs it")
    }

    func testAnIdHeaderStoryFindsItsVersion1Entry() throws {
        let text = "Sleeper trains\nId: sleeper-trains-2026\n\nBody.\n\nA comment.\n"
        let sleeper = try story(text)
        try Data("{\"version\":1,\"stories\":{\"sleeper-trains-2026\":{\"read\":true,\"comments\":\"\(sleeper.comments[0].id)\"}}}".utf8)
            .write(to: URL(fileURLWithPath: statePath))
        var (state, _) = ReadStateStore(path: statePath).load()
        XCTAssertEqual(try entry(try write(text, "sleeper.txt"), state).unreadComments, 0)
        try adoptAndSave([sleeper], &state)
        let saved = ReadStateStore(path: statePath).load().0
        XCTAssertTrue(saved.isStoryRead("sleeper-trains-2026"))
        XCTAssertEqual(saved.legacy, [:])
    }

    func testTwoInstancesWhileMigrating() throws {
        // Both started on the version-1 file; the first moves the ferry's marks, the second marks another
        // story; neither save loses the other's.
        let ferry = try story(ferryText)
        try Data("{\"version\":1,\"stories\":{\"\(ferry.legacyID!)\":{\"read\":true},\"kept\":{\"read\":true}}}".utf8)
            .write(to: URL(fileURLWithPath: statePath))
        let store = ReadStateStore(path: statePath)
        var first = store.load().0, second = store.load().0
        try adoptAndSave([ferry], &first)
        second.setStory("b", read: true)
        try store.save(changes: second.takeJournal(), fallback: second)
        let merged = store.load().0
        XCTAssertTrue(merged.isStoryRead(ferry.id) && merged.isStoryRead("b"))
        XCTAssertEqual(Set(merged.legacy.keys), ["kept"])
    }
}

extension StateMigrationTests {
    /// An unscoped feed entry with nothing read has nothing to hand over: it is not kept in the legacy table
    /// (which keeps no empty entry, so the state would not read back as it was written).
    func testAnEmptyUnscopedFeedEntryIsDropped() throws {
        let text = "{\"version\":2,\"stories\":{\"feed:1\":{\"read\":false},\"feed:2\":{\"read\":true}}}"
        let state = try ReadStateCoding.decode(Data(text.utf8))
        XCTAssertEqual(Array(state.legacy.keys), ["feed:2"])
        XCTAssertEqual(try ReadStateCoding.decode(ReadStateCoding.encode(state)), state)
    }
}
