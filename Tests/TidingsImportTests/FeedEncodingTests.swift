import Foundation
import XCTest
@testable import TidingsModel

/// Feeds declared in the charsets mail comes in are decoded as mail is.
final class FeedEncodingTests: XCTestCase {
    func feed(_ encoding: String, title: [UInt8]) -> [UInt8] {
        Array("<?xml version=\"1.0\" encoding=\"\(encoding)\"?><rss version=\"2.0\"><channel><title>F</title><item><title>".utf8)
            + title + Array("</title><guid>g1</guid><description>x</description></item></channel></rss>".utf8)
    }

    func testLegacyCharsetsAreDecoded() throws {
        let cases: [(String, [UInt8], String)] = [
            ("windows-1251", [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], "Привет"),
            ("koi8-r", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "Привет"),
            ("iso-8859-2", [0xAF, 0xF3, 0xB3, 0xE6], "Żółć"),
            ("iso-8859-15", [0xA4, 0x20, 0xBD], "€ œ"),
            ("Shift_JIS", [0x93, 0xFA, 0x96, 0x7B], "日本"),
        ]
        for (encoding, bytes, expected) in cases {
            let stories = try FeedImporter().stories(in: feed(encoding, title: bytes), path: "/tmp/f.xml")
            XCTAssertEqual(stories.first?.title, expected, encoding)
        }
    }

    /// A feed in UTF-16 with its mark, declared so, in either byte order: its text read once, not read as
    /// UTF-16 again after it was turned into UTF-8. One declared UTF-16 without a mark is UTF-8 after all.
    func testAFeedInUTF16ReadsItsText() throws {
        let text = String(decoding: feed("UTF-16", title: Array("Jörg’s ünïcödé 日本".utf8)), as: UTF8.self)
            .replacingOccurrences(of: "<description>x</description>", with: "<author>Jörg</author><description>Body ünïcödé</description>")
        let units = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (label, bytes) in [("little-endian", little), ("big-endian", big), ("no mark", Array(text.utf8))] {
            let stories = try FeedImporter().stories(in: bytes, path: "/tmp/f.xml")
            XCTAssertEqual(stories.first?.title, "Jörg’s ünïcödé 日本", label)
            XCTAssertEqual(stories.first?.author, "Jörg", label)
            XCTAssertEqual(stories.first?.body.blocks.first?.plainText, "Body ünïcödé", label)
            let summaries = try FeedImporter().summaries(in: bytes, path: "/tmp/f.xml", needsCommentIDs: { _, _ in false })
            XCTAssertEqual(summaries.first?.summary.title, "Jörg’s ünïcödé 日本", label)
        }
    }
}
