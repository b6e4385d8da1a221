import XCTest
@testable import TidingsModel

/// Files in formats not read yet are recognized from their first bytes and never become garbage stories.
final class ForeignFormatTests: XCTestCase {
    func detect(_ text: String) -> String? { ForeignFormat.detect(Array(text.utf8)[...]) }

    func testExportsMailboxesArticlesFeedsAndPagesAreRecognized() {
        XCTAssertEqual(detect("[{\"kind\": \"Listing\"}]"), "JSON (an export from a site such as Hacker News or Reddit)")
        XCTAssertEqual(detect("  {\n  \"hits\": []}"), "JSON (an export from a site such as Hacker News or Reddit)")
        XCTAssertEqual(detect("<?xml version=\"1.0\"?>\n<rss>"), "an XML document or feed")
        XCTAssertEqual(detect("<!DOCTYPE html>\n<html>"), "a web page (HTML)")
        XCTAssertEqual(detect("From dottedmag@dottedmag.net Mon Nov 16 2009\nReceived: x\n"), "a mailbox (mbox)")
        XCTAssertEqual(detect("Path: utzoo!decvax!harpo\nFrom: rick\n"), "a mail or news article")
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
        XCTAssertNil(detect(""))
    }
}
