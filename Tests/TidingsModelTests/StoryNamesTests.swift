import Foundation
import XCTest
@testable import TidingsModel

/// Which files found in folders are stories: `.txt`, `.story` and files without an extension, README and
/// the like only with a story header; files the user names are always tried. Skipped files are not problems.
final class StoryNamesTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tidings-names-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }

    func write(_ text: String, _ name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    /// Titles of the stories, names of the skipped files, names of the failed files.
    func load(_ paths: [String]) -> (titles: [String], skipped: [String], failed: [String]) {
        let (stories, problems) = CollectionLoader().loadAll(paths)
        let name = { (problem: LoadProblem) in (problem.path as NSString).lastPathComponent }
        return (stories.compactMap(\.title), problems.filter(\.isSkipped).map(name), problems.filter { !$0.isSkipped }.map(name))
    }

    func testOnlyTxtStoryAndNamesWithoutAnExtensionAreStoriesInAFolder() throws {
        for name in ["a.txt", "b.story", "c", "Release 1.97", "d.TXT", "e.md", "f.json", "g.html", "h.jpg"] {
            try write("Title \(name)\n\nBody.\n", name)
        }
        let (titles, skipped, failed) = load([folder])
        XCTAssertEqual(titles, ["Title Release 1.97", "Title a.txt", "Title b.story", "Title c", "Title d.TXT"])
        XCTAssertEqual(skipped, ["e.md", "g.html", "h.jpg"])
        // A `.json` file is read as JSON: text in it is a problem that says so, not a story.
        XCTAssertEqual(failed, ["f.json"])
    }

    func testWellKnownNamesAreStoriesOnlyWithAHeader() throws {
        try write("My project\n\nHow to build it.\n", "README")
        try write("MIT License\n\nPermission is hereby granted.\n", "LICENSE.txt")
        try write("Things to do\n- more tests\n", "todo")
        try write("Notes from the meeting\nVia: mira • yesterday\n\nWe met.\n\nGood meeting.\n", "NOTES")
        try write("\u{FEFF}Changes\r\nCategory: Releases\r\n\r\nVersion 2.\r\n", "changes.txt")
        let (titles, skipped, failed) = load([folder])
        XCTAssertEqual(titles, ["Notes from the meeting", "Changes"])
        XCTAssertEqual(skipped, ["LICENSE.txt", "README", "todo"])
        XCTAssertEqual(failed, [])
        let reason = CollectionLoader().loadAll([folder]).problems.first { $0.path.hasSuffix("README") }?.reason
        XCTAssertEqual(reason, "not a story (README has no Category:, Via:, By: or Id: line after its title); name the file to read it anyway")
    }

    func testFilesNamedByTheUserAreAlwaysTried() throws {
        try write("Saved as markdown\n\nBody.\n", "story.md")
        try write("My project\n\nHow to build it.\n", "README")
        XCTAssertEqual(load([folder + "/story.md", folder + "/README"]).titles, ["Saved as markdown", "My project"])
        // Met first inside the folder, then named: it keeps its place and is read.
        XCTAssertEqual(load([folder, folder + "/story.md"]).titles, ["Saved as markdown"])
        XCTAssertEqual(load([folder, folder + "/story.md"]).skipped, ["README"])
    }

    func testSkippedFilesAreNotEvenOpened() throws {
        let huge = folder + "/film.mp4"
        XCTAssertTrue(FileManager.default.createFile(atPath: huge, contents: nil))
        XCTAssertEqual(truncate(huge, 80 << 20), 0)  // over the size limit: reading it would be a problem
        let (titles, skipped, failed) = load([folder])
        XCTAssertEqual(titles, [])
        XCTAssertEqual(skipped, ["film.mp4"])
        XCTAssertEqual(failed, [])
    }

    func testABinaryFileWithAStoryNameIsStillAProblem() throws {
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00]).write(to: URL(fileURLWithPath: folder + "/program"))
        XCTAssertEqual(load([folder]).failed, ["program"])
    }

    func testTheBundledSamplesAndTheFixturesStillLoad() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/Samples").path
        let (titles, skipped, failed) = load([samples])
        XCTAssertEqual(titles.count, 7)
        XCTAssertEqual(skipped + failed, [])
        let fixtures = load([Fixtures.folder.path])
        XCTAssertEqual(fixtures.titles.count, 6)
        // Read-state files are recognized and skipped; a broken one is JSON that says where it breaks.
        XCTAssertEqual(fixtures.failed, ["state-unterminated-escape.json"])
        XCTAssertEqual(fixtures.skipped, ["state-feed-id-invalid-utf8.json", "state-seed-v2.json", "state-seed.json"])
    }

    func testExtensions() {
        XCTAssertEqual(StoryNames.split("a.txt")?.fileExtension, "txt")
        XCTAssertEqual(StoryNames.split("a.Story")?.fileExtension, "story")
        XCTAssertEqual(StoryNames.split("photo.JPEG")?.fileExtension, "jpeg")
        XCTAssertEqual(StoryNames.split("clip.mp4")?.fileExtension, "mp4")
        XCTAssertNil(StoryNames.split("Release 1.97"))
        XCTAssertNil(StoryNames.split("notes"))
        XCTAssertNil(StoryNames.split("a.b c"))
        XCTAssertNil(StoryNames.split("archive.verylongname"))
        XCTAssertNil(StoryNames.split("trailing."))
    }
}
