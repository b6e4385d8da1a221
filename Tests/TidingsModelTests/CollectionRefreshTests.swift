import Foundation
import XCTest
@testable import TidingsModel

/// What a change on disk reads again, and which list entries that replaces: files added, changed, removed
/// and renamed; a second route to a file already listed; a Maildir's threads, across its folders.
final class CollectionRefreshTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tidings-refresh-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func write(_ name: String, title: String, comments: Int) throws {
        let lines = (0..<comments).map { "comment \($0) on \(title)" }.joined(separator: "\n")
        let text = "\(title)\nVia: tester • 1 hour ago • \(comments) comments\n\nThe story \(title).\n\n\(lines)\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    /// What the watch knows once the loader is done: every listed file with its stamp, the held ones marked,
    /// the stories of several files noted; and the entries the loader listed.
    func loaded() -> (KnownFiles, [StoryEntry]) {
        let paths = LoadedPaths()
        let observer = ListingObserver(entering: { _ in }, listed: { paths.set(listed: $0) }, held: { paths.set(held: $0, keys: $1) })
        let load = ParallelLoad(sources: [folder], readState: ReadState(), observer: observer)
        load.waitUntilFinished()
        let entries = load.take().entries
        var known = KnownFiles()
        var stamps: [FileStamp?] = []
        var keys = paths.keys
        _ = known.adopt(paths.listed, stamps: &stamps, keys: &keys)
        known.markHeld(paths.held)
        known.noteStories(entries)
        return (known, entries)
    }

    func refresh(_ names: [String], _ known: inout KnownFiles) -> CollectionUpdate {
        CollectionRefresh(loader: CollectionLoader(), readState: ReadState(), namedPaths: [])
            .refresh(names.map { folder + "/" + $0 }, known: &known)
    }

    func names(_ paths: Set<String>) -> [String] { paths.map { String($0.dropFirst(folder.count + 1)) }.sorted() }

    func testAddedChangedAndRemovedFiles() throws {
        try write("a.txt", title: "Alpha", comments: 2)
        try write("b.txt", title: "Bravo", comments: 1)
        var (known, entries) = loaded()
        XCTAssertEqual(entries.map(\.summary.title), ["Alpha", "Bravo"])

        try write("a.txt", title: "Alpha", comments: 3)
        var update = refresh(["a.txt"], &known)
        XCTAssertEqual(names(update.files), ["a.txt"])
        XCTAssertEqual(update.entries.map(\.summary.commentCount), [3])
        XCTAssertEqual(update.entries.first?.summary.id, entries[0].summary.id, "the same story: its id does not hang on its comments")

        try FileManager.default.removeItem(atPath: folder + "/b.txt")
        update = refresh(["b.txt"], &known)
        XCTAssertEqual(names(update.files), ["b.txt"])
        XCTAssertEqual(update.entries.count, 0)
        XCTAssertNil(known.file(folder + "/b.txt"))

        try write("c.txt", title: "Charlie", comments: 0)
        update = refresh(["c.txt"], &known)
        XCTAssertEqual(update.entries.map(\.summary.title), ["Charlie"])
        XCTAssertEqual(known.file(folder + "/c.txt")?.stamp, FileStamp(path: folder + "/c.txt"), "its stamp is kept for rescans")

        // A README is not a story: it is listed as skipped, as the loader lists it.
        try Data("# notes\n".utf8).write(to: URL(fileURLWithPath: folder + "/README.md"))
        update = refresh(["README.md"], &known)
        XCTAssertEqual(update.entries.count, 0)
        XCTAssertEqual(update.problems.map(\.isSkipped), [true])
    }

    /// Renamed: gone under one name, come under another, in one batch of changes.
    func testAFileRenamed() throws {
        try write("a.txt", title: "Alpha", comments: 2)
        var (known, entries) = loaded()
        try FileManager.default.moveItem(atPath: folder + "/a.txt", toPath: folder + "/z.txt")
        let update = refresh(["z.txt", "a.txt"], &known)
        XCTAssertEqual(names(update.files), ["a.txt", "z.txt"])
        XCTAssertEqual(update.entries.map(\.summary.id), entries.map(\.summary.id))
        XCTAssertEqual(update.entries.map(\.summary.path), [folder + "/z.txt"])
    }

    /// A second route to a file already listed (a hard link) is not listed twice, as the loader lists each
    /// file once; a change seen through it is the listed file's.
    func testASecondRouteToAKnownFileIsNotListedTwice() throws {
        try write("a.txt", title: "Alpha", comments: 2)
        var (known, _) = loaded()
        XCTAssertEqual(link(folder + "/a.txt", folder + "/again.txt"), 0)
        var update = refresh(["again.txt"], &known)
        XCTAssertEqual(names(update.files), ["a.txt"])
        XCTAssertEqual(update.entries.map(\.summary.path), [folder + "/a.txt"])
        XCTAssertNil(known.file(folder + "/again.txt"))
        try write("again.txt", title: "Alpha", comments: 3)
        update = refresh(["again.txt"], &known)
        XCTAssertEqual(update.entries.map(\.summary.path), [folder + "/a.txt"])
        XCTAssertEqual(update.entries.map(\.summary.commentCount), [3])
    }

    /// A message added to a Maildir reads that mailbox's messages again, and the files in other folders of
    /// the threads they belong to: a thread keeps its reply kept in `.Sent`.
    /// A new message reads the thread it joins, in any of the Maildir's folders, and no other.
    func testANewMessageReadsItsThreadAgain() throws {
        for sub in ["cur", "new", "tmp", ".Sent/cur", ".Sent/new", ".Sent/tmp"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        func message(_ name: String, subject: String, id: String, replyTo: String? = nil) throws {
            let reply = replyTo.map { "In-Reply-To: <\($0)>\nReferences: <\($0)>\n" } ?? ""
            let text = "From: A <a@example.org>\nDate: Tue, 17 Nov 2009 10:00:00 +0100\nSubject: \(subject)\nMessage-ID: <\(id)>\n\(reply)\nText.\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        try message("cur/1.in:2,S", subject: "Lunch", id: "lunch@x")
        try message(".Sent/cur/2.out:2,S", subject: "Re: Lunch", id: "answer@x", replyTo: "lunch@x")
        try message("cur/3.in:2,", subject: "Other", id: "other@x")
        var (known, entries) = loaded()
        XCTAssertEqual(entries.map(\.summary.commentCount).sorted(), [0, 1])
        XCTAssertEqual(known.heldFiles(in: folder + "/cur").count, 2, "the loader said which files it held")

        try message("new/4.in", subject: "Re: Lunch", id: "again@x", replyTo: "answer@x")
        // Messages being written (tmp/) and the Maildir's own files are never read.
        try message("tmp/5.in", subject: "Re: Lunch", id: "writing@x", replyTo: "lunch@x")
        try Data("3 V1 N2\n".utf8).write(to: URL(fileURLWithPath: folder + "/dovecot-uidlist"))
        let update = refresh(["new/4.in", "tmp/5.in", "dovecot-uidlist"], &known)
        XCTAssertEqual(names(update.files), [".Sent/cur/2.out:2,S", "cur/1.in:2,S", "new/4.in"], "not the other thread")
        let lunch = try XCTUnwrap(update.entries.first { $0.summary.title == "Lunch" })
        XCTAssertEqual(lunch.summary.commentCount, 2)
        XCTAssertEqual(Set(lunch.summary.source.paths), Set([folder + "/cur/1.in:2,S", folder + "/.Sent/cur/2.out:2,S", folder + "/new/4.in"]))
        XCTAssertEqual(update.entries.compactMap(\.summary.title), ["Lunch"])
        XCTAssertEqual(known.partners(of: folder + "/new/4.in").count, 3, "the thread's files are known for the next change")

        // The mail client marks the reply seen: a rename in new/ → cur/.
        try FileManager.default.moveItem(atPath: folder + "/new/4.in", toPath: folder + "/cur/4.in:2,S")
        let seen = refresh(["new/4.in", "cur/4.in:2,S"], &known)
        XCTAssertTrue(seen.files.isSuperset(of: [folder + "/new/4.in", folder + "/cur/4.in:2,S", folder + "/.Sent/cur/2.out:2,S"]))
        XCTAssertEqual(seen.entries.first { $0.summary.title == "Lunch" }?.summary.commentCount, 2)
    }
}

extension CollectionRefreshTests {
    /// Held files listed without their keys are read with a change near them: a new message may answer any.
    func testHeldFilesWithoutKeysAreReadWithAChangeNearThem() throws {
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        func message(_ name: String, subject: String, id: String, replyTo: String? = nil) throws {
            let reply = replyTo.map { "In-Reply-To: <\($0)>\n" } ?? ""
            try Data("From: A <a@example.org>\nSubject: \(subject)\nMessage-ID: <\(id)>\n\(reply)\nText.\n".utf8)
                .write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        try message("cur/1.in:2,", subject: "Lunch", id: "lunch@x")
        try message("cur/2.in:2,", subject: "Other", id: "other@x")
        var (keyed, _) = loaded()
        var known = KnownFiles()
        for path in [folder + "/cur/1.in:2,", folder + "/cur/2.in:2,"] {
            known.set(path, .init(stamp: FileStamp(path: path), named: true, held: true))
        }
        try message("new/3.in", subject: "Re: Lunch", id: "again@x", replyTo: "lunch@x")
        let update = refresh(["new/3.in"], &known)
        XCTAssertEqual(names(update.files), ["cur/1.in:2,", "cur/2.in:2,", "new/3.in"], "keys unknown: the mailbox")
        XCTAssertEqual(update.entries.first { $0.summary.title == "Lunch" }?.summary.commentCount, 1)
        let keyedUpdate = refresh(["new/3.in"], &keyed)
        XCTAssertEqual(names(keyedUpdate.files), ["cur/1.in:2,", "new/3.in"], "keys known: the thread")
        // Now read, their keys are known: the next change reads the thread alone.
        try message("new/4.in", subject: "Re: Lunch", id: "more@x", replyTo: "again@x")
        XCTAssertEqual(names(refresh(["new/4.in"], &known).files), ["cur/1.in:2,", "new/3.in", "new/4.in"])
    }
}

/// What the loader's listing handed over, gathered from its thread.
final class LoadedPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [ListedFile] = []
    private var heldPaths: [String] = []
    private var heldKeys: [JoinKeys] = []

    var listed: [ListedFile] { lock.withLock { files } }
    var held: [String] { lock.withLock { heldPaths } }
    var keys: [JoinKeys] { lock.withLock { heldKeys } }
    func set(listed: [ListedFile]) { lock.withLock { files = listed } }
    func set(held: [String], keys: [JoinKeys]) {
        lock.withLock {
            heldPaths += held
            heldKeys = keys
        }
    }
}
