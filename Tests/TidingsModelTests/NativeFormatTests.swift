import Foundation
import XCTest
@testable import TidingsModel

final class NativeFormatTests: XCTestCase {
    func parse(_ name: String) throws -> Story {
        let stories = try NativeImporter().stories(in: try Fixtures.bytes(name), path: name)
        XCTAssertEqual(stories.count, 1)
        return stories[0]
    }

    func testGluedBylineAndNoFinalNewline() throws {
        let story = try parse("glued-by.txt")
        XCTAssertEqual(story.title, "Harbour ferry returns after a winter of repairs")
        XCTAssertEqual(story.category, "Local News")
        XCTAssertEqual(story.author, "tidewatcher")
        XCTAssertEqual(story.dateText, "two weeks ago")
        XCTAssertEqual(story.declaredComments, 4)
        XCTAssertEqual(story.byline, "Story by Ines Calloway")
        XCTAssertEqual(story.body.blocks.count, 6)
        XCTAssertEqual(story.body.lines.filter { $0.hasPrefix("- ") }.count, 3)
        XCTAssertEqual(story.comments.count, 4)
        XCTAssertEqual(story.comments.last?.text, "Good news, but the timetable on the website is still the old one.")
        XCTAssertTrue(story.comments.allSatisfy { $0.depth == 0 && $0.parent == nil && $0.author == nil })
    }

    func testCRLFAndByteOrderMarkParseLikeLF() throws {
        let story = try parse("crlf-bom.txt")
        XCTAssertEqual(story.title, "Night market opens on the river quay")
        XCTAssertEqual(story.byline, "Staff writer")
        XCTAssertEqual(story.body.lines, ["Forty stalls will open every Friday from May.", "- Cash and cards accepted."])
        XCTAssertEqual(story.comments.map(\.depth), [0, 1, 2])
        XCTAssertFalse(story.comments.contains { $0.text.contains("\r") })

        let lf = String(decoding: try Fixtures.bytes("crlf-bom.txt").dropFirst(3), as: UTF8.self)
            .replacingOccurrences(of: "\r\n", with: "\n")
        let fromLF = try NativeImporter().stories(in: Array(lf.utf8), path: "crlf-bom.txt")[0]
        XCTAssertEqual(fromLF, story)
    }

    func testNestingFollowsIndentationAndOverIndentedLinesAreReplies() throws {
        let story = try parse("nested.txt")
        XCTAssertEqual(story.comments.map(\.depth), [0, 1, 2, 3, 1, 0, 1, 2, 0])
        XCTAssertEqual(story.comments.map(\.parent), [nil, 0, 1, 2, 0, nil, 5, 6, nil])
        XCTAssertEqual(story.comments[6].text, "This line is indented far too deep but is still a reply.")
        XCTAssertEqual(story.comments.map(\.descendantCount), [4, 2, 1, 0, 0, 2, 1, 0, 0])
        XCTAssertEqual(story.topLevelCommentIndices, [0, 5, 8])
    }

    func testNoCommentsAndMissingHeaders() throws {
        let quiet = try parse("no-comments.txt")
        XCTAssertEqual(quiet.body.blocks.count, 2)
        XCTAssertTrue(quiet.comments.isEmpty)
        XCTAssertEqual(quiet.declaredComments, 0)

        let bare = try parse("missing-headers.txt")
        XCTAssertEqual(bare.title, "Just a title and a body")
        XCTAssertNil(bare.category)
        XCTAssertNil(bare.author)
        XCTAssertNil(bare.dateText)
        XCTAssertNil(bare.declaredComments)
        XCTAssertNil(bare.byline)
        XCTAssertEqual(bare.body.lines, ["Only one paragraph here, with no headers at all."])
        XCTAssertEqual(bare.comments.map(\.text), ["A comment anyway.", "And a reply."])
    }

    func testAttributionExtensionAndIdHeader() throws {
        let story = try parse("authors.txt")
        XCTAssertEqual(story.id, "sleeper-trains-2026")
        XCTAssertEqual(story.comments[0].author, "kaori")
        XCTAssertEqual(story.comments[0].age, "2 hours ago")
        XCTAssertTrue(story.comments[0].text.hasPrefix("乗ったことがあります!"))
        XCTAssertEqual(story.comments[1].author, "tomas")
        XCTAssertNil(story.comments[1].age)
        XCTAssertNil(story.comments[2].author)
        XCTAssertEqual(story.comments[2].text, "[not an attribution] plain text that starts with a bracket")
    }

    /// Addresses written in the text are numbered links, as in mail: the reader opens them by number.
    func testAddressesInTheTextAndCommentsAreLinks() throws {
        let text = "Ferry\nVia: tide\n\nSee https://example.org/ferry for times.\n\n  ann: old ones at www.example.org/old.\n"
        let story = try XCTUnwrap(NativeImporter().stories(in: Array(text.utf8), path: "ferry.txt").first)
        XCTAssertEqual(story.body.links, ["https://example.org/ferry"])
        XCTAssertEqual(story.body.blocks.first?.plainText, "See https://example.org/ferry for times.", "the text is as written")
        XCTAssertEqual(story.comments.first?.body.links, ["http://www.example.org/old"])
    }

    func testEmptyAndBinaryFilesAreErrors() {
        XCTAssertThrowsError(try NativeImporter().stories(in: [], path: "empty"))
        XCTAssertThrowsError(try NativeImporter().stories(in: Array("\n \n\n".utf8), path: "blank"))
        XCTAssertThrowsError(try NativeImporter().stories(in: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], path: "x.png"))
    }

    func testTheSeedDocument() throws {
        guard let seed = Fixtures.sharedSeed() else {
            throw XCTSkip("../shared/seeds is not here: the seed check is skipped")
        }
        let story = try NativeImporter().stories(in: seed, path: "seed")[0]
        XCTAssertEqual(story.category, "News & Politics")
        XCTAssertEqual(story.author, "vic-eldred")
        XCTAssertEqual(story.dateText, "one month ago")
        XCTAssertEqual(story.declaredComments, 5)
        XCTAssertEqual(story.byline, "Story by Barak Ravid")
        XCTAssertEqual(story.body.blocks.count, 15)
        XCTAssertEqual(story.body.lines.filter { $0.hasPrefix("- ") }.count, 8)
        XCTAssertEqual(story.comments.count, 6)
        XCTAssertTrue(story.comments.allSatisfy { $0.depth == 0 && $0.descendantCount == 0 })
        XCTAssertTrue(story.title?.hasPrefix("Trump asks Putin") ?? false)
    }
}

final class StableIDTests: XCTestCase {
    let base = """
    A story about ids
    Via: someone • now • 2 comments

    Body.

    First comment.
      A reply.
    Second comment.
    """

    func ids(_ text: String) throws -> (String, [String: String]) {
        let story = try NativeImporter().stories(in: Array(text.utf8), path: "x")[0]
        return (story.id, Dictionary(uniqueKeysWithValues: story.comments.map { ($0.text, $0.id.description) }))
    }

    func testStoryAndCommentIdsSurviveAddedComments() throws {
        let (storyID, before) = try ids(base)
        let grown = base.replacingOccurrences(of: "First comment.\n", with: "A new first comment.\nFirst comment.\n  A new reply.\n")
            + "\nA new last comment."
        let (grownID, after) = try ids(grown)
        XCTAssertEqual(storyID, grownID)
        for (text, id) in before { XCTAssertEqual(after[text], id, text) }
        XCTAssertEqual(Set(after.values).count, after.count, "ids are distinct")
    }

    func testStoryIdFollowsTheBodyNotThePath() throws {
        let (storyID, _) = try ids(base)
        let (rewritten, _) = try ids(base.replacingOccurrences(of: "Body.", with: "A rewritten body."))
        XCTAssertNotEqual(storyID, rewritten, "a new body is a new story (docs/STATE.md)")
        let moved = try NativeImporter().stories(in: Array(base.utf8), path: "elsewhere/y.txt")[0]
        XCTAssertEqual(moved.id, storyID)
        XCTAssertEqual(storyID.count, StoryID.characterCount)
    }

    func testIdenticalSiblingsGetDistinctIds() throws {
        let story = try NativeImporter().stories(in: Array("T\n\nB\n\n+1\n+1\n+1\n".utf8), path: "x")[0]
        XCTAssertEqual(Set(story.comments.map(\.id)).count, 3)
    }

    func testCommentIDRoundTrip() {
        for value: UInt64 in [0, 1, 0xF_FFFF_FFFF, 0x1234_5678] {
            let id = CommentID(value: value)
            XCTAssertEqual(CommentID(id.description), id)
            XCTAssertEqual(id.description.count, 6)
        }
        XCTAssertNil(CommentID("abc"))
        XCTAssertNil(CommentID("abc!ef"))
    }
}

/// Locates the test fixtures next to this file.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// The seed document in ../shared, when this checkout has one beside it.
    static func sharedSeed() -> [UInt8]? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: seeds.path),
              let name = names.sorted().first(where: { $0.hasSuffix(".txt") }),
              let data = try? Data(contentsOf: seeds.appendingPathComponent(name)) else { return nil }
        return Array(data)
    }
}
