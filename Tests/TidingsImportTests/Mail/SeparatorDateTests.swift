import Foundation
import XCTest
@testable import TidingsModel

/// A message of an mbox whose `Date:` is missing or unreadable is dated by its `From ` separator line, as
/// mutt dates it: in the list (its age, its place when sorted by date) and when its thread is opened.
final class SeparatorDateTests: XCTestCase {
    static let mbox = """
    From alice@example.org Thu Nov 26 10:00:01 2026
    From: Alice <alice@example.org>
    Subject: No date
    Message-ID: <nodate@example.org>

    A message without a Date.

    From bob@example.org Fri Nov 27 11:30:00 2026
    From: Bob <bob@example.org>
    Subject: Re: No date
    Message-ID: <reply@example.org>
    In-Reply-To: <nodate@example.org>
    Date: the day after tomorrow

    A reply with a date no one can read.

    From carol@example.org Sat Nov 28 09:00:00 2026
    From: Carol <carol@example.org>
    Subject: Dated
    Message-ID: <dated@example.org>
    Date: Tue, 01 Dec 2026 08:00:00 +0000

    Its own date wins.

    From dan@example.org Sun Nov 29 12:00:00 2026
    A message without headers.

    """

    func testMissingOrUnreadableDatesComeFromTheSeparatorLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-dates-\(UUID().uuidString).mbox")
        try Data(Self.mbox.utf8).write(to: file)
        addTeardownBlock { try? FileManager.default.removeItem(at: file) }
        let first = MailFixture.utc(2026, 11, 26, 10, 0, 1)
        let reply = MailFixture.utc(2026, 11, 27, 11, 30)
        let dated = MailFixture.utc(2026, 12, 1, 8)
        let bare = MailFixture.utc(2026, 11, 29, 12)
        // Held whole, and read in pieces as an archive larger than the read limit is.
        for loader in [CollectionLoader(), CollectionLoader(maximumFileSize: 64)] {
            let (stories, problems) = loader.loadAll([file.path])
            XCTAssertEqual(problems.map(\.reason), [])
            XCTAssertEqual(stories.map(\.date), [first, dated, bare])
            XCTAssertEqual(stories.first?.comments.map(\.date), [reply])
            guard case .success(let entries) = loader.entries(file.path, readState: ReadState()) else { return XCTFail("no entries") }
            XCTAssertEqual(entries.map(\.summary.date), [first, dated, bare])
            for (index, entry) in entries.enumerated() {
                guard case .success(let opened) = loader.story(for: entry.summary) else { return XCTFail("not opened") }
                XCTAssertEqual(opened.date, stories[index].date)
                XCTAssertEqual(opened.comments.map(\.date), stories[index].comments.map(\.date))
            }
        }
    }

    func testOnlyASeparatorLineRightBeforeTheMessageCounts() {
        let text = Array("From a@b Thu Nov 26 10:00:01 2026\r\nSubject: x\n\nFrom here on, text\n".utf8)
        XCTAssertEqual(MboxSeparator.date(before: 35, in: text[...]), MailFixture.utc(2026, 11, 26, 10, 0, 1), "a CRLF line end")
        XCTAssertNil(MboxSeparator.date(before: 47, in: text[...]), "a header line is no separator")
        XCTAssertNil(MboxSeparator.date(before: 0, in: text[...]))
        XCTAssertNil(MboxSeparator.date(before: 10, in: text[...]), "not after a line end")
    }
}
