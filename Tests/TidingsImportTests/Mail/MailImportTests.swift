import Foundation
import XCTest
import TidingsTestSupport
@testable import TidingsModel

/// Mail as the loader reads it: mbox archives threaded into stories, messages one per file threaded across
/// files (a Maildir), marks left by the mail client, and archives larger than the read limit streamed.
final class MailImportTests: XCTestCase {
    static let mbox = """
    From alice@example.org Tue Nov 17 10:52:49 2009
    From: Alice Example <alice@example.org>
    Date: Tue, 17 Nov 2009 10:52:49 +0100
    Subject: Threads in mail
    Message-ID: <root@example.org>

    How do threads work?

    From bob@example.org Tue Nov 17 11:00:00 2009
    From: bob@example.org
    Date: Tue, 17 Nov 2009 11:00:00 +0100
    Subject: Re: Threads in mail
    Message-ID: <b1@example.org>
    In-Reply-To: <root@example.org>
    References: <root@example.org>

    > How do threads work?
    By references.

    From dan@example.org Tue Nov 17 11:30:00 2009
    From: Dan <dan@example.org>
    Date: Tue, 17 Nov 2009 11:30:00 +0100
    Subject: Something else
    Message-ID: <other@example.org>
    Status: RO

    Another thread.

    From carol@example.org Tue Nov 17 12:00:00 2009
    From: "Carol" <carol@example.org>
    Date: Tue, 17 Nov 2009 12:00:00 +0100
    Subject: Re: Threads in mail
    Message-ID: <c1@example.org>
    In-Reply-To: <b1@example.org>
    References: <root@example.org> <b1@example.org>
    Status: RO

    Thanks.

    From eve@example.org Tue Nov 17 13:00:00 2009
    From: Eve <eve@example.org>
    Date: Tue, 17 Nov 2009 13:00:00 +0100
    Subject: Re: A thread whose start is not here
    Message-ID: <e1@example.org>
    References: <gone@example.org>

    Replying to a message not saved.

    """

    func temporaryFolder() throws -> URL { try temporaryFolder(prefix: "tidings-mail") }

    func testAnMboxIsThreadedIntoStories() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("list.mbox")
        try write(Self.mbox, to: file)
        let (stories, problems) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(problems.map(\.reason), [])
        XCTAssertEqual(stories.map(\.id), ["mail:root@example.org", "mail:other@example.org", "mail:gone@example.org"])
        XCTAssertEqual(stories.map(\.title), ["Threads in mail", "Something else", "A thread whose start is not here"])
        let thread = stories[0]
        XCTAssertEqual(thread.author, "Alice Example")
        XCTAssertEqual(thread.format, "mail")
        XCTAssertEqual(thread.comments.map(\.author), ["bob@example.org", "Carol"])
        XCTAssertEqual(thread.comments.map(\.depth), [0, 1])
        XCTAssertEqual(thread.comments.map(\.parent), [nil, 0])
        XCTAssertEqual(thread.comments[0].serviceID, "b1@example.org")
        XCTAssertEqual(thread.comments[1].seenAtSource, true)
        XCTAssertEqual(thread.comments[0].body.blocks.first?.kind, .quote)
        // The missing first message is a placeholder story; its reply is its comment.
        XCTAssertEqual(stories[2].comments.map(\.author), ["Eve"])
        XCTAssertTrue(stories[2].body.blocks.first?.plainText.contains("not saved") == true)
        XCTAssertEqual(stories[2].date, MailFixture.utc(2009, 11, 17, 12), "dated by its earliest message, to sort among the others")
        let listed = try MailImporter().summaries(in: Array(Self.mbox.utf8), path: file.path, needsCommentIDs: { _, _ in false })
        XCTAssertEqual(listed.map(\.summary.date), stories.map(\.date))
        // Marks left by the mail client.
        XCTAssertEqual(stories[1].summary.sourceMarks, SourceMarks(storyRead: true, readComments: []))
        XCTAssertEqual(stories[0].summary.sourceMarks?.readComments, [thread.comments[1].id])
    }

    /// A References header longer than 64 KiB (a reply deep in a long thread lists every id before it): its
    /// last id, the direct parent, is read, in the list and in the story opened.
    func testAReplyWhoseReferencesRunPast64KiBHangsUnderItsParent() throws {
        let folder = try temporaryFolder()
        let older = (1...3_000).map { "<gone-\($0)@a-rather-long-host-name.example.org>" }.joined(separator: "\n ")
        let mbox = """
            From a@x.org Tue Nov 17 10:00:00 2009
            From: Alice <a@x.org>
            Subject: Long thread
            Message-ID: <root@x.org>

            Start.

            From b@x.org Tue Nov 17 10:01:00 2009
            From: Bob <b@x.org>
            Subject: Re: Long thread
            Message-ID: <reply@x.org>
            In-Reply-To: <root@x.org>

            Reply.

            From c@x.org Tue Nov 17 10:02:00 2009
            From: Carol <c@x.org>
            Subject: Re: Long thread
            Message-ID: <last@x.org>
            References: <root@x.org>
             \(older)
             <reply@x.org>

            Last.

            """
        XCTAssertGreaterThan(mbox.utf8.count, 2 * 65_536)
        try write(mbox, to: folder.appendingPathComponent("long.mbox"))
        let (stories, problems) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(problems.map(\.reason), [])
        XCTAssertEqual(stories.map(\.title), ["Long thread"])
        XCTAssertEqual(stories.first?.comments.map(\.author), ["Bob", "Carol"])
        XCTAssertEqual(stories.first?.comments.map(\.parent), [nil, 0], "Carol answers Bob, the last id she cites")
        let summaries = try MailImporter().summaries(in: Array(mbox.utf8), path: "long.mbox", needsCommentIDs: { _, _ in true })
        XCTAssertEqual(summaries.map(\.summary.commentCount), [2])
    }

    func testOpeningAThreadReadsItsSpanAndFindsTheSameStory() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("list.mbox")
        try write(Self.mbox, to: file)
        let loader = CollectionLoader()
        let (stories, _) = loader.loadAll([file.path])
        guard case .success(let entries) = loader.entries(file.path, readState: ReadState()) else { return XCTFail("no entries") }
        XCTAssertEqual(entries.map(\.summary.commentCount), [2, 0, 1])
        XCTAssertEqual(entries.map(\.unreadComments), [1, 0, 1])
        for (entry, story) in zip(entries, stories) {
            XCTAssertTrue(entry.summary.source.locator?.hasPrefix("bytes ") == true)
            guard case .success(let opened) = loader.story(for: entry.summary) else { return XCTFail("not opened") }
            XCTAssertEqual(opened.comments, story.comments)
            XCTAssertEqual(opened.body, story.body)
        }
    }

    func testAnArchiveLargerThanTheLimitIsStreamedWithTheSameStories() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("big.mbox")
        try write(Self.mbox, to: file)
        let whole = CollectionLoader().loadAll([file.path]).stories
        let streaming = CollectionLoader(maximumFileSize: 300)
        let (stories, problems) = streaming.loadAll([file.path])
        XCTAssertEqual(problems.map(\.reason), [])
        XCTAssertEqual(stories.map(\.id), whole.map(\.id))
        XCTAssertEqual(stories.map(\.comments), whole.map(\.comments))
        guard case .success(let entries) = streaming.entries(file.path, readState: ReadState()) else { return XCTFail("no entries") }
        XCTAssertEqual(entries.map(\.summary.commentCount), [2, 0, 1])
        guard case .success(let opened) = streaming.story(for: entries[0].summary) else { return XCTFail("not opened") }
        XCTAssertEqual(opened.comments, whole[0].comments)
    }

    func testAMaildirIsThreadedAcrossFilesAndTmpIsNeverRead() throws {
        let folder = try temporaryFolder()
        let box = folder.appendingPathComponent("Mail")
        let messages = Self.mbox.components(separatedBy: "\nFrom ").enumerated().map { index, part in
            (index == 0 ? String(part.dropFirst(5)) : part).split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)[1]
        }
        XCTAssertEqual(messages.count, 5)
        try write(String(messages[0]), to: box.appendingPathComponent("cur/1000.M1.host:2,S"))
        try write(String(messages[1]), to: box.appendingPathComponent("new/1001.M2.host"))
        try write(String(messages[2]), to: box.appendingPathComponent("cur/1002.M3.host:2,"))
        try write(String(messages[3]), to: box.appendingPathComponent("cur/1003.M4.host:2,RS"))
        try write(String(messages[4]), to: box.appendingPathComponent("cur/1004.M5.host:2,"))
        try write("From: x@example.org\nSubject: being written\nMessage-ID: <tmp@example.org>\n\nhalf", to: box.appendingPathComponent("tmp/1005.M6.host"))
        let (stories, problems) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(problems.filter { !$0.isSkipped }.map(\.reason), [])
        XCTAssertEqual(Set(stories.map(\.id)), ["mail:root@example.org", "mail:other@example.org", "mail:gone@example.org"])
        let thread = try XCTUnwrap(stories.first { $0.id == "mail:root@example.org" })
        XCTAssertEqual(thread.comments.map(\.author), ["bob@example.org", "Carol"])
        XCTAssertTrue(thread.path.hasSuffix("cur/1000.M1.host:2,S"))
        XCTAssertEqual(thread.source.otherPaths.count, 2)
        XCTAssertTrue(thread.seenAtSource)
        XCTAssertEqual(thread.comments.map(\.seenAtSource), [false, true])

        // The list entry, opened again from its own files.
        let loader = CollectionLoader()
        let load = ParallelLoad(sources: [folder.path], readState: ReadState(), loader: loader)
        load.waitUntilFinished()
        let entries = load.take().entries
        XCTAssertEqual(entries.first { $0.summary.id == "mail:gone@example.org" }?.summary.date, MailFixture.utc(2009, 11, 17, 12))
        let entry = try XCTUnwrap(entries.first { $0.summary.id == "mail:root@example.org" })
        XCTAssertEqual(entry.summary.commentCount, 2)
        XCTAssertEqual(entry.unreadComments, 1)
        guard case .success(let opened) = loader.story(for: entry.summary) else { return XCTFail("not opened") }
        XCTAssertEqual(opened.comments, thread.comments)
    }

    /// A Maildir kept in git or unpacked from an archive has lost its empty `tmp/`: it is still a Maildir, its
    /// messages read whatever their names and the mail server's files beside them not read (a plain folder's
    /// `dovecot-uidlist`, without an extension, would be read as a story).
    func testAMaildirWithoutTmpIsAMaildir() throws {
        let folder = try temporaryFolder()
        let box = folder.appendingPathComponent("Mail")
        try write("From: Ann <ann@example.org>\nSubject: Kept in git\nMessage-ID: <git@example.org>\n\nText.\n",
                  to: box.appendingPathComponent("cur/1718701300.M5P5.host:2,S"))
        try write("From: bob@example.org\nSubject: Re: Kept in git\nMessage-ID: <re@example.org>\nIn-Reply-To: <git@example.org>\n\nYes.\n",
                  to: box.appendingPathComponent("new/1718701400.M6P6.host"))
        try write("3 V1718701300 N2\n", to: box.appendingPathComponent("dovecot-uidlist"))
        let (stories, problems) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(problems.filter { !$0.isSkipped }.map(\.reason), [])
        XCTAssertEqual(stories.map(\.id), ["mail:git@example.org"])
        XCTAssertEqual(stories.first?.comments.map(\.author), ["bob@example.org"])
        XCTAssertEqual(stories.first?.seenAtSource, true)
    }

    func testAMaildirThreadUnderAStartOnlyALaterReplyCitesIsNamedAsItReads() throws {
        let folder = try temporaryFolder()
        let box = folder.appendingPathComponent("Mail")
        try write("From: c@example.org\nSubject: Re: Late\nMessage-ID: <c@example.org>\nReferences: <q@example.org>\n\nC.\n",
                  to: box.appendingPathComponent("cur/1000.M1.host:2,"))
        try write("From: d@example.org\nSubject: Re: Late\nMessage-ID: <d@example.org>\nReferences: <r@example.org> <q@example.org>\n\nD.\n",
                  to: box.appendingPathComponent("cur/1001.M2.host:2,"))
        let (stories, _) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(stories.map(\.id), ["mail:r@example.org"])
        let load = ParallelLoad(sources: [folder.path], readState: ReadState())
        load.waitUntilFinished()
        XCTAssertEqual(load.take().entries.map(\.summary.id), ["mail:r@example.org"], "listed as it reads in full")
    }

    func testAnMboxWithoutMessagesIsOneProblem() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("empty.mbox")
        try write("", to: file)
        let (stories, problems) = CollectionLoader().loadAll([file.path])
        XCTAssertEqual(stories.count, 0)
        XCTAssertEqual(problems.count, 1)
    }

    /// An MH folder's `.mh_sequences` says which messages were seen: those not in `unseen`. Without the
    /// file, every message starts unread as before.
    func testAnMHFoldersUnseenSequenceGivesTheMarks() throws {
        let folder = try temporaryFolder()
        let box = folder.appendingPathComponent("inbox")
        try write("From: a@x.org\nSubject: MH thread\nMessage-ID: <m1@x.org>\n\nOne.\n", to: box.appendingPathComponent("1"))
        for number in 2...4 {
            try write("From: b@x.org\nSubject: Re: MH thread\nMessage-ID: <m\(number)@x.org>\nIn-Reply-To: <m\(number - 1)@x.org>\n\nReply.\n",
                      to: box.appendingPathComponent("\(number)"))
        }
        let unmarked = CollectionLoader().loadAll([folder.path]).stories
        XCTAssertEqual(unmarked.map(\.seenAtSource), [false])
        XCTAssertEqual(unmarked.first?.comments.map(\.seenAtSource), [false, false, false])
        try write("cur: 4\nunseen: 3\n 4\n", to: box.appendingPathComponent(".mh_sequences"))
        let stories = CollectionLoader().loadAll([folder.path]).stories
        XCTAssertEqual(stories.map(\.seenAtSource), [true])
        XCTAssertEqual(stories.first?.comments.map(\.seenAtSource), [true, false, false])
        XCTAssertEqual(MHSequences.parse("cur: 9\nunseen: 2-4 7\n"), .init(ranges: [2...4, 7...7]))
        XCTAssertEqual(MHSequences.parse("cur: 9\n"), .init(ranges: []), "no unseen line: everything was seen")
        XCTAssertNil(MHSequences.parse("Unseen: 5-3 8\n"), "a sequence that cannot be read says nothing")
        XCTAssertNil(MHSequences.parse("unseen: x\n"))
    }

    /// An MH tree as nmh leaves it: messages listed in numeric order (`2` before `10`), a removed message
    /// (`,7`) and nmh's `context` file not read, as nmh, slrn and tin show them.
    func testMHMessagesInNumericOrderWithoutRemovedOnesOrTheContextFile() throws {
        let folder = try temporaryFolder()
        let box = folder.appendingPathComponent("inbox")
        for number in 1...12 {
            try write("From: a@x.org\nSubject: Article \(number)\nMessage-ID: <a\(number)@x.org>\n\nText.\n", to: box.appendingPathComponent("\(number)"))
        }
        try write("From: a@x.org\nSubject: Removed\nMessage-ID: <gone@x.org>\n\nGone.\n", to: box.appendingPathComponent(",7"))
        try write("From: a@x.org\nSubject: Backup\nMessage-ID: <backup@x.org>\n\nGone.\n", to: box.appendingPathComponent("#8"))
        try write("Current-Folder: inbox\n", to: folder.appendingPathComponent("context"))
        let (stories, _) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(stories.map(\.title), (1...12).map { "Article \($0)" })
        XCTAssertTrue(NameOrder.less("2", "10"))
        XCTAssertTrue(NameOrder.less("10", "a"))
        XCTAssertTrue(NameOrder.less("a10", "a2"), "only names of digits alone are numbers")
        XCTAssertTrue(NameOrder.lessPath("/m/inbox/9", "/m/inbox/10"))
        XCTAssertTrue(NameOrder.lessPath("/m/a/10", "/m/b/9"), "the folder first")
        XCTAssertFalse(NameOrder.less("007", "7") && NameOrder.less("7", "007"))
    }

    /// Replies sent in the same second come in the order of their files' names (for a Maildir, the order
    /// they arrived in), not in readdir's, which differs from copy to copy.
    func testMaildirRepliesOfOneSecondKeepTheOrderOfTheirNames() throws {
        let folder = try temporaryFolder()
        let cur = folder.appendingPathComponent("box/cur")
        for sub in ["new", "tmp"] { try FileManager.default.createDirectory(at: folder.appendingPathComponent("box/" + sub), withIntermediateDirectories: true) }
        let date = "Date: Mon, 01 Jan 2024 10:00:00 +0000\n"
        try write("From: R <r@x.org>\nSubject: Root\n\(date)Message-ID: <root@x.org>\n\nRoot.\n", to: cur.appendingPathComponent("1700000000.000.host:2,"))
        for number in 1...12 {
            try write("From: P\(number) <p@x.org>\nSubject: Re: Root\n\(date)Message-ID: <p\(number)@x.org>\nIn-Reply-To: <root@x.org>\n\nP\(number).\n",
                      to: cur.appendingPathComponent(String(format: "1700000000.%03d.host:2,", number)))
        }
        for loader in [CollectionLoader()] {
            let stories = loader.loadAll([folder.path]).stories
            XCTAssertEqual(stories.first?.comments.map(\.author), (1...12).map { "P\($0)" })
        }
    }

    /// Random bytes behind a `From ` line, named .mbox: one problem, a binary file, not a story of garbage.
    func testABinaryFileNamedAsMailIsAProblem() throws {
        let folder = try temporaryFolder()
        var generator = SystemRandomNumberGenerator()
        var bytes = Array("From x Mon Jan  1 00:00:00 2024\n".utf8)
        bytes += (0..<5_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[40] = 0
        for name in ["bin.mbox", "bin.eml"] {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
        // Without a NUL too: random bytes are still mostly not text.
        try Data(bytes.map { $0 == 0 ? 1 : $0 }).write(to: folder.appendingPathComponent("nonul.mbox"))
        let (stories, problems) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(stories.count, 0)
        XCTAssertEqual(problems.map(\.failure), [.binary, .binary, .binary])
        XCTAssertFalse(TextDecoding.looksLikeNoText(Array("Text with\ttabs,\r\nline ends, \u{1B}[1mescapes\u{1B}[0m and ünïcode.\n".utf8)[...]))
        XCTAssertFalse(problems.contains { $0.isSkipped }, "named as mail: a damaged file, not one passed over")
    }
}

extension MailImportTests {
    /// A Maildir's messages are listed in readdir's order, so its first files are handed over as soon as
    /// they are read; they are exactly the listing's first files, and its threads still come out in the
    /// order of their files' names.
    func testAMaildirsFirstFilesAreHandedOverBeforeItIsListed() throws {
        let folder = try temporaryFolder()
        let box = folder.appendingPathComponent("Mail")
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: box.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for index in 0..<40 {
            try write("From: a\(index)@example.org\nSubject: Thread \(index)\nMessage-ID: <m\(index)@example.org>\n\nText \(index).\n",
                      to: box.appendingPathComponent(String(format: "cur/%04d.M1.host:2,", index)))
        }
        var handed: [[ListedFile]] = []
        let files = DocumentFiles.list([folder.path], problem: { _ in }, earlyCount: 8) { handed.append($0) }
        XCTAssertEqual(handed.first?.count, 8)
        XCTAssertEqual(handed.flatMap { $0 }.map(\.path), files.map(\.path), "each run continues the one before")
        XCTAssertTrue(files.allSatisfy(\.named), "a Maildir's files are read whatever their names")
        let load = ParallelLoad(sources: [folder.path], readState: ReadState())
        load.waitUntilFinished()
        let titles = load.take().entries.map { $0.summary.title ?? "" }
        XCTAssertEqual(titles, (0..<40).map { "Thread \($0)" })
    }
}

extension MailImportTests {
    /// Review findings: a Message-ID saved twice in an archive read in pieces, a thread spread over a big
    /// archive (its messages read one by one), messages without headers, an empty mbox.
    func testDuplicateIDsAndSpreadThreadsInAStreamedArchive() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("spread.mbox")
        var text = """
        From a@example.org Tue Nov 17 10:52:49 2009
        From: A <a@example.org>
        Subject: Dup first
        Message-ID: <dup@example.org>

        first copy

        From b@example.org Tue Nov 17 10:53:49 2009
        From: B <b@example.org>
        Subject: Dup second
        Message-ID: <dup@example.org>

        second copy, different

        From c@example.org Tue Nov 17 10:54:49 2009

        A message without any header lines.

        """
        // 1.5 MB of other threads between a question and its answer.
        for index in 0..<3000 {
            text += "From f@example.org Tue Nov 17 11:00:00 2009\nFrom: F <f@example.org>\nSubject: Filler \(index)\nMessage-ID: <f\(index)@example.org>\n\n" + String(repeating: "filler text ", count: 40) + "\n\n"
        }
        text += "From d@example.org Tue Nov 17 12:00:00 2009\nFrom: D <d@example.org>\nSubject: Re: Dup first\nMessage-ID: <late@example.org>\nIn-Reply-To: <dup@example.org>\n\nA late answer.\n"
        try write(text, to: file)
        for loader in [CollectionLoader(), CollectionLoader(maximumFileSize: 4096)] {
            let (stories, problems) = loader.loadAll([file.path])
            XCTAssertEqual(problems.map(\.reason), [])
            XCTAssertEqual(stories.count, 3003)
            XCTAssertEqual(stories[0].id, "mail:dup@example.org")
            XCTAssertEqual(stories[1].id, "mail:dup@example.org#2")
            XCTAssertEqual(stories[1].body.blocks.first?.plainText, "second copy, different")
            XCTAssertEqual(stories[2].title, "(a message without headers)")
            XCTAssertEqual(stories[2].body.blocks.first?.plainText, "A message without any header lines.")
            guard case .success(let entries) = loader.entries(file.path, readState: ReadState()) else { return XCTFail("no entries") }
            XCTAssertTrue(entries[0].summary.source.locator?.contains(" parts ") == true, "the spread thread names its messages")
            for index in [0, 1, 2] {
                guard case .success(let opened) = loader.story(for: entries[index].summary) else { return XCTFail("not opened") }
                XCTAssertEqual(opened.id, stories[index].id)
                XCTAssertEqual(opened.body, stories[index].body)
                XCTAssertEqual(opened.comments, stories[index].comments)
            }
            XCTAssertEqual(stories[0].comments.map(\.text), ["A late answer."])
        }
    }

    /// A mailbox with no mail yet is no problem (mutt opens it empty): it is passed over, and says why.
    func testAnEmptyMboxIsPassedOver() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("empty.mbox")
        try write("\n\n", to: file)
        let (stories, problems) = CollectionLoader().loadAll([file.path])
        XCTAssertTrue(stories.isEmpty)
        XCTAssertEqual(problems.map(\.failure), [.notAStory("an empty mailbox: no messages yet")])
        XCTAssertTrue(problems[0].isSkipped, "skipped, not a problem")
    }
}

extension MailImportTests {
    /// A mark a mail client left is taken once: marked unread in Tidings, a message seen by the client stays
    /// unread.
    func testMarkingASeenMessageUnreadSticks() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("list.mbox")
        try write(Self.mbox, to: file)
        let loader = CollectionLoader()
        guard case .success(let fresh) = loader.entries(file.path, readState: ReadState()) else { return XCTFail("no entries") }
        XCTAssertEqual(fresh[0].unreadComments, 1, "Carol's reply was seen by the mail client")
        var state = ReadState()
        let marks = try XCTUnwrap(fresh[0].summary.sourceMarks)
        state.takeClientMarks(marks, storyID: fresh[0].summary.id, legacyID: fresh[0].summary.legacyID)
        XCTAssertEqual(state.unreadCount(storyID: fresh[0].summary.id, commentIDs: marks.readComments, total: 1), 0)
        state.setComments(marks.readComments, in: fresh[0].summary.id, read: false)
        let saved = try ReadStateCoding.decode(ReadStateCoding.encode(state))
        guard case .success(let again) = loader.entries(file.path, readState: saved) else { return XCTFail("no entries") }
        XCTAssertEqual(again[0].unreadComments, 2)
    }

    /// In a thread the state knows, a reply the client marked read that the state has not taken is counted
    /// read in the list, as it is once the thread is listed.
    func testTheListCountsAClientMarkNotYetTakenAsRead() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("list.mbox")
        try write(Self.mbox, to: file)
        let loader = CollectionLoader()
        guard case .success(let fresh) = loader.entries(file.path, readState: ReadState()) else { return XCTFail("no entries") }
        var state = ReadState()
        state.setStory(fresh[0].summary.id, read: true)
        guard case .success(let known) = loader.entries(file.path, readState: try ReadStateCoding.decode(ReadStateCoding.encode(state)))
        else { return XCTFail("no entries") }
        XCTAssertEqual(known[0].unreadComments, 1, "Carol's reply, seen by the mail client, is not new")
    }
}

extension MailImportTests {
    /// A thread whose first message is not saved starts read when the mail client marked every message
    /// saved under it read: the stand-in has nothing to read. One unread reply leaves it unread.
    func testAThreadUnderAMissingStartIsReadWhenAllItsMessagesAre() throws {
        for (flags, read) in [(["RO", "RO"], true), (["RO", "O"], false)] {
            let file = try temporaryFolder().appendingPathComponent("list.mbox")
            try write(Self.reply("q2", answers: "q1", status: flags[0]) + Self.reply("q3", answers: "q2", status: flags[1]), to: file)
            let (stories, _) = CollectionLoader().loadAll([file.path])
            let story = try XCTUnwrap(stories.first)
            XCTAssertEqual(story.seenAtSource, read, "\(flags)")
            XCTAssertTrue(story.bodyIsNote, "its text is the reader's note, not a message")
            guard case .success(let entries) = CollectionLoader().entries(file.path, readState: ReadState()) else { return XCTFail("no entries") }
            XCTAssertEqual(entries.first?.summary.sourceMarks?.storyRead, read, "the list agrees")
        }
    }
}

extension MailImportTests {
    /// Joining a list mid-thread: the thread is first known by its missing start (q1); when q1 arrives,
    /// itself answering a missing q0, the thread is known by q0, and its marks follow it.
    func testAThreadsMarksFollowItWhenItsMissingStartArrivesUnderAnotherMissingOne() throws {
        let file = try temporaryFolder().appendingPathComponent("list.mbox")
        func message(_ id: String, answers parent: String) -> String { Self.reply(id, answers: parent) }
        try write(message("q2", answers: "q1") + message("q3", answers: "q2"), to: file)
        let loader = CollectionLoader()
        guard case .success(let before) = loader.entries(file.path, readState: ReadState()) else { return XCTFail("no entries") }
        XCTAssertEqual(before.map(\.summary.id), ["mail:q1@x"])
        XCTAssertEqual(before[0].summary.legacyID, "mail:q2@x", "as it would have been known while q2 was missing")
        var state = ReadState()
        let story = try XCTUnwrap(loader.loadAll([file.path]).stories.first)
        state.setStory(story.id, read: true)
        state.setComments(story.comments.map(\.id), in: story.id, read: true)
        state = try ReadStateCoding.decode(ReadStateCoding.encode(state))

        try write(message("q1", answers: "q0") + message("q2", answers: "q1") + message("q3", answers: "q2"), to: file)
        guard case .success(let after) = loader.entries(file.path, readState: state) else { return XCTFail("no entries") }
        XCTAssertEqual(after.map(\.summary.id), ["mail:q0@x"])
        XCTAssertEqual(after[0].summary.legacyID, "mail:q1@x", "the id it had")
        XCTAssertEqual(after[0].unreadComments, 1, "only q1 is new: q2 and q3 were read")
        XCTAssertTrue(state.adoptLegacyMarks(storyID: "mail:q0@x", legacyID: "mail:q1@x"))
        XCTAssertTrue(state.isStoryRead("mail:q0@x"))
        let grown = try XCTUnwrap(loader.loadAll([file.path]).stories.first)
        XCTAssertEqual(grown.comments.map { state.isCommentRead($0.id, in: grown.id) }, [false, true, true])
        XCTAssertFalse(state.adoptLegacyMarks(storyID: "mail:q0@x", legacyID: "mail:q1@x"), "taken once")

        // The start that arrived was read in the mail client: it is not new either, from the first listing.
        var seenStart = ReadState()
        seenStart.setStory("mail:q1@x", read: true)
        seenStart.setComments(story.comments.map(\.id), in: "mail:q1@x", read: true)
        try write(Self.reply("q1", answers: "q0", status: "RO")
                  + message("q2", answers: "q1") + message("q3", answers: "q2"), to: file)
        guard case .success(let seen) = loader.entries(file.path, readState: seenStart) else { return XCTFail("no entries") }
        XCTAssertEqual(seen[0].unreadComments, 0, "q1 was read in the mail client, q2 and q3 here")
    }
}

extension MailImportTests {
    /// An mbox message `<id@x>` answering `<parent@x>`, with a `Status:` header when given.
    static func reply(_ id: String, answers parent: String, status: String? = nil) -> String {
        let flags = status.map { "Status: \($0)\n" } ?? ""
        return "From x@example.org Mon Nov  2 10:00:00 2026\nFrom: \(id)@example.org\nSubject: Re: Q\nMessage-ID: <\(id)@x>\n"
            + "In-Reply-To: <\(parent)@x>\n\(flags)\n\(id)\n\n"
    }
}

extension MailImportTests {
    /// A reply whose own parent is not saved stands under the nearest message that is, and says so; a reply
    /// to a message that is there does not.
    func testAReplyWhoseParentIsMissingSaysSo() throws {
        let folder = try temporaryFolder()
        let mbox = """
        From a@example.org Tue Nov 17 10:00:00 2009
        From: Ann <a@example.org>
        Subject: Plan
        Message-ID: <root@example.org>

        Root.

        From b@example.org Tue Nov 17 11:00:00 2009
        From: Bob <b@example.org>
        Subject: Re: Plan
        Message-ID: <bob@example.org>
        In-Reply-To: <root@example.org>

        Direct.

        From f@example.org Tue Nov 17 12:00:00 2009
        From: Frank <f@example.org>
        Subject: Re: Plan
        Message-ID: <frank@example.org>
        References: <root@example.org> <gone@example.org>
        In-Reply-To: <gone@example.org>

        Answers a message not saved.

        """
        try write(mbox, to: folder.appendingPathComponent("list.mbox"))
        let (stories, problems) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(problems.map(\.reason), [])
        let story = try XCTUnwrap(stories.first)
        XCTAssertEqual(story.comments.map(\.author), ["Bob", "Frank"])
        XCTAssertEqual(story.comments.map(\.depth), [0, 0])
        XCTAssertEqual(story.comments.map(\.answersMissingMessage), [false, true])
    }
}
