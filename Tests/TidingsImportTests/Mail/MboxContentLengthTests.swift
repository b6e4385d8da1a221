import XCTest
import TidingsTestSupport
@testable import TidingsModel

/// mboxcl: a body line that reads as a separator is body text when the message's `Content-Length` ends
/// the body after it and a message ends there (as mutt checks it); a wrong length is not trusted. Read
/// whole, in pieces, from a file and again by part, the messages are the same.
final class MboxContentLengthTests: XCTestCase {
    static let trickyBody = "Quoting the log:\nFrom joe@example.org Mon Jan  1 09:00:00 2024\nstill the same message.\n"

    /// Two messages, the first with a `Content-Length` of its body plus `error`, lines ended by `newline`.
    static func archive(error: Int = 0, newline: String = "\n", endsWithNewline: Bool = true) -> [UInt8] {
        let body = trickyBody.replacingOccurrences(of: "\n", with: newline)
        let last = "Plain reply." + (endsWithNewline ? newline : "")
        return Array(([
            "From alice@example.org Tue Nov 17 10:52:49 2009",
            "From: Alice <alice@example.org>",
            "Subject: Logs",
            "Message-ID: <a@example.org>",
            "Content-Length: \(body.utf8.count + error)",
            "",
        ].joined(separator: newline) + newline + body + newline + [
            "From bob@example.org Tue Nov 17 11:00:00 2009",
            "From: Bob <bob@example.org>",
            "Subject: Re: Logs",
            "Message-ID: <b@example.org>",
            "In-Reply-To: <a@example.org>",
            "Content-Length: \(last.utf8.count)",
            "",
        ].joined(separator: newline) + newline + last).utf8)
    }

    func texts(_ bytes: [UInt8], _ messages: [MboxSplitter.Message]) -> [String] {
        messages.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    func testABodyLineLikeASeparatorStaysInItsMessage() {
        for newline in ["\n", "\r\n"] {
            for endsWithNewline in [true, false] {
                let bytes = Self.archive(newline: newline, endsWithNewline: endsWithNewline)
                let messages = MboxSplitter.messages(in: bytes[...])
                let label = "\(newline.debugDescription), last newline \(endsWithNewline)"
                XCTAssertEqual(messages.count, 2, label)
                XCTAssertTrue(texts(bytes, messages).first?.contains("still the same message.") == true, label)
                XCTAssertEqual(MboxSplitterTests.withHeads(bytes[...]).map(\.end), messages.map(\.end), "\(label): kept heads")
            }
        }
    }

    func testAWrongLengthIsNotTrusted() {
        for error in [-5, -1, 3, 1_000] {
            let bytes = Self.archive(error: error)
            let messages = MboxSplitter.messages(in: bytes[...])
            XCTAssertEqual(messages.count, 3, "a length off by \(error): split at every separator line, as without one")
            XCTAssertEqual(MboxSplitterTests.withHeads(bytes[...]).map(\.end), messages.map(\.end), "\(error)")
        }
        // A length that is no number is none.
        let text = String(decoding: Self.archive(), as: UTF8.self)
            .replacingOccurrences(of: "Content-Length: \(Self.trickyBody.utf8.count)", with: "Content-Length: 8x")
        XCTAssertEqual(MboxSplitter.messages(in: Array(text.utf8)[...]).count, 3)
    }

    func testPiecesOfAnySizeAndPartsReadAgainGiveTheSameMessages() {
        let bytes = Self.archive()
        let whole = MboxSplitter.messages(in: bytes[...])
        for size in [1, 7, 40, 100, 1_000] {
            XCTAssertEqual(MboxSplitterTests.inPieces(bytes, of: size).map(\.end), whole.map(\.end), "pieces of \(size)")
        }
        // A thread's span and a single message read again, as the reader reads a selected story.
        let first = whole[0]
        let part = MboxSplitter.messages(in: bytes[first.start..<first.end], base: first.start, startsInMessage: true)
        XCTAssertEqual(part.map(\.end), [first.end])
        let span = MboxSplitter.messages(in: bytes[first.start...], base: first.start, startsInMessage: true)
        XCTAssertEqual(span.map(\.end), whole.map(\.end))
    }

    func testTheImporterListsAndReadsTheMessageWhole() throws {
        let bytes = Self.archive()
        let stories = try MailImporter().stories(in: bytes, path: "/mail/cl.mbox")
        XCTAssertEqual(stories.count, 1)
        XCTAssertEqual(stories[0].comments.count, 1)
        XCTAssertTrue(stories[0].body.lines.joined(separator: "\n").contains("From joe@example.org Mon Jan  1 09:00:00 2024"))
        let summaries = try MailImporter().summaries(in: bytes, path: "/mail/cl.mbox", needsCommentIDs: { _, _ in false })
        XCTAssertEqual(summaries.map(\.summary.commentCount), [1])
        // Streamed from the file (an archive too large to hold): checked where the length ends, by reading there.
        let path = try temporaryFolder().appendingPathComponent("cl.mbox").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let items = try MboxStream.items(path)
        XCTAssertEqual(items.map(\.range.upperBound), MboxSplitter.messages(in: bytes[...]).map(\.end))
    }

    /// mboxcl is the file's format: in a file whose first message has no length, later lengths are not
    /// looked for (an archive's listing would pay for it on every message).
    func testLengthsAreReadInFilesWhoseFirstMessageHasOne() {
        let plain = Array("From x@example.org Tue Nov 17 10:00:00 2009\nSubject: no length\n\nText.\n\n".utf8)
        let bytes = plain + Self.archive()
        XCTAssertEqual(MboxSplitter.messages(in: bytes[...]).count, 4)
        XCTAssertEqual(MboxSplitter.messages(in: Self.archive()[...]).count, 2)
    }
}
