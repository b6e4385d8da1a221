import Foundation
import XCTest
import TidingsModel

/// Bad input of every kind is one problem naming the reason, or loads; nothing crashes or recurses.
final class BadJSONTests: XCTestCase {
    func failure(_ text: String) -> String? {
        do {
            _ = try DiscussionFixture.stories(bytes: Array(text.utf8))
            return nil
        } catch let failure as LoadFailure {
            return failure.description
        } catch {
            return "\(error)"
        }
    }

    func testTruncatedJSONSaysWhereItEnds() throws {
        let bytes = try DiscussionFixture.bytes("hn_algolia_story.json")
        let cut = String(decoding: bytes.prefix(bytes.count / 2), as: UTF8.self)
        let reason = try XCTUnwrap(failure(cut))
        XCTAssertTrue(reason.hasPrefix("not valid JSON: "), reason)
        XCTAssertTrue(reason.contains("line 1"), reason)
        for broken in ["{", "[1,", "{\"a\":}", "{\"a\" 1}", "[1 2]", "{\"a\":1,}", "\"open", "nul", "[-]", "{}x"] {
            XCTAssertNotNil(failure(broken), broken)
        }
    }

    func testJSONOfAnotherShapeNamesItsKeys() {
        XCTAssertEqual(failure("{\"name\":\"tidings\",\"version\":\"1.0\",\"dependencies\":{}}"),
                       "JSON, but not a discussion this reader knows: top-level keys name, version, dependencies")
        XCTAssertEqual(failure("[1,2,3]"), "JSON, but not a discussion this reader knows: an array of 3 values, the first a single number")
        XCTAssertEqual(failure("\"just text\""), "JSON, but not a discussion this reader knows: a single string")
    }

    func testHTMLNestedAHundredThousandDeepLoads() throws {
        let html = String(repeating: "<blockquote><ul><li><b>", count: 100_000) + "deep"
        let text = "{\"id\":1,\"type\":\"story\",\"title\":\"t\",\"author\":\"a\",\"created_at_i\":1,\"text\":\"\(html)\",\"children\":[]}"
        let story = try XCTUnwrap(DiscussionFixture.stories(bytes: Array(text.utf8)).first)
        XCTAssertTrue(story.body.lines.joined().contains("deep"))
    }

    func testArraysAndObjectsNestedAHundredThousandDeepParse() {
        XCTAssertEqual(failure(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)), "JSON, but not a discussion this reader knows: an array of 1 value, the first an array")
        XCTAssertNotNil(failure(String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)))
    }

    func testEscapesAndBrokenSurrogatesDecode() throws {
        let text = #"{"id":1,"type":"story","title":"A \u00e9 \ud83d\ude00 \ud800 x\"y\\z\/ \n","author":"a","created_at_i":1,"children":[]}"#
        let story = try XCTUnwrap(DiscussionFixture.stories(bytes: Array(text.utf8)).first)
        XCTAssertEqual(story.title, "A é 😀 \u{FFFD} x\"y\\z/ \n")
    }

    func testABadFileAmongGoodOnesIsOneProblemAndTheRestLoad() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("badjson-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["hn_algolia_story.json", "reddit_thread_raw.json", "lobsters_story.json"] {
            try FileManager.default.copyItem(atPath: DiscussionFixture.path(name), toPath: folder.appendingPathComponent(name).path)
        }
        try Data("{\"truncated\":[1,2".utf8).write(to: folder.appendingPathComponent("broken.json"))
        try Data("{\"other\":1}".utf8).write(to: folder.appendingPathComponent("other"))
        try Data("Plain story\n\nBody.\n".utf8).write(to: folder.appendingPathComponent("plain.txt"))
        let (stories, problems) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(stories.compactMap(\.title).sorted(), ["A Lobsters story", "A story & its thread", "Cats & <dogs>", "Plain story"])
        XCTAssertEqual(problems.map { ($0.path as NSString).lastPathComponent }.sorted(), ["broken.json", "other"])
        XCTAssertTrue(problems.allSatisfy { !$0.isSkipped })
    }

    /// JSON saved as UTF-16 or UTF-32 (with its mark) is read, found by its content too; an mbox saved so is
    /// named for what it is, in a folder and named, not called binary.
    func testWideEncodingsAreReadOrNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("widejson-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try String(contentsOfFile: DiscussionFixture.path("hn_algolia_story.json"), encoding: .utf8)
        func wide(_ text: String, width: Int) -> Data {
            var bytes: [UInt8] = width == 2 ? [0xFF, 0xFE] : [0xFF, 0xFE, 0, 0]
            if width == 2 {
                for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            } else {
                for scalar in text.unicodeScalars { bytes += [UInt8(scalar.value & 0xFF), UInt8(scalar.value >> 8 & 0xFF), UInt8(scalar.value >> 16), 0] }
            }
            return Data(bytes)
        }
        try wide(json, width: 2).write(to: folder.appendingPathComponent("story16.json"))
        try wide(json, width: 4).write(to: folder.appendingPathComponent("story32"))
        try wide("From a@b Tue Nov 17 10:52:49 2009\nSubject: x\nFrom: y\n\nBody\n", width: 2).write(to: folder.appendingPathComponent("box.mbox"))
        let (stories, problems) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(stories.compactMap(\.title), ["A story & its thread", "A story & its thread"])
        XCTAssertEqual(problems.map(\.reason), ["a mailbox (mbox) in UTF-16: a format this version of Tidings does not read yet"])
        // Without its mark, JSON in UTF-16 is said to be so, not "not valid JSON".
        var bare: [UInt8] = []
        for unit in "{\"hits\": []}".utf16 { bare += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        XCTAssertEqual(failure(String(decoding: bare, as: UTF8.self)), "JSON in UTF-16 or UTF-32 without a byte-order mark: a format this version of Tidings does not read yet")
    }
}
