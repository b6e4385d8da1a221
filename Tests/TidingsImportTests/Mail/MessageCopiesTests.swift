import Foundation
import XCTest
import TidingsTestSupport
@testable import TidingsModel

/// One article or message saved in several files read together is one story (a crosspost or a copy is one
/// article, as slrn and tin show it), listed, opened, marked and searched under one id; copies inside one
/// mbox stay apart (`MailImportTests.testDuplicateIDsAndSpreadThreadsInAStreamedArchive`).
final class MessageCopiesTests: XCTestCase {
    /// An A News article, as utzoo saved them.
    static let aNews = """
    Amhtsa.157
    net.games
    utzoo!decvax!harpo!eagle!mhtsa!rick
    Wed May  5 22:33:48 1982
    Re: Raster vs. Vector
    A good raster tube can display lines that are indistinguishable from a true vector.

    """

    static let bNews = """
    Path: utzoo!utgpu!milton!hlab
    From: dtj@sumac.cray.com (Dean Johnson)
    Newsgroups: sci.virtual-worlds
    Subject: Re: Japanese Symposium on Artificial Reality
    Message-ID: <1991Jun21.055051.28165@milton.u.washington.edu>
    Date: 21 Jun 91 02:56:59 GMT

    Sorry to be so pragmatic about the powerglove.

    """

    func temporaryFolder() throws -> URL { try temporaryFolder(prefix: "tidings-copies") }

    /// The reader's list: entries as the parallel loader makes them.
    func entries(_ paths: [String]) -> [StoryEntry] {
        let load = ParallelLoad(sources: paths, readState: ReadState())
        load.waitUntilFinished()
        return load.take().entries
    }

    func search(_ word: String, in entries: [StoryEntry]) throws -> CollectionSearch.Batch {
        let search = CollectionSearch()
        search.start(generation: 1, query: try StoryQuery.parse(word).textQuery, entries: entries, order: Array(entries.indices))
        var hits: [CollectionSearch.Hit] = []
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if var batch = search.take() {
                hits += batch.hits
                if batch.finished {
                    batch.hits = hits
                    return batch
                }
            }
            usleep(1000)
        }
        throw XCTSkip("the search did not finish")
    }

    /// A news spool holding plain copies of two archived articles, read with the archive's folder.
    func testAnArticleInASpoolAndInAnArchiveFolderIsOneStory() throws {
        let folder = try temporaryFolder()
        try write(Self.aNews, to: folder.appendingPathComponent("spool/net/games/1"))
        try write(Self.bNews, to: folder.appendingPathComponent("spool/sci/virtual-worlds/1"))
        try write(Self.aNews, to: folder.appendingPathComponent("usenet/utzoo_net.games_1982_anews.txt"))
        try write(Self.bNews, to: folder.appendingPathComponent("usenet/utzoo_sci.virtual-worlds_1991_bnews.txt"))
        let paths = [folder.appendingPathComponent("spool").path, folder.appendingPathComponent("usenet").path]
        let ids = ["mail:mhtsa.157", "mail:1991Jun21.055051.28165@milton.u.washington.edu"]

        let (stories, problems) = CollectionLoader().loadAll(paths)
        XCTAssertEqual(problems.filter { !$0.isSkipped }.map(\.reason), [])
        XCTAssertEqual(stories.map(\.id).sorted(), ids.sorted(), "one story per Message-ID, no `#2`")
        XCTAssertTrue(stories.allSatisfy { $0.path.contains("/spool/") }, "read from the first file holding it")
        XCTAssertTrue(stories.allSatisfy { $0.source.otherPaths.isEmpty }, "the copy is not read with it")

        let listed = entries(paths)
        XCTAssertEqual(listed.map(\.summary.id).sorted(), ids.sorted(), "listed as it reads")
        let loader = CollectionLoader()
        for entry in listed {
            guard case .success(let opened) = loader.story(for: entry.summary) else { return XCTFail("not opened") }
            XCTAssertEqual(opened.id, entry.summary.id, "opened under the id it is listed and marked by")
        }

        // Every story can be searched again: none is left unreadable.
        let batch = try search("pragmatic", in: listed)
        XCTAssertEqual(batch.unreadable, 0)
        XCTAssertEqual(batch.hits.map(\.id), ["mail:1991Jun21.055051.28165@milton.u.washington.edu"])
    }

    /// A crosspost copied (not linked) into a second group's folder: the thread's reply is shown once.
    func testACrosspostCopiedIntoTwoGroupsIsOneReply() throws {
        let folder = try temporaryFolder()
        let root = "From: a@example.org\nNewsgroups: comp.lang.misc\nSubject: Tabs or spaces\nMessage-ID: <root@example.org>\n\nWell?\n"
        let reply = """
        From: b@example.org
        Newsgroups: comp.lang.misc,alt.religion.editors
        Subject: Re: Tabs or spaces
        Message-ID: <reply@example.org>
        References: <root@example.org>

        Tabs, obviously.

        """
        try write(root, to: folder.appendingPathComponent("comp/lang/misc/1"))
        try write(reply, to: folder.appendingPathComponent("comp/lang/misc/2"))
        try write(reply, to: folder.appendingPathComponent("alt/religion/editors/7"))

        let (stories, _) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(stories.map(\.id), ["mail:root@example.org"])
        XCTAssertEqual(stories.first?.comments.map(\.text), ["Tabs, obviously."])
        let listed = entries([folder.path])
        XCTAssertEqual(listed.map(\.summary.id), ["mail:root@example.org"])
        XCTAssertEqual(listed.first?.summary.commentCount, 1)
        XCTAssertEqual(listed.first?.unreadComments, 1)
    }

    /// A mail kept in two Maildir folders, read in one only: it is read at the source.
    func testAMessageInTwoMaildirsIsReadWhenEitherCopyIs() throws {
        let folder = try temporaryFolder()
        let message = "From: a@example.org\nSubject: Kept twice\nMessage-ID: <twice@example.org>\n\nOnce.\n"
        try write(message, to: folder.appendingPathComponent("Archive/cur/1000.M1.host:2,"))
        try write(message, to: folder.appendingPathComponent("INBOX/cur/1000.M1.host:2,S"))

        let (stories, _) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(stories.map(\.id), ["mail:twice@example.org"])
        XCTAssertEqual(stories.first?.seenAtSource, true)
        let listed = entries([folder.path])
        XCTAssertEqual(listed.map(\.summary.id), ["mail:twice@example.org"])
        XCTAssertEqual(listed.first?.summary.sourceMarks?.storyRead, true)
    }

    /// Two messages without a Message-ID that say the same, in two files of one thread, are one message too.
    func testACopyWithoutAnIDInAnotherFileIsOneMessage() throws {
        let folder = try temporaryFolder()
        try write("From: a@example.org\nSubject: Start\nMessage-ID: <start@example.org>\n\nStart.\n",
                  to: folder.appendingPathComponent("box/cur/1.M1.host:2,"))
        let reply = "From: b@example.org\nSubject: Re: Start\nIn-Reply-To: <start@example.org>\n\nAgreed.\n"
        try write(reply, to: folder.appendingPathComponent("box/cur/2.M1.host:2,"))
        try write(reply, to: folder.appendingPathComponent("box/cur/3.M1.host:2,"))

        let (stories, _) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(stories.first?.comments.map(\.text), ["Agreed."])
        let listed = entries([folder.path])
        XCTAssertEqual(listed.first?.summary.commentCount, 1)
    }

    /// A message without a Message-ID that starts a thread, saved in two files of a Maildir: one story, read
    /// when either copy is, not two rows that share one id and one mark.
    func testAStartWithoutAnIDInTwoFilesIsOneStory() throws {
        let folder = try temporaryFolder()
        let maildir = try MaildirFixture(in: folder)
        let note = "From: dave@example.org\nSubject: Status\n\nAll systems nominal.\n"
        try maildir.write("1717491600.M1P1.host:2,S", note)
        try maildir.write("1718701299.M4P4.host:2,", note)
        try maildir.write("1718701300.M5P5.host:2,", "From: dave@example.org\nSubject: Status\n\nOne disk is failing.\n")

        let (stories, _) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(stories.count, 2, "\(stories.map(\.id))")
        XCTAssertEqual(Set(stories.map(\.id)).count, 2)
        let listed = entries([folder.path])
        XCTAssertEqual(listed.count, 2)
        XCTAssertEqual(Set(listed.map(\.summary.id)).count, 2)
        XCTAssertEqual(listed.first { $0.summary.path.hasSuffix(":2,S") }?.summary.sourceMarks?.storyRead, true)
    }
}
