import Foundation
import XCTest
import TidingsTestSupport
@testable import TidingsModel

/// Two messages that each say they answer the other: the thread is listed and opened under one id (the
/// earlier message's), whatever order their files or archive give them in, so its read marks stay.
final class ThreadLoopTests: XCTestCase {
    private func message(_ id: String, answers other: String, minute: Int, from: String) -> String {
        """
        From: \(from) <\(from.lowercased())@example.com>
        Date: Fri, 27 Nov 2026 06:\(minute) -0000
        Subject: \(id == "cycA" ? "Cycle A" : "Re: Cycle A")
        Message-ID: <\(id)@example.com>
        References: <\(other)@example.com>
        In-Reply-To: <\(other)@example.com>

        Body of \(id).

        """
    }

    /// The listed entries, each opened as the reader opens it.
    private func listedAndOpened(_ path: String) throws -> [(listed: String, opened: String, comments: Int)] {
        let load = ParallelLoad(sources: [path], readState: ReadState())
        load.waitUntilFinished()
        return try load.take().entries.map { entry in
            let story = try CollectionLoader().story(for: entry.summary).get()
            return (entry.summary.id, story.id, story.comments.count)
        }
    }

    func testALoopInAMaildirIsListedAndOpenedUnderItsEarlierMessageInEitherFileOrder() throws {
        for names in [("1.M1.host:2,", "2.M2.host:2,"), ("2.M2.host:2,", "1.M1.host:2,")] {
            let folder = try temporaryFolder(prefix: "tidings-loop")
            let maildir = try MaildirFixture(in: folder)
            try maildir.write(names.0, message("cycA", answers: "cycB", minute: 29, from: "CyA"))
            try maildir.write(names.1, message("cycB", answers: "cycA", minute: 35, from: "CyB"))
            let entries = try listedAndOpened(folder.path)
            XCTAssertEqual(entries.map(\.listed), ["mail:cycA@example.com"], "files \(names)")
            XCTAssertEqual(entries.map(\.opened), ["mail:cycA@example.com"], "files \(names)")
            XCTAssertEqual(entries.map(\.comments), [1])
        }
    }

    func testAMessageAnsweringOnlyItselfIsListedByItsSubject() throws {
        let folder = try temporaryFolder(prefix: "tidings-loop")
        try MaildirFixture(in: folder).write("1.M1.host:2,", message("cycA", answers: "cycA", minute: 29, from: "CyA"))
        let load = ParallelLoad(sources: [folder.path], readState: ReadState())
        load.waitUntilFinished()
        let listed = load.take().entries.map(\.summary)
        XCTAssertEqual(listed.map(\.id), ["mail:cycA@example.com"])
        XCTAssertEqual(listed.map(\.title), ["Cycle A"])
        XCTAssertEqual(listed.map(\.author), ["CyA"])
    }

    func testALoopInAnArchiveIsOpenedUnderTheIdItIsListedBy() throws {
        for later in [false, true] {
            let folder = try temporaryFolder(prefix: "tidings-loop")
            let a = message("cycA", answers: "cycB", minute: 29, from: "CyA")
            let b = message("cycB", answers: "cycA", minute: 35, from: "CyB")
            let separator = "From someone Fri Nov 27 06:00:00 2026\n"
            let archive = separator + (later ? b : a) + "\n" + separator + (later ? a : b)
            let path = folder.appendingPathComponent("loop.mbox")
            try archive.write(to: path, atomically: true, encoding: .utf8)
            let entries = try listedAndOpened(path.path)
            XCTAssertEqual(entries.map(\.listed), ["mail:cycA@example.com"], "cycB first: \(later)")
            XCTAssertEqual(entries.map(\.opened), ["mail:cycA@example.com"], "cycB first: \(later)")
        }
    }

    func testTwoMessagesSharingAnIdButNotADateAreBothListedAndOpened() throws {
        let folder = try temporaryFolder(prefix: "tidings-dup")
        let maildir = try MaildirFixture(in: folder)
        let write = maildir.write(_:_:)
        // The later one in the first file: numbered by date, not by the files' order.
        try write("1.M1.host:2,", "From: B <b@x>\nDate: Fri, 27 Nov 2026 07:00:00 +0000\nSubject: Version 2\nMessage-ID: <dup@x>\n\nTwo.\n")
        try write("2.M2.host:2,", "From: A <a@x>\nDate: Fri, 27 Nov 2026 06:00:00 +0000\nSubject: Version 1\nMessage-ID: <dup@x>\n\nOne.\n")
        try write("4.M4.host:2,", "From: C <c@x>\nDate: Fri, 27 Nov 2026 08:00:00 +0000\nSubject: Re: Version 1\nMessage-ID: <r@x>\nIn-Reply-To: <dup@x>\n\nR.\n")
        // A copy of the first (the same Date): one message, as before.
        try write("3.M3.host:2,S", "From: A <a@x>\nDate: Fri, 27 Nov 2026 06:00:00 +0000\nSubject: Version 1\nMessage-ID: <dup@x>\n\nOne.\n")
        let entries = try listedAndOpened(folder.path)
        XCTAssertEqual(Set(entries.map(\.listed)), ["mail:dup@x", "mail:dup@x#2"])
        XCTAssertEqual(entries.map(\.opened), entries.map(\.listed))
        let load = ParallelLoad(sources: [folder.path], readState: ReadState())
        load.waitUntilFinished()
        let titles = Dictionary(uniqueKeysWithValues: load.take().entries.map { ($0.summary.id, $0.summary.title ?? "") })
        XCTAssertEqual(titles, ["mail:dup@x": "Version 1", "mail:dup@x#2": "Version 2"], "the earlier one owns the id")
        XCTAssertEqual(entries.first { $0.listed == "mail:dup@x" }?.comments, 1, "the reply hangs under the one that owns the id")
    }

    func testMarksMadeBeforeTheLoopsOtherMessageArrivedFollowTheThread() throws {
        let folder = try temporaryFolder(prefix: "tidings-loop")
        let maildir = try MaildirFixture(in: folder)
        // A alone answers B, which is missing: the thread is known by B.
        try maildir.write("1.M1.host:2,", message("cycA", answers: "cycB", minute: 29, from: "CyA"))
        var state = ReadState()
        var load = ParallelLoad(sources: [folder.path], readState: state)
        load.waitUntilFinished()
        let before = try XCTUnwrap(load.take().entries.first)
        XCTAssertEqual(before.summary.id, "mail:cycB@example.com")
        state.setStory(before.summary.id, read: true)
        // B arrives answering A: the loop starts at A, and the thread keeps what was read under B.
        try maildir.write("2.M2.host:2,", message("cycB", answers: "cycA", minute: 35, from: "CyB"))
        load = ParallelLoad(sources: [folder.path], readState: state)
        load.waitUntilFinished()
        let after = try XCTUnwrap(load.take().entries.first)
        XCTAssertEqual(after.summary.id, "mail:cycA@example.com")
        XCTAssertEqual(after.summary.legacyID, "mail:cycB@example.com")
        XCTAssertEqual(state.marks(storyID: after.summary.id, legacyID: after.summary.legacyID)?.isRead, true)
        XCTAssertTrue(state.adoptLegacyMarks(storyID: after.summary.id, legacyID: after.summary.legacyID))
        XCTAssertEqual(state.marks(storyID: after.summary.id)?.isRead, true)
    }
}
