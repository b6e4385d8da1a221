import Foundation
import TidingsTestSupport
import XCTest
@testable import TidingsModel

/// The summary cache: large files listed again from what an earlier run kept, only for the very version of
/// the file and the very build that kept it; anything else, damaged or missing, reads the file as before.
final class SummaryCacheTests: XCTestCase {
    var folder: URL!
    var cacheFolder: URL!

    override func setUpWithError() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-cache-\(UUID().uuidString)")
        folder = base.appendingPathComponent("mail")
        cacheFolder = base.appendingPathComponent("cache/tidings/summaries")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: base) }
    }

    func cache(program: SummaryCache.ProgramStamp = .init(size: 1, modified: 2)) -> SummaryCache {
        SummaryCache(folder: cacheFolder.path, program: program, smallestFile: 10)
    }

    func loader(_ cache: SummaryCache?) -> CollectionLoader { CollectionLoader(summaryCache: cache) }

    func entries(_ path: String, _ loader: CollectionLoader, readState: ReadState = ReadState()) throws -> [StoryEntry] {
        guard case .success(.read(let entries)) = loader.entriesOrHeld(ListedFile(path: path, named: false), order: 0,
                                                                       readState: readState) else {
            XCTFail("not listed")
            return []
        }
        return entries
    }

    func writeMbox(_ text: String = MailImportTests.mbox) throws -> String {
        let file = folder.appendingPathComponent("list.mbox")
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func cacheFiles() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)) ?? [] }

    func testASecondListingComesFromTheCacheAndIsTheSame() throws {
        let path = try writeMbox()
        let uncached = try entries(path, loader(nil))
        let first = try entries(path, loader(cache()))
        XCTAssertEqual(cacheFiles().count, 1)
        XCTAssertEqual(first, uncached)
        // The cache answers for the very version it was made from: a stand-in entry kept under the file's stamp
        // is what the loader lists, without reading the file.
        let kept = cache()
        let stamp = try XCTUnwrap(FileStamp(path: path))
        let key = try XCTUnwrap(kept.key(path: path, stamp: stamp, named: false))
        var standIn = first[0].summary
        standIn.header.title = "kept"
        kept.store([ImportedSummary(summary: standIn, commentIDs: [])], for: key)
        XCTAssertEqual(try entries(path, loader(kept)).map(\.summary.title), ["kept"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".tidings").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["list.mbox"], "nothing written beside the mailbox")
    }

    func testAChangedFileIsReadAgainAndTheCacheReplaced() throws {
        let path = try writeMbox()
        let first = try entries(path, loader(cache()))
        XCTAssertEqual(first.count, 3)
        // Appended to, as a mail client appends to an mbox.
        let more = MailImportTests.mbox + """
        From zed@example.org Tue Nov 17 14:00:00 2009
        From: Zed <zed@example.org>
        Subject: A new thread
        Message-ID: <zed@example.org>

        New.

        """
        _ = try writeMbox(more)
        let second = try entries(path, loader(cache()))
        XCTAssertEqual(second.count, 4)
        XCTAssertEqual(second.map(\.summary.title).last, "A new thread")
        XCTAssertEqual(cacheFiles().count, 1, "one cache file per path, replaced")
        XCTAssertEqual(try entries(path, loader(cache())), second)
    }

    func testAnotherBuildDoesNotReadWhatThisOneKept() throws {
        let path = try writeMbox()
        let kept = cache()
        _ = try entries(path, loader(kept))
        let stamp = try XCTUnwrap(FileStamp(path: path))
        let key = try XCTUnwrap(kept.key(path: path, stamp: stamp, named: false))
        XCTAssertNotNil(kept.summaries(for: key))
        let other = cache(program: .init(size: 1, modified: 3))
        XCTAssertNil(other.summaries(for: try XCTUnwrap(other.key(path: path, stamp: stamp, named: false))))
        XCTAssertNil(kept.summaries(for: try XCTUnwrap(kept.key(path: path, stamp: stamp, named: true))), "named is part of the key")
        var moved = stamp
        moved.inode += 1
        XCTAssertNil(kept.summaries(for: try XCTUnwrap(kept.key(path: path, stamp: moved, named: false))), "another file at the path")
    }

    /// Feeds are cached, RSS and Atom alike; an Atom feed with the thread extension (entries that may answer
    /// entries of other files) is read with the files it answers, and never cached.
    func testFeedsAreCachedUnlessTheyMayAnswerOtherFiles() throws {
        let atomEntries = (0..<20).map { "<entry><id>urn:e\($0)</id><title>Entry \($0)</title><content>Text \($0)</content></entry>" }.joined()
        let plain = folder.appendingPathComponent("plain.atom").path
        try Data(#"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>\#(atomEntries)</feed>"#.utf8).write(to: URL(fileURLWithPath: plain))
        let rss = folder.appendingPathComponent("feed.rss").path
        let items = (0..<20).map { "<item><guid>g\($0)</guid><title>Item \($0)</title></item>" }.joined()
        try Data("<rss><channel><title>R</title>\(items)</channel></rss>".utf8).write(to: URL(fileURLWithPath: rss))
        XCTAssertEqual(try entries(plain, loader(cache())).count, 20)
        XCTAssertEqual(try entries(rss, loader(cache())).count, 20)
        XCTAssertEqual(cacheFiles().count, 2)
        let threaded = folder.appendingPathComponent("comments.atom").path
        try Data(#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0"><title>C</title>\#(atomEntries)</feed>"#.utf8)
            .write(to: URL(fileURLWithPath: threaded))
        guard case .success(.held) = loader(cache()).entriesOrHeld(ListedFile(path: threaded, named: false), order: 0, readState: ReadState()) else {
            return XCTFail("a comment feed is read with the files it answers")
        }
        XCTAssertEqual(cacheFiles().count, 2)
    }

    func testSmallFilesAreNotCached() throws {
        let small = SummaryCache(folder: cacheFolder.path, program: .init(size: 1, modified: 2), smallestFile: 1 << 20)
        let path = try writeMbox()
        _ = try entries(path, loader(small))
        XCTAssertEqual(cacheFiles(), [])
    }

    func testReadStateIsCountedAfterTheCacheNotKeptInIt() throws {
        let path = try writeMbox()
        let first = try entries(path, loader(cache()))
        XCTAssertEqual(first.map(\.unreadComments), [1, 0, 1], "Carol's reply was seen in the mail client")
        var state = ReadState()
        let story = try XCTUnwrap(CollectionLoader().loadAll([path]).stories.first)
        _ = state.setComments(story.comments.map(\.id), in: story.id, read: true)
        let again = try entries(path, loader(cache()), readState: state)
        XCTAssertEqual(again.map(\.unreadComments), [0, 0, 1])
        XCTAssertEqual(again, try entries(path, loader(nil), readState: state))
    }

    func testEveryFieldOfAnEntryIsKept() throws {
        // A new field in a summary must be written to the cache too: these counts fail when one is added.
        XCTAssertEqual(Mirror(reflecting: StoryHeader()).children.count, 9, "StoryHeader changed: update SummaryCoding")
        let summary = StorySummary(id: "x", source: SourceReference(path: "/p"), format: "f", header: StoryHeader())
        XCTAssertEqual(summary.storedFields.children.count, 7, "StorySummary changed: update SummaryCoding")
        XCTAssertEqual(Mirror(reflecting: ImportedSummary(summary: summary, commentIDs: nil)).children.count, 3,
                       "ImportedSummary changed: update SummaryCoding (damage is never kept)")

        var full = StorySummary(id: "mail:a@b", legacyID: "old", source: SourceReference(path: "/p", locator: "bytes 1-2 <a@b>"),
                                format: "mbox", header: StoryHeader(), commentCount: 4)
        full.header = StoryHeader(title: "Tïtle \u{1B}[31m", author: "Ann", url: "https://x", category: "c", byline: "b",
                                  date: Date(timeIntervalSince1970: 1_234_567_890.123), dateText: "then", score: -3,
                                  declaredComments: 99)
        full.sourceMarks = SourceMarks(storyRead: true, readComments: [CommentID(value: 7)])
        let bare = StorySummary(id: "feed:z", source: SourceReference(path: "/p"), format: "rss", header: StoryHeader())
        let summaries = [ImportedSummary(summary: full, commentIDs: [CommentID(value: 1), CommentID(value: 0xF_FFFF_FFFF)]),
                         ImportedSummary(summary: bare, commentIDs: nil)]
        let key = SummaryCache.Key(path: "/p", stamp: FileStamp(device: 1, inode: 2, size: 3, modified: 4, changed: 5),
                                   named: false, program: .init(size: 6, modified: 7))
        let bytes = try XCTUnwrap(SummaryCoding.encode(summaries, key: key))
        let decoded = try XCTUnwrap(bytes.withUnsafeBytes { SummaryCoding.decode($0, key: key) })
        XCTAssertEqual(decoded.map(\.summary), summaries.map(\.summary))
        XCTAssertEqual(decoded.map(\.commentIDs), summaries.map(\.commentIDs))
    }

    func testEntriesNamingOtherFilesAreNotKept() {
        var summary = StorySummary(id: "x", source: SourceReference(path: "/p", otherPaths: ["/q"]), format: "f", header: StoryHeader())
        let key = SummaryCache.Key(path: "/p", stamp: FileStamp(device: 1, inode: 2, size: 3, modified: 4, changed: 5),
                                   named: false, program: .init(size: 6, modified: 7))
        XCTAssertNil(SummaryCoding.encode([ImportedSummary(summary: summary, commentIDs: nil)], key: key))
        summary.source = SourceReference(path: "/elsewhere")
        XCTAssertNil(SummaryCoding.encode([ImportedSummary(summary: summary, commentIDs: nil)], key: key))
    }

    func testADamagedCacheFileIsAMissNeverACrash() throws {
        let path = try writeMbox()
        let expected = try entries(path, loader(nil))
        let kept = cache()
        _ = try entries(path, loader(kept))
        let stamp = try XCTUnwrap(FileStamp(path: path))
        let key = try XCTUnwrap(kept.key(path: path, stamp: stamp, named: false))
        let file = kept.entryPath(path)
        let good = try XCTUnwrap(FileManager.default.contents(atPath: file))
        // Cut at every length, and every byte changed in turn: always a miss (a title changed by one letter
        // would otherwise be listed).
        for length in 0..<good.count {
            XCTAssertNil(good.prefix(length).withUnsafeBytes { SummaryCoding.decode($0, key: key) }, "cut at \(length)")
        }
        var random = SeededRandom(seed: 11)
        for index in 0..<good.count {
            var damaged = [UInt8](good)
            damaged[index] ^= UInt8(truncatingIfNeeded: random.next() | 1)
            XCTAssertNil(damaged.withUnsafeBytes { SummaryCoding.decode($0, key: key) }, "byte \(index)")
        }
        XCTAssertEqual(good.withUnsafeBytes { SummaryCoding.decode($0, key: key) }?.count, expected.count)
        // A damaged file on disk: the mbox is read again, and the entry written anew.
        try Data(good.prefix(good.count / 2)).write(to: URL(fileURLWithPath: file))
        XCTAssertEqual(try entries(path, loader(kept)), expected)
        XCTAssertEqual(FileManager.default.contents(atPath: file), good)
    }

    func testACacheThatCannotBeWrittenChangesNothing() throws {
        let path = try writeMbox()
        // The cache folder's place is taken by a file: nothing can be kept, everything still lists.
        try FileManager.default.createDirectory(at: cacheFolder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: cacheFolder)
        XCTAssertEqual(try entries(path, loader(cache())), try entries(path, loader(nil)))
        XCTAssertEqual(try String(contentsOf: cacheFolder, encoding: .utf8), "not a folder")
    }

    func testTheStandardPlaceFollowsXDG() {
        XCTAssertEqual(SummaryCache.standard(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])?.folder, "/c/tidings/summaries")
        XCTAssertEqual(SummaryCache.standard(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"])?.folder, "/h/.cache/tidings/summaries")
        XCTAssertNil(SummaryCache.standard(environment: [:]))
    }
}
