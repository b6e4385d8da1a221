import XCTest
@testable import TidingsModel

/// Files in formats not read yet are recognized from their first bytes and never become garbage stories.
final class ForeignFormatTests: XCTestCase {
    func detect(_ text: String) -> String? { ForeignFormat.detect(Array(text.utf8)[...]) }

    func testExportsMailboxesArticlesFeedsAndPagesAreRecognized() {
        XCTAssertEqual(detect("[{\"kind\": \"Listing\"}]"), "JSON (an export from a site such as Hacker News or Reddit)")
        XCTAssertEqual(detect("  {\n  \"hits\": []}"), "JSON (an export from a site such as Hacker News or Reddit)")
        let markup = "an XML or HTML document that is not a feed (a saved web page, say)"
        XCTAssertEqual(detect("<?xml version=\"1.0\"?>\n<rss>"), markup)
        XCTAssertEqual(detect("<!DOCTYPE html>\n<html>"), markup)
        XCTAssertEqual(detect("<!-- saved by browser -->\n<feed>"), markup)
        XCTAssertEqual(detect("<rdf:RDF\n  xmlns=\"x\">"), markup)
        XCTAssertEqual(detect("<head>\n<title>x</title>"), markup)
        XCTAssertEqual(detect("X-Original-To: me@example.com\nDelivered-To: me@example.com\nReceived: by x\n"), "a mail or news article")
        XCTAssertEqual(detect("To: me\nSubject: hi\n\nbody"), "a mail or news article")
        XCTAssertEqual(detect("X-GM-THRID: 1\nX-Gmail-Labels: Inbox\n"), "a mail or news article")
        XCTAssertEqual(detect("Received: from a\n\tby b\nFrom: c\n"), "a mail or news article", "a folded header line")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "{\"hits\": []}".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        XCTAssertEqual(ForeignFormat.detect(utf16[...]), "JSON (an export from a site such as Hacker News or Reddit) in UTF-16")
        // UTF-32, whose little-endian mark starts as UTF-16's does: decoded as UTF-32, not as NULs between
        // letters, and named with its encoding (an mbox is read, an mbox in UTF-32 is not).
        let mbox = "From a@b Tue Nov 17 10:52:49 2009\nSubject: x\nFrom: y\n\nBody\n"
        var utf32: [UInt8] = [0xFF, 0xFE, 0x00, 0x00]
        var utf32BigEndian: [UInt8] = [0x00, 0x00, 0xFE, 0xFF]
        for scalar in mbox.unicodeScalars {
            let value = scalar.value
            utf32 += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), 0]
            utf32BigEndian += [0, UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
        }
        XCTAssertEqual(TextDecoding.decode(utf32), mbox)
        XCTAssertEqual(TextDecoding.decode(utf32BigEndian), mbox)
        XCTAssertFalse(TextDecoding.looksBinary(utf32[...]))
        XCTAssertEqual(ForeignFormat.detect(utf32[...]), "a mailbox (mbox) in UTF-32")
        XCTAssertEqual(ForeignFormat.detect(utf32BigEndian[...]), "a mailbox (mbox) in UTF-32")
        XCTAssertEqual(TextDecoding.decode([0xFF, 0xFE, 0x41, 0x00, 0x42]), "A", "an odd byte at the end is left out")
        XCTAssertEqual(detect("Path: utzoo!decvax!harpo\nFrom: rick\n"), "a mail or news article")
        XCTAssertEqual(detect("From viresh@linaro.org Tue May 23 04:01:41 2017\nReturn-Path: <x@y>\n"), "a mailbox (mbox)")
        XCTAssertEqual(detect("From: Ann <ann@x.org>\nSubject: Hello\nDate: Mon, 1 Jan 2001\n\nBody"), "a mail or news article")
        XCTAssertEqual(detect("Amhtsa.157\nnet.games\nutzoo!decvax!harpo!eagle!mhtsa!rick\nWed May  5 22:33:48 1982\nRe: Raster\n"),
                       "a news article (A News)")
    }

    func testStoriesThatMerelyLookAlikeAreStillStories() {
        XCTAssertNil(detect("[Update] The ferry is back\nVia: tidewatcher\n\nBody.\n"))
        XCTAssertNil(detect("From the archives: a winter of repairs\n\nBody.\n"))
        XCTAssertNil(detect("From: the editor's desk\n\nA letter.\n"), "one header-like line is a title")
        XCTAssertNil(detect("Rust 1.97: faster builds\nCategory: Programming\n\nBody.\n"))
        XCTAssertNil(detect("A3.5 inch floppy\n\nBody.\n"))
        XCTAssertNil(detect("Date: a film review\nCategory: Film\nVia: critic • 2h\nBy: X\n\nIt was fine.\n"))
        XCTAssertNil(detect("Path: a walk through the hills\n\nBody.\n"), "one header-like line is a title")
        XCTAssertNil(detect("From me@home to the office, by bike\n\nBody.\n"))
        XCTAssertNil(detect("<3 a love letter to trains\n\nBody.\n"))
        XCTAssertNil(detect(""))
    }
}
