import Foundation
import XCTest
@testable import TidingsModel

/// Hostile and broken files: each loads or becomes one problem naming the file, the rest load, nothing hangs.
final class BadFileTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tidings-bad-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try write("Good story\n\nBody.\n\nA comment.\n", "zz-good.txt")
    }

    override func tearDownWithError() throws {
        chmodTree(folder)
        try? FileManager.default.removeItem(atPath: folder)
    }

    func write(_ text: String, _ name: String) throws { try write(Array(text.utf8), name) }
    func write(_ bytes: [UInt8], _ name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    func load() -> (stories: [Story], problems: [String: String]) {
        let (stories, problems) = CollectionLoader().loadAll([folder])
        var byName: [String: String] = [:]
        for problem in problems { byName[(problem.path as NSString).lastPathComponent] = problem.reason }
        return (stories, byName)
    }

    func testEightBitAndUTF16TextDecode() throws {
        try write([0x43, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x0A, 0x0A, 0x42, 0x6F, 0x64, 0x79, 0x0A], "latin1.txt")
        let utf16 = "Überschrift 東京\r\n\r\nText.\r\n\r\nKommentar\r\n"
        try write([0xFF, 0xFE] + utf16.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "utf16le.txt")
        try write([0xFE, 0xFF] + utf16.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, "utf16be.txt")
        try write([0x4F, 0x6B, 0x20, 0xE6, 0x9D, 0xB1, 0x20, 0xFF, 0x0A], "mostly-utf8.txt")
        let (stories, problems) = load()
        XCTAssertEqual(problems, [:])
        let titles = Set(stories.compactMap(\.title))
        XCTAssertTrue(titles.contains("Café €"), "\(titles)")
        XCTAssertTrue(titles.contains("Überschrift 東京"))
        XCTAssertTrue(titles.contains("Ok 東 \u{FFFD}"))
        XCTAssertEqual(stories.filter { $0.title == "Überschrift 東京" }.map(\.comments.count), [1, 1])
    }

    func testEmptyBinaryAndHugeFilesAreProblems() throws {
        try write("", "empty.txt")
        for name in ["empty.xml", "empty.json", "empty.mbox", "sent"] { try write("", name) }
        for name in ["blank.xml", "blank.json", "blank.mbox"] { try write(" \n\r\n\t\n", name) }
        try write("\u{FEFF}\n", "bom.json")
        try write("", "empty.png")
        try write([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00], "program")
        let huge = folder + "/huge.txt"
        XCTAssertTrue(FileManager.default.createFile(atPath: huge, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: huge))
        try handle.truncate(atOffset: 80 << 20)  // sparse: 80 MiB without writing them
        try handle.close()
        let (stories, problems) = load()
        XCTAssertEqual(stories.map(\.title), ["Good story"])
        XCTAssertEqual(problems["empty.txt"], "empty file: nothing to read")
        for name in ["empty.xml", "empty.json"] {
            XCTAssertEqual(problems[name], "empty file: nothing to read", "said alike whatever the name promised")
        }
        for name in ["blank.xml", "blank.json", "bom.json"] {
            XCTAssertEqual(problems[name], "empty file: nothing to read", "line breaks and spaces alone are empty too")
        }
        // A mailbox with no mail yet is passed over, as is an empty file of no extension (mutt's `sent`).
        XCTAssertEqual(problems["empty.mbox"], "an empty mailbox: no messages yet")
        XCTAssertEqual(problems["blank.mbox"], "an empty mailbox: no messages yet")
        XCTAssertEqual(problems["sent"], "an empty file")
        XCTAssertTrue(problems["empty.png"]?.hasPrefix("not a story") ?? true, "a picture's name promised nothing: passed over")
        XCTAssertEqual(problems["program"], "binary file, not text")
        XCTAssertEqual(problems["huge.txt"], "too large (80 MiB; the limit is 64 MiB)")
    }

    func testFiftyMegabytesAndAFiveMegabyteLineLoad() throws {
        var big = Array("A big one\n\nBody.\n\n".utf8)
        let comment = Array(String(repeating: "word ", count: 19).utf8) + [0x0A]  // 96 bytes
        big.reserveCapacity(50 << 20)
        while big.count < 50 << 20 {
            big += comment
            big += [0x20, 0x20] + comment
        }
        try write(big, "fifty.txt")
        try write(Array("Long line\n\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 5 << 20) + [0x0A], "line.txt")
        let loader = CollectionLoader()
        guard case .success(let entries) = loader.entries(folder + "/fifty.txt", readState: ReadState()) else { return XCTFail() }
        XCTAssertGreaterThan(entries[0].summary.commentCount, 500_000)
        guard case .success(let long) = loader.loadFile(folder + "/line.txt") else { return XCTFail() }
        XCTAssertEqual(long[0].body.lines.first?.utf8.count, 5 << 20)
    }

    func testATenThousandDeepThreadNeedsNoRecursion() throws {
        // A tab is one level: 10,000 levels take 50 MB of indentation.
        var deep = Array("Deep\n\nBody.\n\n".utf8)
        deep.reserveCapacity(51 << 20)
        for depth in 0..<10_000 {
            deep.append(contentsOf: [UInt8](repeating: 0x09, count: depth))
            deep.append(contentsOf: Array("level \(depth)\n".utf8))
        }
        let start = Date()
        let story = try NativeImporter().stories(in: deep, path: "deep.txt")[0]
        let parsed = Date()
        XCTAssertEqual(story.comments.last?.depth, 9_999)
        XCTAssertEqual(story.comments.first?.descendantCount, 9_999)
        let json = StoryJSON.line(story)
        XCTAssertEqual(json.utf8.filter { $0 == UInt8(ascii: "[") }.count, json.utf8.filter { $0 == UInt8(ascii: "]") }.count)
        print("deep: parse \(parsed.timeIntervalSince(start)) s, json \(Date().timeIntervalSince(parsed)) s")
    }

    func testAHundredThousandSiblings() throws {
        try write("Wide\n\nBody.\n\n" + (0..<100_000).map { "sibling \($0)\n" }.joined(), "wide.txt")
        let (stories, problems) = load()
        XCTAssertEqual(problems, [:])
        XCTAssertEqual(stories.first { $0.title == "Wide" }?.comments.count, 100_000)
    }

    func testVanishedUnreadableLoopedAndSpecialEntries() throws {
        try write("Soon gone\n\nBody.\n", "vanishing.txt")
        try FileManager.default.createDirectory(atPath: folder + "/loop", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/loop/again", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling", withDestinationPath: "nowhere")
        XCTAssertEqual(mkfifo(folder + "/pipe", 0o600), 0)
        let loader = CollectionLoader()
        var problems: [LoadProblem] = []
        let files = loader.listFiles([folder]) { problems.append($0) }
        try FileManager.default.removeItem(atPath: folder + "/vanishing.txt")
        var stories: [Story] = []
        for file in files {
            switch loader.loadFile(file.path, named: file.named) {
            case .success(let found): stories += found
            case .failure(let problem): problems.append(problem)
            }
        }
        var reasons: [String: String] = [:]
        for problem in problems { reasons[(problem.path as NSString).lastPathComponent] = problem.reason }
        XCTAssertEqual(stories.map(\.title), ["Good story"])
        XCTAssertEqual(reasons["vanishing.txt"], "file disappeared")
        XCTAssertNil(reasons["again"], "a link back to a folder already listed is skipped without a word")
        XCTAssertEqual(reasons["dangling"], "a broken link: it points to nothing")
        XCTAssertEqual(reasons["pipe"], "a pipe, not a file")
    }

    func testPermissionDenied() throws {
        if getuid() == 0 { throw XCTSkip("running as root, which reads any file: permission checks skipped") }
        try write("Secret\n\nBody.\n", "secret.txt")
        chmod(folder + "/secret.txt", 0)
        try FileManager.default.createDirectory(atPath: folder + "/closed", withIntermediateDirectories: true)
        chmod(folder + "/closed", 0)
        let (stories, problems) = load()
        XCTAssertEqual(stories.map(\.title), ["Good story"])
        XCTAssertEqual(problems["secret.txt"], "permission denied")
        XCTAssertEqual(problems["closed"], "folder cannot be read")
    }

    private func chmodTree(_ path: String) {
        chmod(path + "/closed", 0o700)
        chmod(path + "/secret.txt", 0o600)
    }
}

/// Inputs kept from fuzzing (Fixtures/fuzz): each must parse or fail cleanly in every parser.
final class FuzzRegressionTests: XCTestCase {
    func testEveryKeptInputParsesOrFailsCleanly() throws {
        let folder = Fixtures.folder.appendingPathComponent("fuzz")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            if let stories = try? NativeImporter().stories(in: bytes, path: name) {
                _ = stories.map(StoryJSON.line)
                let entries = try NativeImporter().entries(in: bytes, path: name, readState: ReadState())
                XCTAssertEqual(entries.map(\.summary), stories.map(\.summary), name)
            }
            if let state = try? ReadStateCoding.decode(Data(bytes)) {
                XCTAssertEqual(try ReadStateCoding.decode(ReadStateCoding.encode(state)), state, name)
            }
        }
    }
}

/// State files and names that once broke the loader.
final class HostileStateAndNameTests: XCTestCase {
    func testDeeplyNestedJSONIsMalformedNotACrash() {
        let text = "{\"version\":1,\"stories\":{},\"x\":" + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "}"
        XCTAssertThrowsError(try ReadStateCoding.decode(Data(text.utf8)))
    }

    func testANewerFileIsRecognizedWhateverItsStoriesLookLike() {
        for text in ["{\"version\":3,\"stories\":{\"abc\":{\"read\":true,\"comments\":[\"AAAAAA\"]}}}",
                     "{\"stories\":{\"abc\":[1,2]},\"version\":7}"] {
            XCTAssertThrowsError(try ReadStateCoding.decode(Data(text.utf8))) { error in
                XCTAssertNotNil((error as? ReadStateCoding.DecodeError)?.newerVersion, text)
            }
        }
    }

    func testAFileNameThatIsNotUTF8IsOneProblem() throws {
        let folder = NSTemporaryDirectory() + "tidings-names-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let name = Array(folder.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let descriptor = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o600) }
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        _ = write(descriptor, "Title\n", 6)
        close(descriptor)
        let (stories, problems) = CollectionLoader().loadAll([folder])
        XCTAssertTrue(stories.isEmpty)
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems.first?.reason.contains("not UTF-8") ?? false)
    }
}
