import Foundation
import XCTest
@testable import TidingsModel

/// The parts of the watch that need no kernel: inotify's records read from bytes, the debounce clock, and
/// what is known of the files read.
final class InotifyRecordsTests: XCTestCase {
    /// One record as the kernel writes it: the head in the machine's byte order, the name padded with NULs.
    func record(watch: Int32, mask: UInt32, name: [UInt8], padded: Int? = nil) -> [UInt8] {
        let length = padded ?? (name.isEmpty ? 0 : (name.count / 16 + 1) * 16)
        var bytes: [UInt8] = []
        for word in [UInt32(bitPattern: watch), mask, 0, UInt32(length)] { withUnsafeBytes(of: word) { bytes += $0 } }
        return bytes + name + [UInt8](repeating: 0, count: max(0, length - name.count))
    }

    func decode(_ bytes: [UInt8]) -> [InotifyRecord] { bytes.withUnsafeBytes { InotifyRecords.decode($0) } }

    func testRecordsOneAfterAnother() {
        let bytes = record(watch: 1, mask: 0x100, name: Array("a.txt".utf8)) + record(watch: 2, mask: 0x400, name: [])
            + record(watch: 3, mask: 0x80, name: Array("été.txt".utf8))
        XCTAssertEqual(decode(bytes), [InotifyRecord(watch: 1, mask: 0x100, name: "a.txt"), InotifyRecord(watch: 2, mask: 0x400, name: ""),
                                       InotifyRecord(watch: 3, mask: 0x80, name: "été.txt")])
    }

    /// Cut short, or a length past the end: what is whole is read, the rest is not, and nothing fails.
    func testARecordCutShortEndsTheReading() {
        let whole = record(watch: 1, mask: 0x100, name: Array("a.txt".utf8))
        let second = record(watch: 2, mask: 0x100, name: Array("b.txt".utf8))
        for cut in 0..<second.count {
            XCTAssertEqual(decode(whole + second.prefix(cut)).map(\.name), ["a.txt"], "cut at \(cut)")
        }
        var lying = record(watch: 1, mask: 0x100, name: Array("a.txt".utf8))
        lying[12] = 0xFF
        lying[15] = 0x7F
        XCTAssertEqual(decode(lying), [])
        XCTAssertEqual(decode([]), [])
        XCTAssertEqual(decode([1, 2, 3]), [])
    }

    /// A name that is not UTF-8 names no path the loader could open: passed over, the next record read.
    func testANameThatIsNotUTF8IsPassedOver() {
        let bytes = record(watch: 1, mask: 0x100, name: [0x61, 0xFF, 0x62]) + record(watch: 1, mask: 0x100, name: Array("b".utf8))
        XCTAssertEqual(decode(bytes).map(\.name), ["b"])
    }

    /// A name filling its whole length (no NUL) is read whole.
    func testANameWithoutPadding() {
        XCTAssertEqual(decode(record(watch: 4, mask: 1, name: Array("abcd".utf8), padded: 4)).map(\.name), ["abcd"])
    }
}

final class ChangeDebounceTests: XCTestCase {
    let ms: UInt64 = 1_000_000

    func testDue200MillisecondsAfterTheLastChange() {
        var debounce = ChangeDebounce()
        XCTAssertNil(debounce.deadline)
        XCTAssertFalse(debounce.isDue(at: 10_000 * ms))
        debounce.note(at: 1_000 * ms)
        XCTAssertEqual(debounce.deadline, 1_200 * ms)
        debounce.note(at: 1_150 * ms)
        XCTAssertEqual(debounce.deadline, 1_350 * ms)
        XCTAssertFalse(debounce.isDue(at: 1_349 * ms))
        XCTAssertTrue(debounce.isDue(at: 1_350 * ms))
        debounce.reset()
        XCTAssertNil(debounce.deadline)
    }

    /// A file written every 100 ms for ever is still read within a second of its first change.
    func testNeverLaterThan800MillisecondsAfterTheFirst() {
        var debounce = ChangeDebounce()
        for step in 0..<20 { debounce.note(at: UInt64(step) * 100 * ms) }
        XCTAssertEqual(debounce.deadline, 800 * ms)
    }
}

final class KnownFilesTests: XCTestCase {
    func stamp(_ inode: UInt64, size: Int64 = 10, modified: Int64 = 1) -> FileStamp {
        FileStamp(device: 1, inode: inode, size: size, modified: modified, changed: modified)
    }

    func testPathsSplitIntoFolderAndNameAndBackAgain() {
        for path in ["/a/b.txt", "b.txt", "/b.txt", "a/b/c", "a//b", "./x"] {
            let (folder, name) = KnownFiles.split(path)
            XCTAssertEqual(folder + name, path)
            XCTAssertFalse(name.contains("/"), path)
        }
        XCTAssertTrue(KnownFiles.split("/a/b.txt") == ("/a/", "b.txt"))
        XCTAssertEqual(FolderRole.folder(of: "/a/b.txt"), "/a")
        XCTAssertEqual(FolderRole.folder(of: "/b.txt"), "/")
        XCTAssertEqual(FolderRole.folder(of: "b.txt"), ".")
    }

    func testFilesByFolderAndIdentity() {
        var known = KnownFiles()
        known.set("/c/a.txt", .init(stamp: stamp(1), named: false))
        known.set("/c/sub/b.txt", .init(stamp: stamp(2), named: false, held: true))
        known.set("/c/sub/deeper/c.txt", .init(stamp: stamp(3), named: true))
        known.set("/cx/d.txt", .init(stamp: stamp(4), named: false))
        XCTAssertEqual(known.count, 4)
        XCTAssertEqual(known.files(in: "/c"), ["/c/a.txt"])
        XCTAssertEqual(known.files(under: "/c/sub").sorted(), ["/c/sub/b.txt", "/c/sub/deeper/c.txt"])
        XCTAssertEqual(known.files(under: "/c").count, 3, "not /cx")
        XCTAssertEqual(known.heldFiles(in: "/c/sub"), ["/c/sub/b.txt"])
        XCTAssertEqual(known.path(of: stamp(2, size: 99)), "/c/sub/b.txt", "by device and inode")
        known.set("/c/sub/b.txt", nil)
        XCTAssertNil(known.path(of: stamp(2)))
        XCTAssertNil(known.file("/c/sub/b.txt"))
        XCTAssertEqual(known.count, 3)
        known.set("/c/sub/b.txt", nil)
        XCTAssertEqual(known.count, 3, "forgetting twice counts once")
    }

    func testDifferencesByStamp() {
        var known = KnownFiles()
        known.set("/c/same", .init(stamp: stamp(1), named: false))
        known.set("/c/grown", .init(stamp: stamp(2), named: false))
        known.set("/c/touched", .init(stamp: stamp(3), named: false))
        known.set("/c/gone", .init(stamp: stamp(4), named: false))
        known.set("/c/unstamped", .init(stamp: nil, named: false))
        let now: [String: KnownFiles.File] = [
            "/c/same": .init(stamp: stamp(1), named: false),
            "/c/grown": .init(stamp: stamp(2, size: 20), named: false),
            "/c/touched": .init(stamp: stamp(3, modified: 2), named: false),
            "/c/unstamped": .init(stamp: stamp(5), named: false),
            "/c/new": .init(stamp: stamp(6), named: false),
        ]
        XCTAssertEqual(known.differences(to: now), FileDifferences(added: ["/c/new"], changed: ["/c/grown", "/c/touched", "/c/unstamped"],
                                                                  removed: ["/c/gone"]))
    }

    /// Stories read from several files: each file leads to all of them, until they are forgotten.
    func testFilesOfOneStoryLeadToEachOther() {
        var known = KnownFiles()
        var summary = Story(id: "t", path: "/m/cur/1", format: "mail", title: "t").summary
        summary.source.otherPaths = ["/m/cur/2", "/m/new/3"]
        let alone = Story(id: "u", path: "/m/cur/4", format: "mail", title: "u").summary
        known.noteStories([StoryEntry(summary: summary, unreadComments: 0), StoryEntry(summary: alone, unreadComments: 0)])
        XCTAssertEqual(known.partners(of: "/m/new/3"), ["/m/cur/1", "/m/cur/2", "/m/new/3"])
        XCTAssertEqual(known.partners(of: "/m/cur/4"), [])
        known.forgetStories(of: ["/m/cur/1", "/m/cur/2", "/m/new/3"])
        XCTAssertEqual(known.partners(of: "/m/cur/1"), [])
    }

    /// The loader's listing is taken over with the stamps it took by place; files it did not open are
    /// stamped now, and one gone since is said to be.
    func testTheListingIsTakenOverWithTheLoadersStamps() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("known-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/cur", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["a", "b"] { XCTAssertTrue(FileManager.default.createFile(atPath: "\(folder)/cur/\(name)", contents: Data("x".utf8))) }
        let listing = [ListedFile(path: "\(folder)/cur/a", named: false), ListedFile(path: "\(folder)/cur/b", named: true),
                       ListedFile(path: "\(folder)/cur/gone", named: false)]
        var known = KnownFiles()
        var stamps: [FileStamp?] = [stamp(7)]
        var keys = [JoinKeys([11, 12])]
        let unstamped = known.adopt(listing, stamps: &stamps, keys: &keys)
        XCTAssertTrue(stamps.isEmpty, "taken over")
        XCTAssertTrue(keys.isEmpty, "taken over")
        XCTAssertEqual(unstamped, ["\(folder)/cur/gone"])
        XCTAssertEqual(known.count, 3)
        XCTAssertEqual(known.file("\(folder)/cur/a"), .init(stamp: stamp(7), named: false), "the loader's stamp, not today's")
        XCTAssertEqual(known.file("\(folder)/cur/b")?.stamp, FileStamp(path: "\(folder)/cur/b"))
        XCTAssertEqual(known.file("\(folder)/cur/b")?.named, true)
        XCTAssertEqual(known.file("\(folder)/cur/gone"), .init(stamp: nil, named: false))
        XCTAssertEqual(known.path(of: stamp(7)), "\(folder)/cur/a")
        XCTAssertEqual(known.files(in: folder + "/cur").count, 3)
        known.markHeld(["\(folder)/cur/a"])
        XCTAssertEqual(known.heldFiles(in: folder + "/cur"), ["\(folder)/cur/a"])
        XCTAssertEqual(known.heldFiles(sharing: [12, 99]), ["\(folder)/cur/a"], "found by any of its keys")
        XCTAssertEqual(known.heldFiles(sharing: [99]), [])
        XCTAssertEqual(known.filesWithoutKeys(in: folder + "/cur", heldOnly: false), ["\(folder)/cur/b", "\(folder)/cur/gone"])
        XCTAssertEqual(known.filesWithoutKeys(in: folder + "/cur", heldOnly: true), [])
        // Taken over again (not the first thing recorded): file by file, the same.
        var again = KnownFiles()
        again.set("/elsewhere/x", .init(stamp: stamp(1), named: false))
        stamps = [stamp(7)]
        keys = [JoinKeys([11, 12])]
        XCTAssertEqual(again.adopt(listing, stamps: &stamps, keys: &keys), ["\(folder)/cur/gone"])
        XCTAssertEqual(again.count, 4)
        XCTAssertEqual(again.file("\(folder)/cur/a"), known.file("\(folder)/cur/a").map { KnownFiles.File(stamp: $0.stamp, named: $0.named) })
    }

    /// Mail moved again and again (`new/` to `cur/`, flags in the name) leaves paths gone behind: once most
    /// are gone they are let go, and what is there keeps its stamp, identity, folder and story.
    func testPathsGoneAreLetGoAndTheRestKept() {
        var known = KnownFiles()
        var summary = Story(id: "t", path: "/m/cur/keep-1", format: "mail", title: "t").summary
        summary.source.otherPaths = ["/m/cur/keep-2"]
        known.noteStories([StoryEntry(summary: summary, unreadComments: 0)])
        known.set("/m/cur/keep-1", .init(stamp: stamp(1), named: false, held: true))
        known.set("/m/cur/keep-2", .init(stamp: stamp(2), named: false, held: true))
        for round in 0..<20_000 {
            known.set("/m/new/\(round)", .init(stamp: stamp(UInt64(10 + round)), named: false))
            known.set("/m/new/\(round)", nil)
        }
        known.set("/m/new/last", .init(stamp: stamp(5), named: true))
        XCTAssertEqual(known.count, 3)
        XCTAssertEqual(known.files(in: "/m/new"), ["/m/new/last"])
        XCTAssertEqual(known.files(in: "/m/cur").sorted(), ["/m/cur/keep-1", "/m/cur/keep-2"])
        XCTAssertEqual(known.heldFiles(in: "/m/cur").sorted(), ["/m/cur/keep-1", "/m/cur/keep-2"])
        XCTAssertEqual(known.partners(of: "/m/cur/keep-2"), ["/m/cur/keep-1", "/m/cur/keep-2"])
        XCTAssertEqual(known.path(of: stamp(2)), "/m/cur/keep-2")
        XCTAssertNil(known.path(of: stamp(10)))
        XCTAssertEqual(known.file("/m/new/last"), .init(stamp: stamp(5), named: true))
        XCTAssertEqual(known.differences(to: [:]).removed, ["/m/cur/keep-1", "/m/cur/keep-2", "/m/new/last"])
        XCTAssertLessThan(known.numberedPaths, 8_200, "paths gone are not all kept")
    }
}
