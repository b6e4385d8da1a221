import Foundation
import XCTest
@testable import TidingsModel

/// Hostile and broken XML: entity bombs and external entities are refused, truncated and malformed files
/// read as far as they can, and no depth of nesting crashes.
final class FeedXMLSafetyTests: XCTestCase {
    func testBillionLaughsIsRefusedAtOnceWithoutExpansion() {
        var text = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">"#
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            text += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        text += "]><rss><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>"
        let start = Date()
        XCTAssertThrowsError(try FeedImporter().stories(in: Array(text.utf8), path: "lol.xml")) { error in
            XCTAssertEqual(error as? LoadFailure, .unsafeXML("declares its own entities (a DOCTYPE with <!ENTITY>); Tidings does not expand them"))
            XCTAssertEqual("\(error)", "XML refused: it declares its own entities (a DOCTYPE with <!ENTITY>); Tidings does not expand them")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
    }

    func testAnExternalEntityIsRefusedAndNothingIsFetched() {
        let xxe = #"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>T</title><item><title>&xxe;</title></item></channel></rss>"#
        XCTAssertThrowsError(try FeedImporter().stories(in: Array(xxe.utf8), path: "xxe.xml")) { error in
            XCTAssertEqual(error as? LoadFailure, .unsafeXML("declares its own entities (a DOCTYPE with <!ENTITY>); Tidings does not expand them"))
        }
        // A parameter entity pulled in from outside, without an ENTITY of its own in sight: refused too.
        let parameter = #"<!DOCTYPE rss [ %remote; ]><rss><channel><item><title>x</title></item></channel></rss>"#
        XCTAssertThrowsError(try FeedImporter().stories(in: Array(parameter.utf8), path: "p.xml")) { error in
            XCTAssertEqual("\(error)", "XML refused: it refers to parameter entities in its DOCTYPE (%name;), defined elsewhere; Tidings does not load them")
        }
        // The declaration behind a comment or a quoted string does not hide it, and a quoted `]>` does not end it.
        let hidden = #"<!DOCTYPE rss [ <!-- ]> --> <!ATTLIST rss a CDATA "]>"> <!ENTITY x "y"> ]><rss/>"#
        XCTAssertThrowsError(try FeedImporter().stories(in: Array(hidden.utf8), path: "h.xml"))
        // The loader reports it as a problem of the file.
        let loaded = loadFolder(["xxe.xml": xxe])
        XCTAssertEqual(loaded.problems.map(\.reason), ["XML refused: it declares its own entities (a DOCTYPE with <!ENTITY>); Tidings does not expand them"])
    }

    func testATruncatedFileKeepsTheItemsBeforeTheCut() throws {
        let bytes = try DiscussionFixture.bytes("feed_rss2.xml")
        let text = String(decoding: bytes, as: UTF8.self)
        let cut = try XCTUnwrap(text.range(of: "<author>ada@example.com"))
        let stories = try FeedImporter().stories(in: Array(text[..<cut.lowerBound].utf8), path: "cut.xml")
        XCTAssertEqual(stories.map(\.title), ["Cats & <Dogs>"])
        let summaries = try FeedImporter().summaries(in: Array(text[..<cut.lowerBound].utf8), path: "cut.xml", needsCommentIDs: { _, _ in false })
        XCTAssertEqual(summaries.map(\.summary.title), ["Cats & <Dogs>"])
        // Cut inside a tag or inside the second item's text: the first item is whole.
        for marker in ["<link>/blog/tom", "<description>&lt;p"] {
            let at = try XCTUnwrap(text.range(of: marker))
            let cutText = String(text[..<text.index(at.lowerBound, offsetBy: 3)])
            XCTAssertEqual(try FeedImporter().stories(in: Array(cutText.utf8), path: "cut.xml").map(\.title), ["Cats & <Dogs>"], marker)
        }
        // Cut inside the first item's CDATA section: nothing is whole.
        let inside = try XCTUnwrap(text.range(of: "Full <b>"))
        XCTAssertThrowsError(try FeedImporter().stories(in: Array(text[..<inside.upperBound].utf8), path: "cut.xml"))
    }

    /// A feed cut short lists its complete items and is reported as a problem beside them, in the reader and
    /// in `dump`; a whole feed is not.
    func testATruncatedFileIsListedAndReportedAsAProblem() throws {
        let bytes = try DiscussionFixture.bytes("feed_rss2.xml")
        let text = String(decoding: bytes, as: UTF8.self)
        let cut = try XCTUnwrap(text.range(of: "<author>ada@example.com"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cut-feed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cut.xml").path
        try Data(text[..<cut.lowerBound].utf8).write(to: URL(fileURLWithPath: path))
        try Data(bytes).write(to: folder.appendingPathComponent("whole.xml"))
        let loader = CollectionLoader()
        guard case .success(.partly(let entries, let problem)) = loader.entriesOrHeld(ListedFile(path: path, named: false), order: 0,
                                                                                       readState: ReadState()) else {
            return XCTFail("a cut feed is read in part")
        }
        XCTAssertEqual(entries.map(\.summary.title), ["Cats & <Dogs>"])
        XCTAssertEqual(problem.path, path)
        XCTAssertTrue(problem.reason.contains("truncated XML"), problem.reason)
        XCTAssertTrue(problem.reason.contains("the complete item before the cut is listed"), problem.reason)
        // The whole feed is read without a problem; `dump`'s loading reports the cut one with its stories.
        let (stories, problems) = loader.loadAll([folder.path])
        XCTAssertEqual(problems.map(\.path), [path])
        XCTAssertTrue(stories.contains { $0.title == "Cats & <Dogs>" && $0.path == path })
        XCTAssertNil(FeedImporter().damage(in: bytes))
        // The reader's loader hands out both.
        let load = ParallelLoad(sources: [folder.path], readState: ReadState())
        load.waitUntilFinished()
        let batch = load.take()
        XCTAssertEqual(batch.problems.map(\.path), [path])
        XCTAssertTrue(batch.entries.contains { $0.summary.path == path })
    }

    func testATruncatedFileWithNoCompleteItemIsAProblem() throws {
        let text = #"<?xml version="1.0"?><rss><channel><title>T</title><item><title>Half"#
        XCTAssertThrowsError(try FeedImporter().stories(in: Array(text.utf8), path: "half.xml")) { error in
            XCTAssertEqual(error as? LoadFailure, .malformed("truncated XML: the file ends before its first item is complete"))
        }
        let cdata = #"<rss><channel><item><title><![CDATA[never closed"#
        XCTAssertThrowsError(try FeedImporter().stories(in: Array(cdata.utf8), path: "cdata.xml")) { error in
            XCTAssertEqual(error as? LoadFailure, .malformed("truncated XML: the file ends before its first item is complete"))
        }
    }

    func testMismatchedTagsCloseBackToTheElementTheyName() throws {
        let text = """
            <rss><channel><title>Broken</title>
            <item><title>One</title><description>unclosed <b>bold</item>
            <item><title>Two</i></title></bogus><link>https://x.example/2</link></item>
            </channel></rss>
            """
        let stories = try FeedImporter().stories(in: Array(text.utf8), path: "b.xml")
        XCTAssertEqual(stories.map(\.title), ["One", "Two"])
        XCTAssertEqual(stories[0].body.lines, ["unclosed bold"])
        XCTAssertEqual(stories[1].url, "https://x.example/2")
    }

    func testDeepNestingIsAProblemNotACrash() throws {
        let open = String(repeating: "<a>", count: 100_000)
        let text = "<rss><channel><item><title>T</title></item><item><description>" + open + "x"
            + String(repeating: "</a>", count: 100_000) + "</description></item></channel></rss>"
        XCTAssertThrowsError(try FeedImporter().stories(in: Array(text.utf8), path: "deep.xml")) { error in
            XCTAssertEqual(error as? LoadFailure, .malformed("XML nested more than 10000 elements deep"))
        }
        // Just under the limit reads, and so does HTML nested deep inside a CDATA section.
        let under = "<rss><channel><item><title>T</title><description>" + String(repeating: "<a>", count: 9_990) + "x"
            + String(repeating: "</a>", count: 9_990) + "</description></item></channel></rss>"
        XCTAssertEqual(try FeedImporter().stories(in: Array(under.utf8), path: "under.xml")[0].body.lines, ["x"])
        let html = "<rss><channel><item><title>T</title><description><![CDATA[" + String(repeating: "<div>", count: 100_000)
            + "deep]]></description></item></channel></rss>"
        XCTAssertEqual(try FeedImporter().stories(in: Array(html.utf8), path: "html.xml")[0].body.lines, ["deep"])
    }

    func testManyUnmatchedEndTagsStayLinear() throws {
        let text = "<rss><channel>" + String(repeating: "<x>", count: 9_000) + String(repeating: "</nope>", count: 200_000)
            + String(repeating: "</x>", count: 9_000) + "<item><title>After</title></item></channel></rss>"
        let start = Date()
        XCTAssertEqual(try FeedImporter().stories(in: Array(text.utf8), path: "m.xml").map(\.title), ["After"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testGarbageIsNeverAStoryAndNeverACrash() {
        let samples: [[UInt8]] = [
            [], Array("<".utf8), Array("<<<<>>>>".utf8), Array("<rss".utf8), Array("<rss><channel><item".utf8),
            Array("<?xml".utf8), Array("<!--".utf8), Array("<![CDATA[".utf8), Array("<!DOCTYPE".utf8), Array("&#x110000;".utf8),
            Array("<rss a='1' b=\"2\" c=3 d><channel><item x=></item></channel></rss>".utf8),
            [0xFF, 0xFE, 0x3C], [0xFE, 0xFF, 0x00, 0x3C, 0x00], (0..<256).map { UInt8($0) },
        ]
        for bytes in samples {
            do {
                _ = try FeedImporter().stories(in: bytes, path: "g.xml")
                _ = try FeedImporter().summaries(in: bytes, path: "g.xml", needsCommentIDs: { _, _ in true })
            } catch {
                XCTAssertTrue(error is LoadFailure, "\(error)")
            }
            _ = FeedImporter().joinKeys(in: bytes)
            _ = FeedImporter().claim(path: "g.xml", prefix: bytes[...], named: true)
        }
    }

    func testAnEmptyFeedAndXMLThatIsNoFeedAreSkippedQuietly() {
        let loaded = loadFolder([
            "empty.rdf": #"<?xml version="1.0"?><rdf:RDF></rdf:RDF>"#,
            "config.xml": #"<?xml version="1.0"?><configuration><a/></configuration>"#,
            "page.rss": "Just some words, no markup at all.",
        ])
        XCTAssertEqual(loaded.stories.count, 0)
        XCTAssertEqual(loaded.problems.map(\.reason), ["XML that is not a feed", "not a story: a feed with no items", "not XML, so not a feed"])
        XCTAssertTrue(loaded.problems.allSatisfy(\.isSkipped))
    }

    func testXMLThatIsNoFeedNamedOnTheCommandLineSaysWhatItIs() {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("config.xml").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(#"<?xml version="1.0"?><configuration/>"#.utf8)))
        let problems = CollectionLoader().loadAll([path]).problems
        XCTAssertEqual(problems.map(\.reason),
                       ["an XML or HTML document that is not a feed (a saved web page, say): a format this version of Tidings does not read yet"])
    }

    // MARK: Helpers

    func temporaryFolder() -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feed-safety-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func loadFolder(_ files: [String: String]) -> (stories: [Story], problems: [LoadProblem]) {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            XCTAssertTrue(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data(text.utf8)))
        }
        return CollectionLoader().loadAll([folder.path])
    }
}
