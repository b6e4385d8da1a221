import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel

/// The real binary on a version-1 state file: the old marks show on the first screen and are saved as
/// version 2 under the new story ids, without the user doing anything (docs/STATE.md, "Migration").
final class MigrationEndToEndTests: EndToEndTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
    }


    func testAVersion1StateFileIsMigratedOnTheFirstRun() throws {
        let texts = ["Daily Discussion Thread\nVia: bot\n\nMonday.\n\nRain.\nSun.\n  Nice.\n",
                     "Daily Discussion Thread\nVia: bot\n\nTuesday.\n\nRain.\nWind.\n"]
        let stories = try texts.map { try NativeImporter().stories(in: Array($0.utf8), path: "x")[0] }
        for (index, text) in texts.enumerated() { try EndToEnd.write(text, to: folder + "/stories/\(index).txt") }
        let legacyID = try XCTUnwrap(stories[0].legacyID)
        let read = [stories[0].comments[0].id, stories[0].comments[1].id].sorted().map(\.description).joined()
        let state = folder + "/state.json"
        try EndToEnd.write("{\"version\":1,\"stories\":{\"\(legacyID)\":{\"read\":true,\"comments\":\"\(read)\"}}}", to: state)

        let tmux = try TmuxSession(command: EndToEnd.command(binary, [folder + "/stories", "--state", state]),
                                   width: 120, height: 30)
        let screen = tmux.waitFor(text: "Stories 1/2")
        XCTAssertFalse(screen.contains("● Daily"), "both stories show as read:\n\(screen)")
        XCTAssertTrue(screen.contains("3 · 1 new") && screen.contains("2 · 1 new"), screen)
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }

        let text = try String(contentsOfFile: state, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("{\"version\":2,"), text)
        let saved = ReadStateStore(path: state).load().0
        XCTAssertEqual(Set(saved.stories.keys), Set(stories.map(\.id)))
        XCTAssertEqual(saved.legacy, [:])
    }
}
