import Foundation
import XCTest
import TidingsTestSupport
@testable import TidingsModel

/// Messages without a Message-ID (an mbox `From ` line followed by a body alone, a message whose client
/// wrote no id) are named by what they say, so each keeps its own marks, the same on every run.
final class UnnamedMessageTests: XCTestCase {
    static let mbox = """
    From a@example.org Thu Nov 26 10:00:01 2026
    The first body, no headers.

    From a@example.org Thu Nov 26 10:00:02 2026
    The second body, no headers.

    From a@example.org Thu Nov 26 10:00:03 2026
    The first body, no headers.

    From b@example.org Thu Nov 26 10:00:04 2026
    From: B <b@example.org>
    Subject: No id

    One text.

    From b@example.org Thu Nov 26 10:00:05 2026
    From: B <b@example.org>
    Subject: No id

    Another text.

    """

    func temporaryFolder() throws -> URL { try temporaryFolder(prefix: "tidings-unnamed") }

    func testEachMessageWithoutAnIDHasItsOwnStableID() throws {
        let file = try temporaryFolder().appendingPathComponent("unnamed.mbox")
        try Data(Self.mbox.utf8).write(to: file)
        var seen: [String]?
        // Held whole, and read in pieces as an archive larger than the read limit is.
        for loader in [CollectionLoader(), CollectionLoader(maximumFileSize: 64)] {
            let (stories, problems) = loader.loadAll([file.path])
            XCTAssertEqual(problems.map(\.reason), [])
            let ids = stories.map(\.id)
            XCTAssertEqual(ids.count, 5)
            XCTAssertEqual(Set(ids).count, 5, "\(ids)")
            XCTAssertTrue(ids.allSatisfy { $0.hasPrefix("mail:no-id-") }, "\(ids)")
            XCTAssertEqual(ids[2], ids[0] + "#2", "a byte-identical copy is told apart by its place")
            if let seen { XCTAssertEqual(ids, seen, "the same ids every run, whatever the reading") }
            seen = ids
            guard case .success(let entries) = loader.entries(file.path, readState: ReadState()) else { return XCTFail("no entries") }
            XCTAssertEqual(entries.map(\.summary.id), ids)
            for (index, entry) in entries.enumerated() {
                guard case .success(let opened) = loader.story(for: entry.summary) else { return XCTFail("not opened") }
                XCTAssertEqual(opened.id, ids[index])
                XCTAssertEqual(opened.body, stories[index].body)
            }
        }
    }

    /// A mail client marking a message read rewrites its `Status:` line: the message keeps its name (and its
    /// marks in Tidings).
    func testAStatusLineWrittenByAMailClientKeepsTheName() throws {
        let plain = "From b@example.org Thu Nov 26 10:00:04 2026\nFrom: B <b@example.org>\nSubject: No id\n\nOne text.\n"
        let read = "From b@example.org Thu Nov 26 10:00:04 2026\nFrom: B <b@example.org>\nSubject: No id\nStatus: RO\nX-Status: A\n\nOne text.\n"
        let before = try MailImporter().stories(in: Array(plain.utf8), path: "/tmp/a.mbox").map(\.id)
        let after = try MailImporter().stories(in: Array(read.utf8), path: "/tmp/a.mbox").map(\.id)
        XCTAssertEqual(before, after)
        let other = try MailImporter().stories(in: Array(plain.replacingOccurrences(of: "One text.", with: "Other text.").utf8), path: "/tmp/a.mbox")
        XCTAssertNotEqual(other.map(\.id), before, "another text, another name")
        // cron's mails: the same sender, subject and text every day, told apart by their dates, so deleting
        // one moves no mark onto another.
        let cron = (1...3).map { "From cron@x Thu Nov 26 10:00:0\($0) 2026\nFrom: cron@x\nSubject: Backup\nDate: Mon, 0\($0) Jan 2024 04:00:00 +0000\n\nBackup done.\n" }
        let all = try MailImporter().stories(in: Array(cron.joined().utf8), path: "/tmp/c.mbox").map(\.id)
        let later = try MailImporter().stories(in: Array(cron.dropFirst().joined().utf8), path: "/tmp/c.mbox").map(\.id)
        XCTAssertEqual(Set(all).count, 3)
        XCTAssertEqual(Array(all.dropFirst()), later, "each keeps its name when the first is deleted")
    }

    func testMaildirMessagesWithoutIDsAreToldApartByWhatTheySay() throws {
        let box = try temporaryFolder().appendingPathComponent("Mail")
        for name in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: box.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let head = "From: B <b@example.org>\nDate: Thu, 26 Nov 2026 10:00:00 +0000\nSubject: No id\n\n"
        try Data((head + "One text.\n").utf8).write(to: box.appendingPathComponent("cur/1.M1.host:2,S"))
        try Data((head + "Another text.\n").utf8).write(to: box.appendingPathComponent("cur/2.M2.host:2,"))
        let (stories, _) = CollectionLoader().loadAll([box.path])
        XCTAssertEqual(stories.count, 2)
        XCTAssertNotEqual(stories[0].id, stories[1].id)
        XCTAssertEqual(stories.map(\.seenAtSource), [true, false], "the one read in the mail client alone starts read")
    }

    func testAReplyWithoutAnIDIsAComment() throws {
        let text = """
        From a@example.org Thu Nov 26 10:00:01 2026
        Subject: Question
        Message-ID: <q@example.org>

        Why?

        From b@example.org Thu Nov 26 10:00:02 2026
        Subject: Re: Question
        In-Reply-To: <q@example.org>

        Because.

        From c@example.org Thu Nov 26 10:00:03 2026
        Subject: Re: Question
        In-Reply-To: <q@example.org>

        Because, again.

        """
        let stories = try MailImporter().stories(in: Array(text.utf8), path: "/tmp/replies.mbox")
        XCTAssertEqual(stories.count, 1)
        let ids = stories[0].comments.map(\.id)
        XCTAssertEqual(ids.count, 2)
        XCTAssertNotEqual(ids[0], ids[1])
    }
}
