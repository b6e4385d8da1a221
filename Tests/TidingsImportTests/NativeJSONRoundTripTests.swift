import Foundation
import XCTest
import TidingsModel
import TidingsTestSupport

/// `tidings dump` output is a format Tidings reads: read back and dumped again, it is the same.
final class NativeJSONRoundTripTests: XCTestCase {
    /// Every fixture, and a native text story, dumped; each record read back and dumped again.
    func testDumpReadBackAndDumpedAgainIsIdentical() throws {
        var stories: [Story] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: DiscussionFixture.folder.path).sorted() {
            stories += try DiscussionFixture.stories(name)
        }
        let native = "A native story\nCategory: Tests\nVia: someone • 2 hours ago • 2 comments\n\nA body line.\n- an item\n> a quote\n\nFirst comment\n  A reply\n"
        stories += try NativeImporter().stories(in: Array(native.utf8), path: "/tmp/native.txt")
        stories += try Self.storiesWithAttachments()
        XCTAssertGreaterThan(stories.count, 10)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, story) in stories.enumerated() {
            let path = folder.appendingPathComponent("story-\(index).json").path
            // The record as if it had been dumped from this very file: a fixed point, byte for byte.
            var placed = story
            placed.source = SourceReference(path: path)
            let line = StoryJSON.line(placed)
            try Data(line.utf8).write(to: URL(fileURLWithPath: path))
            let read = try JSONDiscussionImporter().stories(in: Array(line.utf8), path: path)
            XCTAssertEqual(read.count, 1)
            XCTAssertEqual(read.map(StoryJSON.line), [line], "story \(index) (\(story.id)) changes on a round trip")
            XCTAssertEqual(read.first?.comments.map(\.id), story.comments.map(\.id))
            XCTAssertEqual(read.first?.format, story.format)
            XCTAssertEqual(read.first?.attachments, story.attachments, "story \(index) (\(story.id))")
            XCTAssertEqual(read.first?.comments.map(\.attachments), story.comments.map(\.attachments), "story \(index) (\(story.id))")
            XCTAssertEqual(read.first?.summary.commentCount, story.summary.commentCount)
            XCTAssertEqual(read.first?.comments.map(\.subject), story.comments.map(\.subject), "story \(index) (\(story.id))")
            XCTAssertEqual(read.first?.comments.map(\.url), story.comments.map(\.url), "story \(index) (\(story.id))")
        }
        // JSON Lines: the whole dump in one file reads back to the same records, each found by its line.
        let lines = stories.map { StoryJSON.line($0) }.joined(separator: "\n") + "\n"
        let read = try JSONDiscussionImporter().stories(in: Array(lines.utf8), path: "/tmp/all.jsonl")
        XCTAssertEqual(read.count, stories.count)
        func withoutSource(_ story: Story) -> String {
            var story = story
            story.source = SourceReference(path: "")
            return StoryJSON.line(story)
        }
        XCTAssertEqual(read.map(withoutSource), stories.map(withoutSource))
        XCTAssertEqual(read[3].source.locator, "line 4")
    }

    /// A comment's own page read from a record is a web address or none, as from a feed: `o` opens the
    /// story's link rather than refuse a `javascript:` or `file:` one a hand-written record gives.
    func testACommentsOwnPageIsAWebAddressOrNone() throws {
        let line = #"{"id":"feed:x","path":"hand.json","locator":null,"format":"feed","title":"T","url":"https://example.org/t","body":[],"comments":["#
            + #"{"id":"aaaaaa","author":"a","text":"one","url":"javascript:alert(1)","replies":[]},"#
            + #"{"id":"bbbbbb","author":"b","text":"two","url":"file:///etc/passwd","replies":[]},"#
            + #"{"id":"cccccc","author":"c","text":"three","url":"HTTPS://example.org/t#c","subject":"On c","replies":[]}]}"#
        let story = try XCTUnwrap(JSONDiscussionImporter().stories(in: Array(line.utf8), path: "/tmp/hand.json").first)
        XCTAssertEqual(story.comments.map(\.url), [nil, nil, "HTTPS://example.org/t#c"])
        XCTAssertEqual(story.comments.map(\.subject), [nil, nil, "On c"])
    }

    /// Opening one story of a JSON Lines file renders that story only, and finds it by its id.
    func testOneStoryOfManyIsReadInFullByItself() throws {
        let stories = try DiscussionFixture.stories("hn_algolia_story.json") + DiscussionFixture.stories("reddit_thread_raw.json")
            + DiscussionFixture.stories("lobsters_story.json")
        let bytes = Array((stories.map { StoryJSON.line($0) }.joined(separator: "\n")).utf8)
        let importer = JSONDiscussionImporter()
        let summaries = try importer.summaries(in: bytes, path: "/tmp/many.jsonl", needsCommentIDs: { _, _ in false })
        XCTAssertEqual(summaries.map(\.summary.id), stories.map(\.id))
        let opened = try importer.story(in: bytes, for: summaries[1].summary)
        XCTAssertEqual(opened.id, stories[1].id)
        XCTAssertEqual(opened.comments.map(\.id), stories[1].comments.map(\.id))
        XCTAssertEqual(opened.body.lines, stories[1].body.lines)
        XCTAssertEqual(opened.summary, summaries[1].summary)
        // Gone from the file since it was listed: the story at its place is shown instead, as for any importer.
        var gone = summaries[1].summary
        gone.id = "reddit:t3_gone"
        XCTAssertEqual(try importer.story(in: bytes, for: gone).id, stories[1].id)
    }

    func testDumpRecordsConform() throws {
        let story = try DiscussionFixture.story("reddit_thread_raw.json")
        let line = StoryJSON.line(story)
        ImporterConformance.check(JSONDiscussionImporter(), bytes: Array(line.utf8), path: "/tmp/dumped.json")
    }
}

extension NativeJSONRoundTripTests {
    /// A mail thread whose first message and a reply carry attachments (a named one, one without a name),
    /// and a native story given attachments of every odd kind a record can hold.
    static func storiesWithAttachments() throws -> [Story] {
        let mbox = """
        From alice@example.org Tue Nov 17 10:52:49 2009
        From: Alice <alice@example.org>
        Date: Tue, 17 Nov 2009 10:52:49 +0100
        Subject: The report
        Message-ID: <report@example.org>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain

        The report is attached.
        --b
        Content-Type: application/pdf; name="report.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --b
        Content-Type: image/png

        not really a picture
        --b--

        From bob@example.org Tue Nov 17 11:00:00 2009
        From: Bob <bob@example.org>
        Date: Tue, 17 Nov 2009 11:00:00 +0100
        Subject: Re: The report
        Message-ID: <reply@example.org>
        In-Reply-To: <report@example.org>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="c"

        --c
        Content-Type: text/plain

        My notes.
        --c
        Content-Type: text/plain; name="notes.txt"

        A note.
        --c--

        """
        let mail = try MailImporter().stories(in: Array(mbox.utf8), path: "/tmp/report.mbox")
        XCTAssertEqual(mail.count, 1)
        XCTAssertEqual(mail.first?.attachments.map(\.name), ["report.pdf", nil])
        XCTAssertEqual(mail.first?.attachments.first?.size, 9)
        XCTAssertEqual(mail.first?.comments.map { $0.attachments.map(\.name) }, [["notes.txt"]])
        var native = Story(id: "native-attachments", path: "/tmp/attachments.txt", format: "tidings", title: "Odd attachments",
                           comments: [Comment(id: CommentID(value: 1), depth: 0, parent: nil, text: "No attachments here", descendantCount: 1),
                                      Comment(id: CommentID(value: 2), depth: 1, parent: 0, text: "Attachments here")])
        native.attachments = [Comment.Attachment(name: "", type: "", size: 0),
                              Comment.Attachment(name: "quote\" and \u{1B}[31m escape\u{202E}.txt", type: "text/plain", size: Int.max)]
        native.comments[1].attachments = [Comment.Attachment(name: nil, type: "application/octet-stream", size: 1)]
        return mail + [native]
    }
}
