import Foundation
import XCTest
@testable import TidingsModel

/// An archive is listed from its messages' ids as hashes (`MessageKeys`) and read in full from strings: both
/// must give the same stories, with the same ids, titles, counts and comment ids (read marks are kept by
/// those), whatever the headers hold.
final class MboxListingAgreementTests: XCTestCase {
    static func message(_ from: String, id: String?, subject: String, extra: String = "", body: String = "Text.") -> String {
        """
        From \(from) Tue Nov 17 10:00:00 2009
        From: \(from)
        Date: Tue, 17 Nov 2009 10:\(String(format: "%02d", minute(subject))):00 +0100
        Subject: \(subject)
        \(id.map { "Message-ID: \($0)\n" } ?? "")\(extra)
        \(body)\n\n
        """
    }

    /// A minute made of the subject, the same in every run (`hashValue` is seeded per run, and messages
    /// that share an id are owned by the one dated first).
    static func minute(_ subject: String) -> Int { subject.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) % 60 } }

    /// Headers made to trip the two readings apart.
    static let awkward: String = [
        message("a@x.org", id: "<root@Example.ORG>", subject: "A root"),
        message("b@x.org", id: "< reply1@example.org >", subject: "Re: A root", extra: "References: <root@EXAMPLE.org>\n"),
        // Folded References with a comment and a quoted string, and In-Reply-To with a phrase.
        message("c@x.org", id: "<reply2@example.org>", subject: "Re: A root",
                extra: "References: <root@example.org> (the start)\n \"quoted <not@an.id>\" <reply1@example.org>\nIn-Reply-To: Bob's message of today <reply1@example.org>\n"),
        // Only In-Reply-To, bare token.
        message("d@x.org", id: "<reply3@example.org>", subject: "Re: A root", extra: "In-Reply-To: reply2@example.org\n"),
        // Empty ids, `<>` tokens and a second Message-ID.
        message("e@x.org", id: "<>", subject: "Second id counts", extra: "Message-ID: <second@example.org>\nReferences: <> <root@example.org>\n"),
        // The same Message-ID twice: the first, dated first (10:33 before 10:37), owns it.
        message("f@x.org", id: "<dup@example.org>", subject: "Duplicated"),
        message("g@x.org", id: "<dup@example.org>", subject: "Duplicated again", extra: "References: <root@example.org>\n"),
        // No Message-ID: named by what it says.
        message("h@x.org", id: nil, subject: "No id", extra: "References: <dup@example.org>\n"),
        message("i@x.org", id: nil, subject: "No id at all"),
        // A chain under a missing start, with a missing middle.
        message("j@x.org", id: "<c1@example.org>", subject: "Re: Gone start", extra: "References: <gone@example.org> <gone2@example.org>\n"),
        message("k@x.org", id: "<c2@example.org>", subject: "Re: Gone start", extra: "References: <gone@example.org> <gone2@example.org> <c1@example.org>\n"),
        // A start known only from a later reply's references (the first reply does not name it).
        message("p@x.org", id: "<q1@example.org>", subject: "Re: Known late", extra: "References: <q@example.org>\n"),
        message("q@x.org", id: "<q2@example.org>", subject: "Re: Known late", extra: "References: <r@example.org> <q@example.org>\n"),
        // A reference loop.
        message("l@x.org", id: "<loop1@example.org>", subject: "Loop one", extra: "References: <loop2@example.org>\n"),
        message("m@x.org", id: "<loop2@example.org>", subject: "Loop two", extra: "References: <loop1@example.org>\n"),
        // B News before 2.10: the subject as `Title:`, the id as `Article-I.D.:`, bare ids in References.
        "From eagle!root Tue Nov 17 10:00:00 2009\nFrom: eagle!root\nTitle: Old news\nArticle-I.D.: eagle.642\n\nText.\n\n",
        "From ucbvax!ann Tue Nov 17 10:00:00 2009\nFrom: ucbvax!ann\nTitle: Re: Old news\nArticle-I.D.: ucbvax.7\nReferences: eagle.642\n\nText.\n\n",
        // Read by the mail client.
        message("n@x.org", id: "<seen@example.org>", subject: "Re: A root", extra: "References: <root@example.org>\nStatus: RO\n"),
    ].joined() + "From o@x.org Tue Nov 17 10:00:00 2009\nno header block here\n\nbody\n"

    func assertAgree(_ bytes: [UInt8], _ label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let importer = MailImporter()
        let summaries = try importer.summaries(in: bytes, path: label, needsCommentIDs: { _, _ in true })
        let stories = try importer.stories(in: bytes, path: label)
        XCTAssertEqual(summaries.map(\.summary.id), stories.map(\.id), label, file: file, line: line)
        XCTAssertEqual(summaries.map(\.summary.title), stories.map(\.title), label, file: file, line: line)
        XCTAssertEqual(summaries.map(\.summary.author), stories.map(\.author), label, file: file, line: line)
        XCTAssertEqual(summaries.map(\.summary.date), stories.map(\.date), label, file: file, line: line)
        XCTAssertEqual(summaries.map(\.summary.commentCount), stories.map { $0.comments.filter(\.isCounted).count }, label, file: file, line: line)
        XCTAssertEqual(summaries.map { $0.commentIDs ?? [] }, stories.map { $0.comments.filter(\.isCounted).map(\.id) }, label, file: file, line: line)
        XCTAssertEqual(summaries.map { $0.summary.sourceMarks?.readComments ?? [] },
                       stories.map { story in story.comments.filter { $0.isCounted && $0.seenAtSource }.map(\.id) }, label, file: file, line: line)
    }

    func testAwkwardHeadersListAsTheyRead() throws {
        let bytes = Array(Self.awkward.utf8)
        try assertAgree(bytes, "awkward.mbox")
        let stories = try MailImporter().stories(in: bytes, path: "awkward.mbox")
        XCTAssertEqual(stories.first?.id, "mail:root@example.org")
        XCTAssertTrue(stories.contains { $0.id == "mail:gone@example.org" }, "the missing start is named by its id: \(stories.map(\.id))")
        XCTAssertTrue(stories.contains { $0.id == "mail:r@example.org" }, "named by the start a later reply names: \(stories.map(\.id))")
        XCTAssertTrue(stories.contains { $0.id == "mail:dup@example.org#2" } || stories.contains { $0.comments.contains { $0.serviceID == "dup@example.org" } })
        XCTAssertEqual(stories.first?.comments.count, 6, "\(stories.first?.comments.map { $0.serviceID ?? "-" } ?? [])")
        let old = try XCTUnwrap(stories.first { $0.id == "mail:eagle.642" })
        XCTAssertEqual(old.title, "Old news")
        XCTAssertEqual(old.comments.map(\.serviceID), ["ucbvax.7"])
    }

    /// Archives as people make them by hand: blank lines before the first separator (`cat` after an editor),
    /// a first `From ` line without a date, a note before the first separator of a file named as an mbox.
    func testArchivesThatStartOddlyAreReadWholeWhateverTheirNames() throws {
        let second = Self.message("b@x.org", id: "<two@x.org>", subject: "Second")
        let cases: [(name: String, text: String, titles: [String])] = [
            ("blank", "\n\r\n" + Self.message("a@x.org", id: "<one@x.org>", subject: "First") + second, ["First", "Second"]),
            ("sent", "From user@example.com\nFrom: A <a@x.org>\nSubject: Undated\nMessage-ID: <u@x>\n\nbody\nFrom the logs, it failed\n\n"
                + "From other@example.com\nFrom: B <b@x.org>\nSubject: Undated two\nMessage-ID: <u2@x>\n\nbody\n\n"
                + "From user@example.com\r\nFrom: A <a@x.org>\nSubject: Re: Undated\nMessage-ID: <u3@x>\nIn-Reply-To: <u@x>\n\nreply\n\n" + second,
             ["Undated", "Undated two", "Second"]),
            ("odd-date", "From a@x.org garbage-date\nFrom: A <a@x.org>\nSubject: Odd\nMessage-ID: <o@x>\n\nbody\n", ["Odd"]),
            ("noted.mbox", "This is a note\nmore of it\n\n" + second, ["(a message without headers)", "Second"]),
        ]
        for (name, text, titles) in cases {
            let bytes = Array(text.utf8)
            XCTAssertEqual(MailImporter().claim(path: name, prefix: bytes[...], named: false).confidence,
                           name.hasSuffix(".mbox") ? .likely : .certain, name)
            try assertAgree(bytes, name)
            XCTAssertEqual(try MailImporter().stories(in: bytes, path: name).map(\.title), titles, name)
            // Each thread opened from its listing (its span read again) is the thread listed.
            for listed in try MailImporter().summaries(in: bytes, path: name, needsCommentIDs: { _, _ in true }) {
                let opened = try MailImporter().story(in: bytes, for: listed.summary)
                XCTAssertEqual(opened.title, listed.summary.title, name)
                XCTAssertEqual(opened.comments.count, listed.summary.commentCount, name)
            }
        }
        // Without the name, a note before a separator is no mailbox (a story quoting one, perhaps).
        XCTAssertEqual(MailImporter().claim(path: "noted", prefix: Array("This is a note\n\n\(second)".utf8)[...], named: false).confidence, .none, "no mail")
    }

    func testTheLoadersFixtureListsAsItReads() throws {
        try assertAgree(Array(MailImportTests.mbox.utf8), "fixture.mbox")
    }

    func testEveryRealArchiveListsAsItReads() throws {
        let folder = RealCorpusTests.corpus.appendingPathComponent("mbox")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw XCTSkip("skipped: \(RealCorpusTests.corpus.path) is not beside this checkout")
        }
        for name in names.sorted() {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            try assertAgree(bytes, name)
        }
    }
}
