import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// The first run after upgrading from state version 1: the list loaded in the background shows the old
/// marks at once, and the reader saves them under the new story ids (docs/STATE.md, "Migration").
final class LegacyMarksLoadingTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tidings-legacy-ui-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/stories", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    let texts = [
        "a.txt": "Daily Discussion Thread\n\nMonday.\n\nRain.\nSun.\n  Nice.\n",
        "b.txt": "Daily Discussion Thread\n\nTuesday.\n\nRain.\nWind.\n",
        "c.txt": "Never opened\nVia: someone\n\nBody.\n\nA comment.\n",
    ]

    func testVersion1MarksShowAtOnceAndAreSavedUnderTheNewIds() throws {
        var stories: [Story] = []
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/stories/" + name))
            stories.append(try NativeImporter().stories(in: Array(text.utf8), path: name)[0])
        }
        let (monday, tuesday, other) = (stories[0], stories[1], stories[2])
        let legacyID = try XCTUnwrap(monday.legacyID)
        // What version 1 saved: the shared id read, with "Rain." (in both threads) and "Sun." read.
        let statePath = folder + "/state.json"
        let read = [monday.comments[0].id, monday.comments[1].id].sorted().map(\.description).joined()
        try Data("{\"version\":1,\"stories\":{\"\(legacyID)\":{\"read\":true,\"comments\":\"\(read)\"},\"gone\":{\"read\":true}}}".utf8)
            .write(to: URL(fileURLWithPath: statePath))
        let store = ReadStateStore(path: statePath)
        let (readState, outcome) = store.load()
        XCTAssertEqual(outcome, .loaded)

        let load = ParallelLoad(sources: [folder + "/stories"], readState: readState)
        load.waitUntilFinished()
        let loader = CollectionLoader()
        var runner = HeadlessRunner(state: AppState(readState: readState, width: 120, height: 30),
                                    parse: { loader.story(for: $0) })
        runner.send(.loaded(load.take()))
        var state = runner.state

        XCTAssertEqual(state.entries.map(\.summary.id), [monday.id, tuesday.id, other.id])
        XCTAssertEqual(state.entries.map(\.unreadComments), [1, 1, 1])
        XCTAssertTrue(state.readState.isStoryRead(monday.id) && state.readState.isStoryRead(tuesday.id))
        XCTAssertFalse(state.readState.isStoryRead(other.id))
        XCTAssertFalse(state.isUnread(comment: 0), "the open story shows the old marks too")
        XCTAssertTrue(state.isUnread(comment: 2))
        XCTAssertGreaterThan(state.readStateRevision, 0, "so the reader saves")

        try store.save(changes: state.takeReadStateChanges(), fallback: state.readState)
        let saved = String(decoding: try Data(contentsOf: URL(fileURLWithPath: statePath)), as: UTF8.self)
        XCTAssertTrue(saved.hasPrefix("{\"version\":2,"), saved)
        let reloaded = store.load().0
        XCTAssertEqual(Set(reloaded.stories.keys), [monday.id, tuesday.id])
        XCTAssertEqual(Set(reloaded.legacy.keys), ["gone"], "unmatched: kept for a folder opened later")
        XCTAssertTrue(reloaded.isCommentRead(monday.comments[1].id, in: monday.id))
        XCTAssertTrue(reloaded.isCommentRead(monday.comments[0].id, in: tuesday.id))
    }
}
