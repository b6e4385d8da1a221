import XCTest
import TidingsModel

/// Plain mail text as blocks: quotes by depth, paragraphs with their lines, the signature.
final class MailTextTests: XCTestCase {
    func outline(_ text: String) -> [String] { MailText.body(text).mailOutline }

    func testParagraphsKeepTheirLines() {
        XCTAssertEqual(outline("\n\nFirst line   \n  indented second\n\n\n\nNext paragraph\t\n\n"),
                       ["text: First line⏎  indented second", "text: Next paragraph"])
        XCTAssertEqual(outline("a\r\nb\r\n"), ["text: a⏎b"])
        XCTAssertEqual(outline(""), [])
        XCTAssertEqual(outline("\n \n\t\n"), [])
    }

    func testQuotesByDepth() {
        let text = """
        Alice wrote:
        > first level
        >
        > still first
        >> second level
        > > second too
        >  >  > third
        |> usenet first
        | > usenet first too
         > one leading space
        >> back to second
        Reply text
        """
        XCTAssertEqual(outline(text), [
            "text: Alice wrote:",
            "quote 0: first level⏎⏎still first",
            "quote 1: second level⏎second too",
            "quote 2: third",
            "quote 0: usenet first⏎usenet first too⏎one leading space",
            "quote 1: back to second",
            "text: Reply text",
        ])
    }

    func testQuoteEdges() {
        // Empty quoted lines at a quote's ends go; a quote of only empty lines is no block.
        XCTAssertEqual(outline(">\n> a\n>\n\n>\n>\nb"), ["quote 0: a", "text: b"])
        // Two leading spaces, a lone pipe, and `>` inside text are no quotes.
        XCTAssertEqual(outline("  > indented\n| table |\nx > y"), ["text:   > indented⏎| table |⏎x > y"])
        XCTAssertEqual(outline(">no space after\n>>>>"), ["quote 0: no space after"])
        let deep = String(repeating: ">", count: 100_000) + " deep"
        XCTAssertEqual(outline(deep), ["quote 32: deep"])
    }

    func testSignature() {
        XCTAssertEqual(outline("Body\n\n-- \nJane Doe\nExample Corp  \n\n\n"),
                       ["text: Body", "signature: -- ⏎Jane Doe⏎Example Corp"])
        // The last `-- ` counts; quote rules do not apply inside the signature.
        XCTAssertEqual(outline("a\n-- \nnot this\n-- \n> sig line"), ["text: a⏎--⏎not this", "signature: -- ⏎> sig line"])
        // A bare `--` counts only when at most ten lines follow it.
        XCTAssertEqual(outline("a\n--\nshort sig"), ["text: a", "signature: --⏎short sig"])
        let long = "a\n--\n" + (1...11).map { "line \($0)" }.joined(separator: "\n")
        XCTAssertEqual(MailText.body(long).blocks.map(\.kind), [.preserved])
        XCTAssertEqual(outline("-- \n"), ["signature: -- "])
        XCTAssertEqual(outline("text\n-- x\n--- \n"), ["text: text⏎-- x⏎---"])
    }

    /// The web addresses of plain mail, quotes and signature included, are its links, in order and each
    /// once, as urlview finds them: the reader numbers them under the text and opens them by number.
    func testWebAddressesInTheTextAreItsLinks() {
        let text = """
            See the archive [1] and <https://example.org/list?a=1&b=(2)>, or www.example.com/faq.
            A path like /usr/share/http://nothing or foohttp://x is no address; neither is http:// alone.
            > quoted: (see https://quoted.example/page).
            [1] http://notmuchmail.org/pipermail/notmuch/
            -- 
            Ann, https://ann.example/ "https://ann.example/" mailto:ann@example.org ftp://ftp.example.org/pub
            """
        XCTAssertEqual(MailText.body(text).links, ["https://example.org/list?a=1&b=(2)", "http://www.example.com/faq",
                                                   "https://quoted.example/page", "http://notmuchmail.org/pipermail/notmuch/",
                                                   "https://ann.example/", "mailto:ann@example.org"])
        XCTAssertEqual(MailText.body("no links here, just text.").links, [])
        let many = (0..<2_000).map { "http://h\($0).example/" }.joined(separator: " ")
        XCTAssertEqual(MailText.body(many).links.count, 500, "a hostile text lists its first addresses")
    }

    /// Each address is a run of its own linking to its number, where it stands, in the text, quotes and
    /// signature alike; one written twice links to one number; the writer's own `[1]` stays text.
    func testEachAddressIsALinkRunWhereItStands() {
        let body = MailText.body("""
            See [1] and https://a.example/x, or www.b.example.
            > quoted https://a.example/x too
            -- 
            Ann <mailto:ann@example.org>
            """)
        XCTAssertEqual(body.links, ["https://a.example/x", "http://www.b.example", "mailto:ann@example.org"])
        let runs = body.blocks.map { $0.runs.map { run in run.link.map { "\(run.text)→\($0)" } ?? run.text } }
        XCTAssertEqual(runs, [["See [1] and ", "https://a.example/x→0", ", or ", "www.b.example→1", "."],
                              ["quoted ", "https://a.example/x→0", " too"],
                              ["-- \nAnn <", "mailto:ann@example.org→2", ">"]])
        XCTAssertEqual(body.blocks.map(\.plainText), MailText.body("""
            See [1] and https://a.example/x, or www.b.example.
            > quoted https://a.example/x too
            -- 
            Ann <mailto:ann@example.org>
            """).blocks.map(\.plainText), "the text is as written")
        XCTAssertEqual(body.linksWrittenOut, [0, 1, 2], "every address is written out where it stands")
        let many = (0..<600).map { "http://h\($0).example/" }.joined(separator: " ")
        let hostile = MailText.body(many)
        XCTAssertEqual(hostile.blocks[0].runs.compactMap(\.link).count, 500, "past the first 500 addresses, text")
        XCTAssertEqual(hostile.blocks[0].plainText, many)
    }

    /// An address inside an escape sequence (an OSC 8 hyperlink's hidden target) is never on screen (the
    /// sequence shows as one ␛), so it is no link; the text the sequence wraps is read as any text.
    func testAddressesInsideEscapeSequencesAreNoLinks() {
        let osc8 = "Click \u{1B}]8;;http://evil.example/\u{1B}\\here\u{1B}]8;;\u{1B}\\ or https://good.example/ now"
        XCTAssertEqual(MailText.body(osc8).links, ["https://good.example/"])
        let c1 = "See https://a.example/x\u{9B}31m red \u{9D}8;;http://evil.example/\u{07}"
        XCTAssertEqual(MailText.body(c1).links, ["https://a.example/x"])
        XCTAssertEqual(MailText.body("\u{1B}[1mhttps://bold.example/\u{1B}[0m").links, ["https://bold.example/"],
                       "after a whole sequence, text is text")
    }

    /// From a patch's start on, the text is one block: an empty context line (` `) does not split it, a
    /// context line ` > x` is no quote, a removed `- ` line (`-- `) is no signature; git's trailer is.
    func testAPatchIsOneBlockFromItsStart() {
        let text = "Fixes it.\n\n---\ndiff --git a/f b/f\n@@ -1,4 +1,4 @@\n ctx\n \n > not a quote\n-- \n-old\n+new\n-- \n2.17.1\n"
        let body = MailText.body(text)
        XCTAssertEqual(body.blocks.map(\.kind), [.preserved, .preserved, .signature])
        XCTAssertEqual(body.blocks[1].plainText, "---\ndiff --git a/f b/f\n@@ -1,4 +1,4 @@\n ctx\n\n > not a quote\n--\n-old\n+new")
        XCTAssertEqual(body.blocks[2].plainText, "-- \n2.17.1")
        // Without a patch, an empty line still ends a paragraph and `-- ` still starts the signature.
        XCTAssertEqual(MailText.body("a\n\nb\n-- \nme").blocks.map(\.kind), [.preserved, .preserved, .signature])
    }

    /// An address ends at a `[` (the writer's footnote after it, or an IPv6 host's right after the scheme
    /// stays), and at what the screen does not show: invisible, bidi and private-use characters, spaces that
    /// are not ASCII's. Letters of any script stay in it.
    func testAnAddressEndsWhereTheScreenWouldNotShowIt() {
        func links(_ text: String) -> [String] { MailText.body(text).links }
        XCTAssertEqual(links("See https://lit.example/a[2] and"), ["https://lit.example/a"])
        XCTAssertEqual(links("http://[::1]:8080/x here"), ["http://[::1]:8080/x"])
        XCTAssertEqual(links("https://example.org/pua\u{E000}tail"), ["https://example.org/pua"])
        XCTAssertEqual(links("https://bidi.example/o\u{202E}c.live"), ["https://bidi.example/o"])
        XCTAssertEqual(links("https://zw.example/a\u{200B}b"), ["https://zw.example/a"])
        XCTAssertEqual(links("https://nbsp.example/a\u{00A0}b"), ["https://nbsp.example/a"])
        XCTAssertEqual(links("https://wide.example/日本 x"), ["https://wide.example/日本"])
        let runs = MailText.body("See https://lit.example/a[2] and").blocks[0].runs.map(\.text)
        XCTAssertEqual(runs, ["See ", "https://lit.example/a", "[2] and"])
    }
}
