import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel

/// Saved discussions in the real binary: Hacker News, Reddit and native stories in one folder, read marks
/// that survive the file being replaced by a newer save of the same thread.
final class DiscussionEndToEndTests: EndToEndTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TidingsImportTests/Fixtures")

    func copy(_ name: String, as target: String) throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
        try data.write(to: URL(fileURLWithPath: folder + "/stories/" + target))
    }

    func testMixedFormatsLoadAndMarksSurviveANewerSave() throws {
        try EndToEnd.write("A native story\nCategory: Local\n\nBody.\n\nA comment\n", to: folder + "/stories/a-native.txt")
        try copy("hn_algolia_story.json", as: "b-hn.json")
        try copy("reddit_thread_raw.json", as: "c-reddit")  // no extension: recognized by its content
        try EndToEnd.write("{\"name\":\"x\",\"private\":true}", to: folder + "/stories/package.json")
        let state = folder + "/state.json"
        var tmux = try startReader([folder + "/stories", "--state", state], width: 120, height: 40)
        var screen = tmux.waitFor("three stories and one problem") {
            $0.contains("Stories 1/3") && $0.contains("1 problem")
        }
        XCTAssertTrue(screen.contains("A story & its thread"), screen)
        XCTAssertTrue(screen.contains("Cats & <dogs>"), screen)
        // The Hacker News story: five comments, all new; mark them read with the story.
        tmux.send("Down")
        // Its last comment drawn too: a capture may come in the middle of a frame.
        screen = tmux.waitFor("the Hacker News story") { $0.contains("Stories 2/3") && $0.contains("First thoughts") && $0.contains("[deleted]") }
        XCTAssertFalse(screen.contains("<i>") || screen.contains("&#x27;") || screen.contains("&quot;"), screen)
        XCTAssertTrue(screen.contains("[deleted]"), screen)
        tmux.send("r")
        tmux.waitFor("the story marked read") { !$0.contains("5 new") }
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }

        // The same thread saved again with one more reply: only that one is new.
        var text = try String(contentsOfFile: folder + "/stories/b-hn.json", encoding: .utf8)
        text = text.replacingOccurrences(of: "\"children\":[],\"created_at\":\"2023-11-14T22:13:20.000Z\",\"created_at_i\":1700000006",
                                         with: "\"children\":[{\"author\":\"newcomer\",\"children\":[],\"created_at_i\":1700000099,\"id\":99,\"parent_id\":6,\"story_id\":1,\"text\":\"A later reply\",\"type\":\"comment\"}],\"created_at\":\"2023-11-14T22:13:20.000Z\",\"created_at_i\":1700000006")
        try EndToEnd.write(text, to: folder + "/stories/b-hn.json.new")
        XCTAssertEqual(rename(folder + "/stories/b-hn.json.new", folder + "/stories/b-hn.json"), 0)
        tmux = try startReader([folder + "/stories", "--state", state], width: 120, height: 40)
        // The reader reopens on the story it was left on (the session file), its new reply counted.
        screen = tmux.waitFor("the thread with its new reply") {
            $0.contains("Stories 2/3") && $0.contains("6 · 1 new") && $0.contains("A later reply")
        }
        let rows = screen.split(separator: "\n")
        XCTAssertTrue(rows.contains { $0.contains("● newcomer") }, screen)
        XCTAssertFalse(rows.contains { $0.contains("● bob") }, screen)
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }
}

extension DiscussionEndToEndTests {
    /// `dump` puts Hacker News items saved one per file together as the reader does, and a JSON Lines file of
    /// thousands of records reads in one pass.
    func testDumpJoinsItemsSavedOnePerFile() throws {
        let binary = try XCTUnwrap(EndToEnd.binary)
        let items = [
            #"{"id":4201,"by":"op","time":1764000000,"type":"story","title":"One per file","kids":[4202]}"#,
            #"{"id":4202,"by":"a","time":1764000100,"type":"comment","text":"first","parent":4201,"kids":[4203]}"#,
            #"{"id":4203,"by":"b","time":1764000200,"type":"comment","text":"second","parent":4202}"#,
        ]
        for (index, item) in items.enumerated() { try EndToEnd.write(item, to: folder + "/stories/\(4201 + index).json") }
        var lines = ""
        for number in 0..<5_000 {
            lines += #"{"id":\#(10_000 + number),"type":"story","author":"x","title":"S \#(number)","created_at_i":1,"children":[]}"# + "\n"
        }
        try EndToEnd.write(lines, to: folder + "/stories/many.jsonl")
        let result = ChildProcess.run([binary, "dump", folder + "/stories"])
        XCTAssertEqual(result.status, 0, result.output)
        let records = result.output.split(separator: "\n")
        XCTAssertEqual(records.count, 5_001)
        let joined = try XCTUnwrap(records.last)
        XCTAssertTrue(joined.contains("\"title\":\"One per file\""), String(joined))
        XCTAssertTrue(joined.contains("\"otherPaths\":["), String(joined))
        XCTAssertTrue(joined.contains("\"text\":\"second\""), String(joined))
        XCTAssertTrue(records[4_999].contains("\"locator\":\"line 5000\""), String(records[4_999]))
    }
}
