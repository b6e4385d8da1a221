import Foundation
import XCTest
@testable import TidingsModel

/// A large archive lists its first threads from its first bytes while the whole file is read, unless the
/// summary cache already has it; what the whole file lists is the same either way.
final class EarlyListingTests: XCTestCase {
    /// `threads` threads of a start and `replies` replies each, in order, the replies of thread 2 spread to
    /// the end of the archive (so the early list may count fewer than the file holds).
    static func archive(threads: Int, replies: Int) -> String {
        var text = ""
        var late = ""
        for thread in 0..<threads {
            text += """
            From t\(thread)@example.org Tue Nov 17 10:00:00 2009
            From: Writer \(thread) <t\(thread)@example.org>
            Date: Tue, 17 Nov 2009 10:00:00 +0100
            Subject: Thread number \(thread)
            Message-ID: <t\(thread)@example.org>

            The start of thread \(thread).\n\n
            """
            for reply in 0..<replies {
                let message = """
                From r@example.org Tue Nov 17 11:00:00 2009
                From: Replier <r@example.org>
                Date: Tue, 17 Nov 2009 11:\(String(format: "%02d", reply)):00 +0100
                Subject: Re: Thread number \(thread)
                Message-ID: <t\(thread).r\(reply)@example.org>
                In-Reply-To: <t\(thread)@example.org>
                References: <t\(thread)@example.org>

                Reply \(reply) to thread \(thread).\n\n
                """
                if thread == 2 && reply > 0 { late += message } else { text += message }
            }
        }
        return text + late
    }

    func temporaryFile(_ text: String, name: String = "list.mbox") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-early-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file
    }

    func entries(_ loader: CollectionLoader, _ file: URL) -> (early: [StoryEntry]?, all: [StoryEntry]) {
        var early: [StoryEntry]?
        let result = loader.entriesOrHeld(ListedFile(path: file.path, named: true), order: 0, readState: ReadState(),
                                          early: { early = $0 })
        guard case .success(.read(let all)) = result else {
            XCTFail("not read: \(result)")
            return (early, [])
        }
        return (early, all)
    }

    func testTheFirstThreadsAreListedFromTheHeadAndTheWholeFileListsThemAll() throws {
        let text = Self.archive(threads: 30, replies: 3)
        let file = try temporaryFile(text)
        var loader = CollectionLoader()
        loader.smallestEarlyListed = 0
        loader.earlyHead = text.utf8.count / 3
        let (early, all) = entries(loader, file)
        let first = try XCTUnwrap(early)
        XCTAssertEqual(all.count, 30)
        XCTAssertEqual(all.map(\.summary.commentCount), Array(repeating: 3, count: 30))
        XCTAssertGreaterThan(first.count, 3)
        XCTAssertLessThan(first.count, 30)
        XCTAssertEqual(first.map(\.summary.id), all.prefix(first.count).map(\.summary.id), "the early threads are the file's first")
        XCTAssertEqual(first.map(\.summary.title), all.prefix(first.count).map(\.summary.title))
        // Thread 2's later replies are beyond the head: listed with the one reply read so far, then with all.
        XCTAssertEqual(first[2].summary.commentCount, 1)
        XCTAssertEqual(first[2].unreadComments, 1)
        // Every thread listed early opens from the part of the file it was found in.
        for entry in first {
            guard case .success(let story) = loader.story(for: entry.summary) else { return XCTFail("not opened: \(entry.summary.id)") }
            XCTAssertEqual(story.id, entry.summary.id)
            XCTAssertEqual(story.comments.count, entry.summary.commentCount)
        }
        // The message the head cuts in two is not listed.
        let last = try XCTUnwrap(first.last)
        XCTAssertLessThanOrEqual(last.summary.commentCount, 3)
        let (_, plain) = entries(CollectionLoader(), file)
        XCTAssertEqual(all.map(\.summary), plain.map(\.summary), "the whole file lists the same with or without the early list")
    }

    func testSmallFilesAndHeadsOfOneMessageListNothingEarly() throws {
        let text = Self.archive(threads: 5, replies: 2)
        let file = try temporaryFile(text)
        XCTAssertNil(entries(CollectionLoader(), file).early, "a file under the size is read whole first")
        var loader = CollectionLoader()
        loader.smallestEarlyListed = 0
        loader.earlyHead = 100
        XCTAssertNil(entries(loader, file).early, "a head that holds no whole message lists nothing")
        // A file that is not an archive of many stories is not listed early.
        let native = try temporaryFile("A native story\n\nIts text.\n", name: "story.txt")
        loader.earlyHead = 1 << 20
        XCTAssertNil(entries(loader, native).early)
    }

    func testAThreadWhoseStartIsNotReadYetIsNotListedEarly() throws {
        // Two replies to a start that comes at the end: listed early, the thread would go by another name.
        let replies = (0..<2).map { index in
            "From r@example.org Tue Nov 17 11:00:00 2009\nFrom: R <r@example.org>\nSubject: Re: Late start\n"
                + "Message-ID: <late.r\(index)@example.org>\nReferences: <middle@example.org>\n\nA reply.\n\n"
        }.joined()
        let start = "From s@example.org Tue Nov 17 10:00:00 2009\nFrom: S <s@example.org>\nSubject: Late start\n"
            + "Message-ID: <late@example.org>\n\nThe start.\n\n"
            + "From m@example.org Tue Nov 17 10:30:00 2009\nFrom: M <m@example.org>\nSubject: Re: Late start\n"
            + "Message-ID: <middle@example.org>\nReferences: <late@example.org>\n\nThe middle.\n\n"
        let text = replies + Self.archive(threads: 20, replies: 2) + start
        let file = try temporaryFile(text)
        var loader = CollectionLoader()
        loader.smallestEarlyListed = 0
        loader.earlyHead = text.utf8.count / 2
        let (early, all) = entries(loader, file)
        let first = try XCTUnwrap(early)
        XCTAssertFalse(first.contains { $0.summary.id.contains("middle") || $0.summary.id.contains("late") }, "\(first.map(\.summary.id))")
        XCTAssertEqual(first.first?.summary.id, "mail:t0@example.org")
        XCTAssertTrue(all.contains { $0.summary.id == "mail:late@example.org" && $0.summary.commentCount == 3 }, "\(all.map(\.summary.id))")
    }

    func testAFileTheSummaryCacheHasIsNotListedEarly() throws {
        let text = Self.archive(threads: 10, replies: 2)
        let file = try temporaryFile(text)
        let cacheFolder = file.deletingLastPathComponent().appendingPathComponent("cache").path
        var loader = CollectionLoader(summaryCache: SummaryCache(folder: cacheFolder, program: SummaryCache.ProgramStamp(size: 1, modified: 2), smallestFile: 0))
        loader.smallestEarlyListed = 0
        loader.earlyHead = text.utf8.count / 2
        let first = entries(loader, file)
        XCTAssertNotNil(first.early, "the first start lists early")
        let second = entries(loader, file)
        XCTAssertNil(second.early, "later starts list from the cache at once")
        XCTAssertEqual(second.all.map(\.summary), first.all.map(\.summary))
    }

    func testTheLoaderEndsWithTheWholeFilesStoriesInOrder() throws {
        let text = Self.archive(threads: 40, replies: 2)
        let file = try temporaryFile(text)
        try Data("A native story after it\n\nIts text.\n".utf8).write(to: file.deletingLastPathComponent().appendingPathComponent("m.txt"))
        var loader = CollectionLoader()
        loader.smallestEarlyListed = 0
        loader.earlyHead = text.utf8.count / 4
        let load = ParallelLoad(sources: [file.deletingLastPathComponent().path], readState: ReadState(), loader: loader)
        // The list as a reader keeps it: delivered entries, then the provisional ones until they are replaced.
        var listed: [StoryEntry] = []
        var provisional: [StoryEntry] = []
        var finished = false
        while !finished {
            let batch = load.take()
            listed += batch.entries
            if let replaced = batch.provisional { provisional = replaced }
            finished = batch.finished
            if !finished { usleep(500) }
        }
        XCTAssertEqual(provisional.count, 0)
        XCTAssertEqual(listed.count, 41)
        XCTAssertEqual(listed.first?.summary.id, "mail:t0@example.org")
        XCTAssertEqual(listed.last?.summary.title, "A native story after it")
    }
}
