import Foundation
import XCTest
@testable import TidingsModel

/// The kernel's side, in a temporary folder: inotify reports files created, written and removed, folders
/// made and removed, only the named file of a folder watched for it, and nothing hidden; and the whole watch
/// turns a file written after the load into a list update within a second.
final class FolderWatchTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tidings-watch-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The changes reported within two seconds, once `expected` have all come (or the time is up).
    func changes(_ watch: FolderWatch, until expected: [FolderChange]) -> [FolderChange] {
        var seen: [FolderChange] = []
        let deadline = Date().addingTimeInterval(2)
        while Date() < deadline, !expected.allSatisfy(seen.contains) {
            seen += watch.changes()
            Thread.sleep(forTimeInterval: 0.01)
        }
        return seen
    }

    func testFilesCreatedWrittenAndRemoved() throws {
        let watch = try XCTUnwrap(FolderWatch(), "inotify is not available")
        XCTAssertEqual(watch.watch(folder), .added)
        XCTAssertEqual(watch.changes(), [], "nothing yet, and no waiting for it")
        let path = folder + "/a.txt"
        try Data("one".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertTrue(changes(watch, until: [.file(path)]).contains(.file(path)))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.write(Data("two".utf8))
        try handle.close()
        XCTAssertEqual(changes(watch, until: [.file(path)]), [.file(path)], "written and closed")
        try FileManager.default.removeItem(atPath: path)
        XCTAssertEqual(changes(watch, until: [.file(path)]), [.file(path)], "removed")
        // Hidden files are not the collection's.
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/.hidden"))
        try Data("y".utf8).write(to: URL(fileURLWithPath: folder + "/b.txt"))
        XCTAssertEqual(changes(watch, until: [.file(folder + "/b.txt")]).filter { $0 != .file(folder + "/b.txt") }, [])
    }

    func testFoldersMadeAndRemoved() throws {
        let watch = try XCTUnwrap(FolderWatch())
        watch.watch(folder)
        let sub = folder + "/sub"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: false)
        XCTAssertEqual(changes(watch, until: [.folderAdded(sub)]), [.folderAdded(sub)])
        watch.watch(sub)
        XCTAssertEqual(watch.count, 2)
        try Data("z".utf8).write(to: URL(fileURLWithPath: sub + "/c.txt"))
        XCTAssertTrue(changes(watch, until: [.file(sub + "/c.txt")]).contains(.file(sub + "/c.txt")))
        // Moved away: the folder is gone from the collection, and its watch is dropped with it.
        try FileManager.default.moveItem(atPath: sub, toPath: folder + "/../moved-\(UUID().uuidString.prefix(6))")
        XCTAssertTrue(changes(watch, until: [.folderRemoved(sub)]).contains(.folderRemoved(sub)))
        XCTAssertEqual(watch.count, 1)
    }

    /// A folder watched for a file the user named reports that file, under the name the user gave.
    func testAFolderWatchedForOneFile() throws {
        let watch = try XCTUnwrap(FolderWatch())
        watch.watch(folder, file: (name: "a.txt", path: "given/a.txt"))
        try Data("b".utf8).write(to: URL(fileURLWithPath: folder + "/b.txt"))
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: false)
        try Data("a".utf8).write(to: URL(fileURLWithPath: folder + "/a.txt"))
        // Made, then written and closed: twice the same file, and nothing else.
        XCTAssertEqual(Set(changes(watch, until: [.file("given/a.txt")]).map { "\($0)" }), ["file(\"given/a.txt\")"])
    }
}

/// The whole watch in one process: the loader lists and reads a folder, and a file written, rewritten and
/// removed after that reaches the list within a second; `rescan()` finds what no watch saw.
final class CollectionWatchTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tidings-collection-watch-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, title) in [("a.txt", "Alpha"), ("b.txt", "Bravo")] { try write(name, title: title, comments: 1) }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func write(_ name: String, title: String, comments: Int) throws {
        let lines = (0..<comments).map { "comment \($0)" }.joined(separator: "\n")
        let text = "\(title)\nVia: tester • 1 hour ago • \(comments) comments\n\nThe story.\n\n\(lines)\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    /// A watch over the folder, with the loader done; `meanwhile` runs after the loader has read everything
    /// and before the watch is told it is done.
    func start(watching: Bool = true, meanwhile: () throws -> Void = {}) rethrows -> CollectionWatch {
        let watch = CollectionWatch(sources: [folder], loader: CollectionLoader(summaryCache: nil), readState: ReadState(), watching: watching)
        let load = ParallelLoad(sources: [folder], readState: ReadState(), observer: watch.observer)
        load.waitUntilFinished()
        watch.noteListed(load.take().entries)
        try meanwhile()
        watch.loadFinished()
        addTeardownBlock { watch.stop() }
        return watch
    }

    /// A Maildir's `cur/ new/ tmp/` at `path`, made with the folders above it.
    func makeMaildir(_ path: String) throws {
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: path + "/" + sub, withIntermediateDirectories: true)
        }
    }

    /// The next update, waited for up to `seconds`.
    func next(_ watch: CollectionWatch, within seconds: TimeInterval = 3) -> CollectionUpdate? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let update = watch.take().first { return update }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    func testChangesAfterTheLoadArriveWithinASecond() throws {
        let watch = try start()
        XCTAssertTrue(watch.isWatching)
        XCTAssertNil(next(watch, within: 0.4), "nothing changed: nothing comes")

        let started = Date()
        try write("c.txt", title: "Charlie", comments: 2)
        var update = try XCTUnwrap(next(watch))
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
        XCTAssertEqual(update.files, [folder + "/c.txt"])
        XCTAssertEqual(update.entries.map(\.summary.title), ["Charlie"])
        XCTAssertFalse(update.isRescan)

        try write("a.txt", title: "Alpha", comments: 3)
        update = try XCTUnwrap(next(watch))
        XCTAssertEqual(update.files, [folder + "/a.txt"])
        XCTAssertEqual(update.entries.map(\.summary.commentCount), [3])

        try FileManager.default.removeItem(atPath: folder + "/b.txt")
        update = try XCTUnwrap(next(watch))
        XCTAssertEqual(update.files, [folder + "/b.txt"])
        XCTAssertEqual(update.entries.count, 0)

        // A new folder's files, and the files later written in it.
        try FileManager.default.createDirectory(atPath: folder + "/more", withIntermediateDirectories: false)
        try write("more/d.txt", title: "Delta", comments: 0)
        update = try XCTUnwrap(next(watch))
        XCTAssertEqual(update.entries.map(\.summary.title), ["Delta"])
        try write("more/e.txt", title: "Echo", comments: 0)
        update = try XCTUnwrap(next(watch))
        XCTAssertEqual(update.entries.map(\.summary.title), ["Echo"])

        watch.rescan()
        update = try XCTUnwrap(next(watch))
        XCTAssertTrue(update.isRescan)
        XCTAssertEqual(update.files, [], "everything was seen already")
    }

    /// A folder come is listed while a file in it is still open for writing: the file is read then, and its
    /// writer's close, which the new folder's watch reports after, changes nothing and is no update.
    func testAFileReadWithItsFolderIsNotReadAgainWhenItsWriterCloses() throws {
        let watch = try start()
        try FileManager.default.createDirectory(atPath: folder + "/more", withIntermediateDirectories: false)
        let descriptor = open(folder + "/more/d.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        let text = "Delta\nVia: tester • 1 hour ago • 0 comments\n\nThe story.\n"
        XCTAssertEqual(text.utf8CString.withUnsafeBufferPointer { Glibc.write(descriptor, $0.baseAddress, $0.count - 1) }, text.utf8.count)
        let update = try XCTUnwrap(next(watch))
        XCTAssertEqual(update.entries.map(\.summary.title), ["Delta"])
        close(descriptor)
        XCTAssertNil(next(watch, within: 1), "the file is as it was read")
        // A change after it is still one.
        try write("more/d.txt", title: "Delta two", comments: 0)
        XCTAssertEqual(try XCTUnwrap(next(watch)).entries.map(\.summary.title), ["Delta two"])
    }

    /// A file written in several steps is read once, when its writer is done.
    func testAFileWrittenInStepsIsReadOnce() throws {
        let watch = try start()
        for step in 0..<4 {
            try write("c.txt", title: "Charlie", comments: step)
            Thread.sleep(forTimeInterval: 0.05)
        }
        let update = try XCTUnwrap(next(watch))
        XCTAssertEqual(update.entries.map(\.summary.commentCount), [3])
        XCTAssertNil(next(watch, within: 0.5))
    }

    /// A writer that truncates a file and is held up before writing it (a busy machine) leaves it empty past
    /// the quiet time: the empty file waits for its text rather than being read as a story gone.
    func testAFileCaughtEmptyBeforeItsWriterWritesWaitsForItsText() throws {
        let watch = try start()
        let descriptor = open(folder + "/e.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        close(descriptor)
        Thread.sleep(forTimeInterval: 0.35)
        try write("e.txt", title: "Echo", comments: 2)
        let update = try XCTUnwrap(next(watch))
        XCTAssertEqual(update.entries.map(\.summary.commentCount), [2])
        XCTAssertNil(next(watch, within: 0.5))
    }

    /// A file changed after the loader read it and before the watch took stock is still a change: the watch
    /// measures against the stamps the loader took as it read.
    func testAChangeDuringTheLoadIsFoundByARescan() throws {
        let watch = try start(watching: false) { try write("a.txt", title: "Alpha", comments: 5) }
        watch.rescan()
        let update = try XCTUnwrap(next(watch))
        XCTAssertEqual(update.files, [folder + "/a.txt"])
        XCTAssertEqual(update.entries.map(\.summary.commentCount), [5])
    }

    /// A Maildir's new message joins its thread, with the reply kept in `.Sent`: the watch remembers the files
    /// of the threads the loader listed, even those it heard of while the loader was still at work.
    func testANewMessageJoinsItsThreadAcrossFolders() throws {
        try FileManager.default.removeItem(atPath: folder + "/a.txt")
        try FileManager.default.removeItem(atPath: folder + "/b.txt")
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
        let watch = CollectionWatch(sources: [folder], loader: CollectionLoader(summaryCache: nil), readState: ReadState())
        addTeardownBlock { watch.stop() }
        let load = ParallelLoad(sources: [folder], readState: ReadState(), observer: watch.observer)
        load.waitUntilFinished()
        let entries = load.take().entries
        XCTAssertEqual(entries.map(\.summary.commentCount), [1])
        watch.noteListed(entries)
        // Something the watch wakes for (and passes over) before the loader is done.
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/cur/.hidden"))
        Thread.sleep(forTimeInterval: 0.1)
        watch.loadFinished()

        try message("new/3.in", subject: "Re: Lunch", id: "again@x", replyTo: "answer@x")
        let update = try XCTUnwrap(next(watch))
        XCTAssertEqual(update.entries.map(\.summary.commentCount), [2])
        XCTAssertEqual(update.entries.first?.summary.id, entries[0].summary.id)
        XCTAssertEqual(update.files, [folder + "/cur/1.in:2,S", folder + "/.Sent/cur/2.out:2,S", folder + "/new/3.in"])
    }

    /// A Maildir++ folder (hidden) made while the reader runs is read, and one moved away or renamed takes
    /// its threads with it or to its new name; a hidden folder that is no Maildir is still passed over.
    func testMaildirPlusPlusFoldersMadeAndRenamedLive() throws {
        try FileManager.default.removeItem(atPath: folder + "/a.txt")
        try FileManager.default.removeItem(atPath: folder + "/b.txt")
        func make(_ sub: String) throws {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        func message(_ name: String, subject: String, id: String) throws {
            let text = "From: A <a@example.org>\nDate: Tue, 17 Nov 2009 10:00:00 +0100\nSubject: \(subject)\nMessage-ID: <\(id)>\n\nText.\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        for sub in ["cur", "new", "tmp"] { try make(sub) }
        try message("cur/1.in:2,S", subject: "Lunch", id: "lunch@x")
        let watch = try start()

        // Made elsewhere whole and moved in, as a mail client's rename does.
        let outside = NSTemporaryDirectory() + "tidings-maildir-plus-\(UUID().uuidString.prefix(8))"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: outside) }
        try makeMaildir(outside)
        try Data("From: B <b@example.org>\nSubject: Dinner\nMessage-ID: <dinner@x>\n\nText.\n".utf8)
            .write(to: URL(fileURLWithPath: outside + "/cur/2.in:2,"))
        try FileManager.default.moveItem(atPath: outside, toPath: folder + "/.Work")
        // Its messages join no thread of the inbox: nothing else is read.
        var update = try XCTUnwrap(next(watch))
        XCTAssertEqual(update.entries.map(\.summary.title), ["Dinner"])
        XCTAssertEqual(update.files, [folder + "/.Work/cur/2.in:2,"])

        // A message delivered into it later is read too: the folder is watched.
        try message(".Work/new/3.in", subject: "Breakfast", id: "breakfast@x")
        update = try XCTUnwrap(next(watch))
        XCTAssertTrue(update.entries.contains { $0.summary.title == "Breakfast" }, "the mailbox is threaded again with it")

        // Renamed: the threads go with it, to their new paths.
        try FileManager.default.moveItem(atPath: folder + "/.Work", toPath: folder + "/.Job")
        update = try XCTUnwrap(next(watch))
        XCTAssertEqual(Set(update.entries.compactMap(\.summary.title)), ["Dinner", "Breakfast"])
        XCTAssertTrue(update.entries.allSatisfy { $0.summary.source.path.hasPrefix(folder + "/.Job/") }, "\(update.entries.map(\.summary.source.path))")
        XCTAssertTrue(update.files.contains(folder + "/.Work/cur/2.in:2,"), "the old paths are gone from the list")

        // A new folder holding a reply to a thread of the inbox: the thread takes it, nothing is listed twice.
        try makeMaildir(outside)
        try Data("From: C <c@example.org>\nSubject: Re: Lunch\nMessage-ID: <again@x>\nIn-Reply-To: <lunch@x>\n\nYes.\n".utf8)
            .write(to: URL(fileURLWithPath: outside + "/cur/4.in:2,"))
        try FileManager.default.moveItem(atPath: outside, toPath: folder + "/.Archive")
        update = try XCTUnwrap(next(watch))
        let lunch = update.entries.filter { $0.summary.title == "Lunch" }
        XCTAssertEqual(lunch.map(\.summary.commentCount), [1], "\(update.entries.map { ($0.summary.title, $0.summary.source.path) })")
        XCTAssertFalse(update.entries.contains { $0.summary.title == "Re: Lunch" })
        XCTAssertTrue(update.files.contains(folder + "/cur/1.in:2,S"), "the thread's entry is replaced")

        // Made in steps: the folder first, its `cur/ new/ tmp/` after the watch has looked at it.
        try make(".Slow")
        XCTAssertNil(next(watch, within: 0.6), "not a Maildir yet: nothing to read")
        for sub in ["cur", "new", "tmp"] { try make(".Slow/" + sub) }
        try message(".Slow/new/5.in", subject: "Supper", id: "supper@x")
        update = try XCTUnwrap(next(watch))
        XCTAssertTrue(update.entries.contains { $0.summary.title == "Supper" }, "\(update.entries.map(\.summary.title))")

        // A hidden folder that is no Maildir (a tool's own) is not read, nor anything later written in it.
        try make(".notmuch")
        try write(".notmuch/story.txt", title: "Not mail", comments: 0)
        try make(".notmuch/xapian")
        try write(".notmuch/xapian/story.txt", title: "Not mail", comments: 0)
        XCTAssertNil(next(watch, within: 0.6))
    }

    /// A Maildir moved into a watched folder of stories is read as one.
    func testAMaildirMovedInIsRead() throws {
        let watch = try start()
        let outside = NSTemporaryDirectory() + "tidings-maildir-in-\(UUID().uuidString.prefix(8))"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: outside) }
        try makeMaildir(outside)
        try Data("From: B <b@example.org>\nSubject: Dinner\nMessage-ID: <dinner@x>\n\nText.\n".utf8)
            .write(to: URL(fileURLWithPath: outside + "/new/1.in"))
        try FileManager.default.moveItem(atPath: outside, toPath: folder + "/box")
        let update = try XCTUnwrap(next(watch))
        XCTAssertEqual(update.entries.map(\.summary.title), ["Dinner"])
    }

    /// A link to a folder made while the reader runs is a folder come (its stories read), and removing the
    /// link takes them away; a Maildir++ folder linked into a Maildir too.
    func testALinkToAFolderComesAndGoes() throws {
        let watch = try start()
        let outside = NSTemporaryDirectory() + "tidings-linked-\(UUID().uuidString.prefix(8))"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("Linked\nVia: tester • 1 hour ago • 0 comments\n\nThe story.\n".utf8).write(to: URL(fileURLWithPath: outside + "/l.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/linked", withDestinationPath: outside)
        var update = try XCTUnwrap(next(watch))
        XCTAssertEqual(update.entries.map(\.summary.title), ["Linked"])
        try FileManager.default.removeItem(atPath: folder + "/linked")
        update = try XCTUnwrap(next(watch))
        XCTAssertEqual(update.files, [folder + "/linked/l.txt"])
        XCTAssertEqual(update.entries.count, 0)

        // Two routes to one folder, listed once: the one removed leaves the stories to the other.
        try FileManager.default.createSymbolicLink(atPath: folder + "/first", withDestinationPath: outside)
        _ = try XCTUnwrap(next(watch))
        try FileManager.default.createSymbolicLink(atPath: folder + "/second", withDestinationPath: outside)
        _ = next(watch, within: 1)
        try FileManager.default.removeItem(atPath: folder + "/first")
        var listed: [String: String] = [:]
        while let change = next(watch, within: 1) {
            for path in change.files { listed[path] = nil }
            for entry in change.entries { listed[entry.summary.source.path] = entry.summary.title }
        }
        XCTAssertEqual(listed, [folder + "/second/l.txt": "Linked"])

        // A Maildir++ folder kept elsewhere, linked into a Maildir.
        for sub in ["cur", "new", "tmp", "box/cur", "box/new", "box/tmp", "sub/cur", "sub/new", "sub/tmp"] {
            try FileManager.default.createDirectory(atPath: outside + "/" + sub, withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(atPath: folder + "/box", withDestinationPath: outside + "/box")
        _ = try XCTUnwrap(next(watch), "the Maildir linked in")
        try Data("From: B <b@example.org>\nSubject: Kept elsewhere\nMessage-ID: <elsewhere@x>\n\nText.\n".utf8)
            .write(to: URL(fileURLWithPath: outside + "/sub/cur/1.in:2,"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/box/.Elsewhere", withDestinationPath: outside + "/sub")
        update = try XCTUnwrap(next(watch))
        XCTAssertEqual(update.entries.map(\.summary.title), ["Kept elsewhere"])
    }

    /// A plain folder that becomes a Maildir brings the Maildir++ folders it already had.
    func testAFolderBecomingAMaildirBringsItsMaildirPlusPlusFolders() throws {
        try FileManager.default.createDirectory(atPath: folder + "/box", withIntermediateDirectories: true)
        let watch = try start()
        for sub in [".Sub/cur", ".Sub/new", ".Sub/tmp"] {
            try FileManager.default.createDirectory(atPath: folder + "/box/" + sub, withIntermediateDirectories: true)
        }
        try Data("From: A <a@example.org>\nSubject: Root\nMessage-ID: <root@x>\n\nText.\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/box/.Sub/cur/1.in:2,"))
        XCTAssertNil(next(watch, within: 0.6), "a hidden folder of a plain folder is not read")
        try makeMaildir(folder + "/box")
        try Data("From: B <b@example.org>\nSubject: Re: Root\nMessage-ID: <reply@x>\nIn-Reply-To: <root@x>\n\nYes.\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/box/cur/2.in:2,"))
        var paths: [String: Set<String>] = [:]
        while let update = next(watch, within: 1) {
            for entry in update.entries { paths[entry.summary.title ?? ""] = Set(entry.summary.source.paths) }
        }
        XCTAssertEqual(paths, ["Root": [folder + "/box/.Sub/cur/1.in:2,", folder + "/box/cur/2.in:2,"]],
                       "the thread whole, its root in the Maildir++ folder")
    }

    /// Without watching, only a rescan finds changes: by stamp, so a file rewritten is found too.
    func testWithoutWatchingARescanFindsTheChanges() throws {
        let watch = try start(watching: false)
        XCTAssertFalse(watch.isWatching)
        try write("c.txt", title: "Charlie", comments: 0)
        try write("a.txt", title: "Alpha", comments: 4)
        XCTAssertNil(next(watch, within: 0.5))
        watch.rescan()
        let update = try XCTUnwrap(next(watch))
        XCTAssertTrue(update.isRescan)
        XCTAssertEqual(update.files, [folder + "/a.txt", folder + "/c.txt"])
        XCTAssertEqual(update.entries.compactMap(\.summary.title), ["Alpha", "Charlie"])
    }
}

extension CollectionWatchTests {
    /// An MH folder's `.mh_sequences` rewritten (a message read in nmh or mutt) reads its messages again
    /// for their marks, live and by a rescan.
    func testAnMHFoldersMarksChangedAreReadAgain() throws {
        for name in ["a.txt", "b.txt"] { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
        let box = folder + "/inbox"
        try FileManager.default.createDirectory(atPath: box, withIntermediateDirectories: true)
        try Data("From: a@x.org\nSubject: MH\nMessage-ID: <m1@x.org>\n\nOne.\n".utf8).write(to: URL(fileURLWithPath: box + "/1"))
        try Data("From: b@x.org\nSubject: Re: MH\nMessage-ID: <m2@x.org>\nIn-Reply-To: <m1@x.org>\n\nTwo.\n".utf8)
            .write(to: URL(fileURLWithPath: box + "/2"))
        let sequences = URL(fileURLWithPath: box + "/.mh_sequences")
        try Data("cur: 2\nunseen: 1-2\n".utf8).write(to: sequences)
        for watching in [true, false] {
            try Data("cur: 2\nunseen: 1-2\n".utf8).write(to: sequences)
            let watch = try start(watching: watching)
            try Data("cur: 2\nunseen: 2\n".utf8).write(to: sequences)
            if !watching {
                XCTAssertNil(next(watch, within: 0.3))
                watch.rescan()
            }
            let update = try XCTUnwrap(next(watch), "watching: \(watching)")
            XCTAssertEqual(update.files, [box + "/1", box + "/2"])
            XCTAssertEqual(update.entries.map { $0.summary.sourceMarks?.storyRead }, [true], "the first message was read")
            watch.stop()
        }
    }
}
