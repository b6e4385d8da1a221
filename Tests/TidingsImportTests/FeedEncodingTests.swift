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
}
