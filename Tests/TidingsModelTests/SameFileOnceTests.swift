import Foundation
import XCTest
@testable import TidingsModel

/// The same file reached twice (two arguments, overlapping folders, `./`, links, hard links, loops) is
/// listed once, at its first position; links to folders are followed.
final class SameFileOnceTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tidings-once-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/dir/sub", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/elsewhere", withIntermediateDirectories: true)
        try write("A\n\nBody.\n", "dir/a.txt")
        try write("B\n\nBody.\n", "dir/sub/b.txt")
        try write("C\n\nBody.\n", "elsewhere/c.txt")
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }

    func write(_ text: String, _ name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    func symlink(_ name: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: folder + "/" + name, withDestinationPath: destination)
    }

    /// The listed files relative to the scratch folder, and the problems' reasons.
    func list(_ paths: [String]) -> (files: [String], problems: [String]) {
        var problems: [String] = []
        let files = CollectionLoader().listFiles(paths.map { folder + "/" + $0 }) { problems.append($0.reason) }
        return (files.map { String($0.path.dropFirst(folder.count + 1)) }, problems)
    }

    func testTheSameFolderTwiceListsEachFileOnce() {
        XCTAssertEqual(list(["dir", "dir/"]).files, ["dir/a.txt", "dir/sub/b.txt"])
        XCTAssertEqual(list(["dir", "dir/."]).problems, [])
        XCTAssertEqual(CollectionLoader().loadAll([folder + "/dir", folder + "/dir/"]).stories.compactMap(\.title), ["A", "B"])
    }

    func testOverlappingFoldersKeepTheFirstPosition() {
        XCTAssertEqual(list(["dir", "dir/sub"]).files, ["dir/a.txt", "dir/sub/b.txt"])
        XCTAssertEqual(list(["dir/sub", "dir"]).files, ["dir/sub/b.txt", "dir/a.txt"])
        XCTAssertEqual(list(["dir/./a.txt", "dir"]).files, ["dir/./a.txt", "dir/sub/b.txt"])
        XCTAssertEqual(list(["dir/sub/../a.txt", "dir/a.txt"]).files, ["dir/sub/../a.txt"])
    }

    func testLinksAndHardLinksToAListedFileAreTheSameStory() throws {
        try symlink("dir/sub/link-to-a.txt", to: "../a.txt")
        XCTAssertEqual(Glibc.link(folder + "/dir/a.txt", folder + "/dir/hard.txt"), 0)
        XCTAssertEqual(list(["dir"]).files, ["dir/a.txt", "dir/sub/b.txt"])
    }

    func testALinkToAFolderIsFollowed() throws {
        try symlink("dir/more", to: "../elsewhere")
        let (files, problems) = list(["dir"])
        XCTAssertEqual(files, ["dir/a.txt", "dir/more/c.txt", "dir/sub/b.txt"])
        XCTAssertEqual(problems, [])
        // Reached first through the link, the folder is not listed again under its own name.
        XCTAssertEqual(list(["dir", "elsewhere"]).files, ["dir/a.txt", "dir/more/c.txt", "dir/sub/b.txt"])
    }

    func testLoopsAreSkippedWithoutAWord() throws {
        try symlink("dir/sub/up", to: "..")
        try symlink("dir/sub/top", to: "../..")
        try symlink("dir/self", to: ".")
        let (files, problems) = list(["dir"])
        XCTAssertEqual(problems, [])
        // dir/sub/top reaches the scratch folder, which holds elsewhere/: listed once, through the link.
        XCTAssertEqual(files, ["dir/a.txt", "dir/sub/b.txt", "dir/sub/top/elsewhere/c.txt"])
    }

    func testALoopOfLinksIsOneProblem() throws {
        try symlink("dir/one", to: "two")
        try symlink("dir/two", to: "one")
        let (files, problems) = list(["dir"])
        XCTAssertEqual(files, ["dir/a.txt", "dir/sub/b.txt"])
        XCTAssertEqual(problems, ["a loop of links", "a loop of links"])
    }

    func testFilesOnTwoFileSystemsWithTheSameInodeAreBothListed() throws {
        guard getuid() == 0 else { throw XCTSkip("mounting needs root") }
        var mounted: [String] = []
        defer { for point in mounted { _ = umount(point) } }
        for name in ["m1", "m2"] {
            let point = folder + "/dir/" + name
            try FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
            guard mount("tmpfs", point, "tmpfs", 0, "size=64k") == 0 else { throw XCTSkip("cannot mount a tmpfs here") }
            mounted.append(point)
            try write("On \(name)\n\nBody.\n", "dir/\(name)/x.txt")
        }
        var first = stat(), second = stat()
        stat(folder + "/dir/m1/x.txt", &first)
        stat(folder + "/dir/m2/x.txt", &second)
        XCTAssertEqual(list(["dir"]).files, ["dir/a.txt", "dir/m1/x.txt", "dir/m2/x.txt", "dir/sub/b.txt"],
                       "inodes \(first.st_ino) and \(second.st_ino) on two devices")
    }
}
