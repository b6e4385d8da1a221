import XCTest
@testable import TidingsModel

/// The mbox is cut into messages at separator lines only, the same whether read whole or in pieces.
final class MboxSplitterTests: XCTestCase {
    static let archive = """
    From alice@example.org Tue Nov 17 10:52:49 2009
    From: Alice <alice@example.org>
    Subject: First
    Message-ID: <a@example.org>

    From what I know, this line is body text.
    >From here on it was escaped.

    From bob@example.org Tue Nov 17 11:00:00 2009
    From: Bob <bob@example.org>
    Subject: Re: First
    Message-ID: <b@example.org>
    In-Reply-To: <a@example.org>

    Reply.
    From carol@example.org  Wed Nov 18 09:00:00 2009
    From: Carol <carol@example.org>
    Subject: Third

    No blank line before my separator.
    """

    func testSplitsAtSeparatorLinesOnly() {
        let bytes = Array(Self.archive.utf8)
        let messages = Self.withHeads(bytes[...])
        XCTAssertEqual(messages.count, 3)
        let texts = messages.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        XCTAssertTrue(texts[0].hasPrefix("From: Alice"))
        XCTAssertTrue(texts[0].contains("From what I know, this line is body text."))
        XCTAssertTrue(texts[1].hasPrefix("From: Bob"))
        XCTAssertTrue(texts[2].hasSuffix("No blank line before my separator."))
        XCTAssertEqual(String(decoding: messages[1].head, as: UTF8.self),
                       "From: Bob <bob@example.org>\nSubject: Re: First\nMessage-ID: <b@example.org>\nIn-Reply-To: <a@example.org>\n")
    }

    func testPiecesOfAnySizeGiveTheSameMessages() {
        let bytes = Array(Self.archive.utf8)
        let whole = Self.withHeads(bytes[...])
        XCTAssertEqual(MboxSplitter.messages(in: bytes[...]).map(\.end), whole.map(\.end))
        for size in [1, 2, 3, 5, 7, 13, 64, 100] {
            let messages = Self.inPieces(bytes, of: size)
            XCTAssertEqual(messages.map(\.start), whole.map(\.start), "pieces of \(size)")
            XCTAssertEqual(messages.map(\.end), whole.map(\.end), "pieces of \(size)")
            XCTAssertEqual(messages.map(\.head), whole.map(\.head), "pieces of \(size)")
        }
    }

    func testCRLFAndAPartStartingInsideAMessage() {
        let bytes = Array("From x@y Tue Nov 17 10:52:49 2009\r\nSubject: A\r\n\r\nBody\r\nFrom x@y Tue Nov 17 10:53:49 2009\r\nSubject: B\r\n\r\nMore\r\n".utf8)
        let messages = Self.withHeads(bytes[...])
        XCTAssertEqual(messages.count, 2)
        XCTAssertEqual(String(decoding: messages[0].head, as: UTF8.self), "Subject: A\r\n")
        // Read again from just after the first separator, as a thread's span is.
        let part = MboxSplitter.messages(in: bytes[messages[0].start...], base: messages[0].start, startsInMessage: true)
        XCTAssertEqual(part.map(\.start), messages.map(\.start))
        XCTAssertEqual(part.map(\.end), messages.map(\.end))
    }

    /// The messages as `MboxStream` finds them: fed in pieces of `size` bytes, the file read where a
    /// `Content-Length` ends.
    static func inPieces(_ bytes: [UInt8], of size: Int) -> [MboxSplitter.Message] {
        var splitter = MboxSplitter { at, count in
            at <= bytes.count ? Array(bytes[at..<min(bytes.count, at + count)]) : nil
        }
        var messages: [MboxSplitter.Message] = []
        var start = 0
        while start < bytes.count {
            splitter.feed(bytes[start..<min(bytes.count, start + size)])
            messages += splitter.takeMessages()
            start += size
        }
        splitter.finish()
        return messages + splitter.takeMessages()
    }

    /// The messages as read in pieces, with their header blocks gathered.
    static func withHeads(_ bytes: ArraySlice<UInt8>) -> [MboxSplitter.Message] {
        // Reading the file where a `Content-Length` ends, as `MboxStream` does.
        var splitter = MboxSplitter { at, count in
            let start = bytes.startIndex + at
            return start <= bytes.endIndex ? Array(bytes[start..<min(bytes.endIndex, start + count)]) : nil
        }
        splitter.feed(bytes)
        splitter.finish()
        return splitter.takeMessages()
    }

    func testUnescapingTakesOneMarkFromFromLines() {
        let bytes = Array(">From a\n>>From b\n> From c\nFrom d\n".utf8)
        XCTAssertEqual(String(decoding: MboxSeparator.unescaped(bytes[...]), as: UTF8.self), "From a\n>From b\n> From c\nFrom d\n")
    }

    func testTextBeforeAnySeparatorIsAMessageOfItsOwn() {
        // An archive is judged one before it is split (`MailImporter.isMbox`): text before its first separator
        // is a message without headers, never passed over.
        let text = Array("just text\nFrom nowhere\n".utf8)
        XCTAssertEqual(MboxSplitter.messages(in: text[...]).map { $0.start..<$0.end }, [0..<text.count])
        XCTAssertEqual(MboxSplitter.messages(in: Array("\n\nnote\nFrom a@b Mon Jan  1 10:00:00 2024\nX: y\n".utf8)[...]).map(\.start), [2, 41])
        XCTAssertTrue(MboxSplitter.messages(in: [][...]).isEmpty)
        XCTAssertTrue(MboxSplitter.messages(in: Array("\n\r\n".utf8)[...]).isEmpty, "blank lines are no message")
    }

    func testLocatorSpanRoundTrip() {
        let name = MboxLocator.name(120..<4500, storyID: "mail:a@example.org")
        XCTAssertEqual(name, "bytes 120-4500 <a@example.org>")
        XCTAssertEqual(MboxLocator.span(name), 120..<4500)
        XCTAssertNil(MboxLocator.span("line 3"))
        XCTAssertNil(MboxLocator.span("bytes 9-3 <x>"))
    }

    func testMaildirFlags() {
        XCTAssertTrue(MaildirFlags.seen("/m/cur/1382298770.004581.host:2,RS"))
        XCTAssertFalse(MaildirFlags.seen("/m/cur/1382298770.004581.host:2,R"))
        XCTAssertFalse(MaildirFlags.seen("/m/new/1382298770.004581.host"))
        XCTAssertFalse(MaildirFlags.seen("/m:2,S/cur/name"))
    }
}
