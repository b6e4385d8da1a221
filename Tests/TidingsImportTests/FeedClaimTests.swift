import Foundation
import XCTest
@testable import TidingsModel

/// Which files the feed importer takes: by their first element, or by name until their bytes are seen.
final class FeedClaimTests: XCTestCase {
    func claim(_ path: String, _ text: String?, named: Bool = false) -> ImportClaim {
        FeedImporter().claim(path: path, prefix: text.map { Array($0.utf8)[...] }, named: named)
    }

    func testFeedsAreClaimedByTheirRootElement() {
        for text in [
            "<rss version=\"2.0\"><channel>",
            "\u{FEFF}  <?xml version=\"1.0\"?>\n<!-- saved -->\n<?xml-stylesheet href=\"x.css\"?>\n<rdf:RDF xmlns:rdf=\"x\">",
            "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/rss.dtd\">\n<rss>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<feed>", "<RDF>", "<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">",
        ] {
            XCTAssertEqual(claim("saved.txt", text).confidence, .certain, text)
        }
    }

    func testByNameTheyAreLikelyUntilTheirBytesSaySo() {
        for name in ["a.xml", "b.RSS", "c.rdf", "d.atom"] {
            XCTAssertEqual(claim(name, nil).confidence, .likely, name)
        }
        XCTAssertEqual(claim("a.txt", nil), .no("not a feed"))
        XCTAssertEqual(claim("a.xmlx", nil), .no("not a feed"))
        XCTAssertEqual(claim("a.xml", "<?xml version=\"1.0\"?><config>"), .no("XML that is not a feed"))
        XCTAssertEqual(claim("a.xml", "plain words"), .no("not XML, so not a feed"))
        XCTAssertEqual(claim("a.txt", "<html><body>"), .no("not a feed"))
        XCTAssertEqual(claim("page.xml", "<!DOCTYPE html>\n<HTML lang=\"en\"><head>"), .no("an HTML page, not a feed"),
                       "a web page saved under a feed's name says what it is")
        XCTAssertEqual(claim("page.xml", "<?xml version=\"1.0\"?><xhtml:html xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"),
                       .no("an HTML page, not a feed"))
        // A long prologue that hides the root from the first bytes: the name decides.
        XCTAssertEqual(claim("a.xml", "<!-- " + String(repeating: "x", count: 5000)).confidence, .likely)
        XCTAssertEqual(claim("a.txt", "<!-- " + String(repeating: "x", count: 5000)), .no("not a feed"))
    }

    func testTheRegistryPicksTheFeedImporter() throws {
        let bytes = Array("<rss><channel><item><title>x</title></item></channel></rss>".utf8)
        let picked = try XCTUnwrap(ImporterRegistry.standard.importer(path: "/f/x.txt", prefix: bytes[...], named: false)?.get())
        XCTAssertEqual(picked.name, "feed")
        XCTAssertEqual(ImporterRegistry.standard.importers.map(\.name), ["tidings", "json", "mail", "feed"])
        // Feeds are no longer among the formats not read yet.
        XCTAssertEqual(StoryNames.judge(path: "x.xml", prefix: nil).reason, "not a story (.xml); name the file to read it anyway")
    }
}
