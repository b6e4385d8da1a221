import Foundation
import XCTest
@testable import TidingsModel

/// HTML from Hacker News, Lobsters and Reddit to story bodies: entities, tokens, blocks, runs and links,
/// malformed and hostile input.
final class HTMLTextTests: XCTestCase {
    typealias Block = StoryBody.Block
    typealias Run = StoryBody.Run

    func lines(_ html: String) -> [String] { HTMLText.body(html).lines }

    func blocks(_ html: String) -> [Block] { HTMLText.body(html).blocks }

    // MARK: Entities

    func testNamedEntities() {
        XCTAssertEqual(HTMLEntities.decode("&lt;b&gt; &amp; &quot;q&quot; &apos;a&apos;"), "<b> & \"q\" 'a'")
        XCTAssertEqual(HTMLEntities.decode("&hellip;&mdash;&ndash;&lsquo;&rsquo;&ldquo;&rdquo;"), "…—–‘’“”")
        XCTAssertEqual(HTMLEntities.decode("&bull;&trade;&euro;&larr;&rarr;&copy;&eacute;&Omega;&sigmaf;"), "•™€←→©éΩς")
        XCTAssertEqual(HTMLEntities.decode("a&nbsp;b"), "a\u{00A0}b")
        XCTAssertEqual(HTMLEntities.decode("&yuml;&iexcl;&diams;&lang;&rang;"), "ÿ¡♦⟨⟩")
    }

    func testAllHTML4EntitiesAreKnown() {
        XCTAssertGreaterThanOrEqual(HTMLEntityTable.codePoints.count, 252)
        for name in ["nbsp", "yuml", "fnof", "Alpha", "Omega", "alpha", "omega", "thetasym", "upsih", "piv", "bull",
                     "alefsym", "crarr", "hArr", "forall", "sdot", "lceil", "rfloor", "loz", "diams", "quot", "OElig",
                     "Yuml", "circ", "tilde", "zwnj", "rlm", "permil", "rsaquo", "euro", "weierp", "image", "there4"] {
            XCTAssertNotNil(HTMLEntityTable.codePoints[name], name)
        }
        XCTAssertNil(HTMLEntityTable.codePoints["Sigmaf"])
    }

    func testNumericEntities() {
        XCTAssertEqual(HTMLEntities.decode("it&#39;s &#x27;x&#X27; &#x2F;&#47;"), "it's 'x' //")
        XCTAssertEqual(HTMLEntities.decode("&#128512;&#x1F600;"), "😀😀")
    }

    func testInvalidNumbersAreReplacedAsBrowsersDo() {
        XCTAssertEqual(HTMLEntities.decode("&#0;&#xD800;&#xDFFF;&#x110000;&#99999999999999999999;"), String(repeating: "\u{FFFD}", count: 5))
        XCTAssertEqual(HTMLEntities.decode("&#128;&#x92;&#x97;&#159;"), "€’—Ÿ")
        XCTAssertEqual(HTMLEntities.decode("&#x81;").unicodeScalars.first?.value, 0x81)  // a hole in Windows-1252
    }

    func testUnknownOrUnterminatedReferencesStayAsWritten() {
        XCTAssertEqual(HTMLEntities.decode("&bogus; &#; &#x; &#xZ; & &; &#39 x &#x27"), "&bogus; &#; &#x; &#xZ; & &; &#39 x &#x27")
        XCTAssertEqual(HTMLEntities.decode("&hellip &mdash"), "&hellip &mdash")
        XCTAssertEqual(HTMLEntities.decode("AT&T, R&D, a&&b, &"), "AT&T, R&D, a&&b, &")
    }

    func testLegacyNamesWithoutSemicolon() {
        XCTAssertEqual(HTMLEntities.decode("&amp &lt &gt &quot."), "& < > \".")
        XCTAssertEqual(HTMLEntities.decode("?a=1&copy=2&ampx"), "?a=1&copy=2&ampx")
    }

    func testDecodingWithoutAmpersandIsTheSameString() {
        XCTAssertEqual(HTMLEntities.decode("plain text; no references"), "plain text; no references")
        XCTAssertEqual(HTMLEntities.decode("sub"[...]), "sub")
    }

    /// The gate check: a reference may decode to ESC, and the screen's sanitizer makes it visible.
    func testEscapeDecodesAndTheGateNeutralizesIt() {
        let decoded = HTMLEntities.decode("&#27;[31mred")
        XCTAssertEqual(decoded, "\u{1B}[31mred")
        XCTAssertFalse(UntrustedText.sanitize(decoded).unicodeScalars.contains("\u{1B}"))
        let body = HTMLText.body("<p>&#27;[31mred&#x1b;]0;title&#7;</p>")
        let text = body.blocks[0].plainText
        XCTAssertTrue(text.unicodeScalars.contains("\u{1B}"))
        XCTAssertFalse(UntrustedText.sanitize(text, multiline: true).unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    // MARK: Tokenizer

    func tokens(_ html: String) -> [String] {
        var tokenizer = HTMLTokenizer(html)
        let bytes = Array(html.utf8)
        var out: [String] = []
        while let token = tokenizer.next() {
            switch token {
            case .text(let range): out.append("T:" + String(decoding: bytes[range], as: UTF8.self))
            case .literalText(let range): out.append("L:" + String(decoding: bytes[range], as: UTF8.self))
            case .startTag(let tag):
                let attributes = tag.attributes.map { $0.name + "=" + String(decoding: bytes[$0.value], as: UTF8.self) }
                out.append("<" + ([tag.name] + attributes).joined(separator: " ") + (tag.selfClosing ? "/>" : ">"))
            case .endTag(let name): out.append("</" + name + ">")
            case .comment: out.append("comment")
            case .doctype: out.append("doctype")
            }
        }
        return out
    }

    func testTokenizerTagsAndAttributes() {
        XCTAssertEqual(tokens(#"<A HREF="x" title='a "b"' data=1 checked>t</A><br/>"#),
                       [#"<a href=x title=a "b" data=1 checked=>"#, "T:t", "</a>", "<br/>"])
        XCTAssertEqual(tokens("<!DOCTYPE html><!-- c --><![CDATA[a<b]]>x"), ["doctype", "comment", "L:a<b", "T:x"])
        XCTAssertEqual(tokens("a<!-- never closed <b>x</b>"), ["T:a", "comment"])
        XCTAssertEqual(tokens("<!-->a<!--->b"), ["comment", "T:a", "comment", "T:b"])
        XCTAssertEqual(tokens("<?xml version=1?>a"), ["comment", "T:a"])
    }

    func testTokenizerStrayLessThanIsText() {
        XCTAssertEqual(tokens("a < b"), ["T:a < b"])
        XCTAssertEqual(tokens("<3 x<y <<<"), ["T:<3 x", "T:<y <<<"])
        XCTAssertEqual(tokens("1 </ 2 </>3"), ["T:1 </ 2 ", "comment", "T:3"])
    }

    func testTokenizerSkipsScriptAndStyle() {
        XCTAssertEqual(tokens("<script>if (a < b) { x = '</p>' }</script >ok"), ["<script>", "</script>", "T:ok"])
        XCTAssertEqual(tokens("<STYLE>p { }</Style>ok"), ["<style>", "</style>", "T:ok"])
        XCTAssertEqual(tokens("<script>never closed <p>text"), ["<script>"])
    }

    func testTokenizerCutOffTagIsText() {
        XCTAssertEqual(tokens("x <a href="), ["T:x ", "T:<a href="])
        XCTAssertEqual(tokens("<a href=\"unterminated>quote"), ["T:<a href=\"unterminated>quote"])
        XCTAssertEqual(tokens("x</b"), ["T:x", "T:</b"])
    }

    // MARK: Paragraphs and whitespace

    func testHackerNewsParagraphs() {
        XCTAssertEqual(lines("first para<p>second para<p>third"), ["first para", "second para", "third"])
        XCTAssertEqual(lines("<p>one</p><p>two</p>"), ["one", "two"])
        XCTAssertEqual(blocks("a<p>b").map(\.kind), [.paragraph, .paragraph])
    }

    func testWhitespaceCollapsesAndBlocksAreTrimmed() {
        XCTAssertEqual(lines("  a \n\t b  <p>   </p><p> c\r\nd\re </p>"), ["a b", "c d e"])
        XCTAssertEqual(lines("<p>&nbsp;</p><p>&#x200B;</p><p>a&nbsp;&nbsp;b</p>"), ["a b"])
        XCTAssertEqual(lines("<p></p><div>\n</div>"), [])
        XCTAssertEqual(HTMLText.body(""), StoryBody(blocks: []))
    }

    func testLineBreaksInsideABlock() {
        XCTAssertEqual(lines("a<br>b <br/> c<br><br>d<br>"), ["a\nb\nc\n\nd"])
        XCTAssertEqual(lines("<p><br>a</p>"), ["a"])
    }

    func testDivHeadingsAndRulesBreakBlocks() {
        XCTAssertEqual(lines("a<div>b</div>c<hr>d<h2>Title</h2>e"), ["a", "b", "c", "* * *", "d", "Title", "e"])
        XCTAssertEqual(lines("<video>video fallback</video><noscript>noscript text</noscript><audio>sound</audio>x<hr/>"),
                       ["video fallback", "noscript text", "sound", "x", "* * *"])
        XCTAssertEqual(blocks("<h1>Big</h1>")[0].runs, [Run("Big", emphasis: .bold)])
    }

    func testPlainTextFastPath() {
        XCTAssertEqual(blocks("just words here"), [Block(.paragraph, text: "just words here")])
        XCTAssertEqual(lines("  spaced\nout  "), ["spaced out"])
        XCTAssertEqual(lines("   "), [])
    }

    // MARK: Emphasis

    func testEmphasis() {
        XCTAssertEqual(blocks("a <i>b</i> <em>c</em> <b>d</b> <strong>e</strong> <s>f</s><del>g</del> <code>h</code>")[0].runs, [
            Run("a "), Run("b", emphasis: .italic), Run(" "), Run("c", emphasis: .italic), Run(" "), Run("d", emphasis: .bold),
            Run(" "), Run("e", emphasis: .bold), Run(" "), Run("fg", emphasis: .strikethrough), Run(" "), Run("h", emphasis: .code),
        ])
    }

    func testInnermostEmphasisWins() {
        XCTAssertEqual(blocks("<b>a <i>b</i> c</b>")[0].runs,
                       [Run("a ", emphasis: .bold), Run("b", emphasis: .italic), Run(" c", emphasis: .bold)])
        // Misnested: closing `</b>` inside `<i>` ends the bold; the italic lasts to its own end.
        XCTAssertEqual(blocks("<b><i>x</b>y</i>z")[0].runs, [Run("xy", emphasis: .italic), Run("z")])
    }

    func testSpacesStayOutOfEmphasis() {
        XCTAssertEqual(blocks("a<b> b </b>c")[0].runs, [Run("a "), Run("b", emphasis: .bold), Run(" c")])
    }

    // MARK: Links

    func testLinksAreNumberedInOrder() {
        let body = HTMLText.body(#"See <a href="https:&#x2F;&#x2F;example.com" rel="nofollow">https://example.com</a> and <a href="http://b.org/?a=1&amp;b=2">b</a>, again <a href="https://example.com">here</a>."#)
        XCTAssertEqual(body.links, ["https://example.com", "http://b.org/?a=1&b=2"])
        XCTAssertEqual(body.blocks[0].runs, [
            Run("See "), Run("https://example.com", link: 0), Run(" and "), Run("b", link: 1), Run(", again "),
            Run("here", link: 0), Run("."),
        ])
    }

    /// Links in a table or a `<pre>` (laid out as written) are numbered in their text and kept with the
    /// others, so their number opens them.
    func testLinksInTablesAndPreformattedTextAreNumbered() {
        let html = #"<a href="http://before.example/">before</a><table><tr><td>a</td><td><a href="http://cell.example/">cell link</a></td></tr></table><pre>see <a href="http://pre.example/">here</a>"#
            + "\n    next</pre>" + #"<a href="http://cell.example/">again</a> <a href="javascript:x">no</a><table><tr><td><a href="javascript:y">bad</a></td></tr></table>"#
        let body = HTMLText.body(html)
        XCTAssertEqual(body.links, ["http://before.example/", "http://cell.example/", "http://pre.example/"])
        XCTAssertEqual(body.blocks[1].rows, [["a", "cell link [2]"]])
        XCTAssertEqual(body.blocks[2].plainText, "see here\n    next", "preformatted text stays as written: its link is listed")
        XCTAssertEqual(body.blocks.last?.rows, [["bad"]], "no number for what is not a link")
        XCTAssertEqual(HTMLText.body("<pre>x</a>y</pre><table><tr><td>c</a></td></tr></table>").lines, ["xy", "| c |"], "a stray </a> is nothing")
        XCTAssertEqual(lines("a<embed src=x>b<svg><text>t</text></svg>c"), ["a", "Embedded: x", "b", "t", "c"])
        XCTAssertEqual(lines("called <q>bullseye</q>, and <q> spaced </q>."), ["called “bullseye”, and “ spaced ”."], "spaces inside kept, as browsers keep them")
        XCTAssertEqual(lines("<q>say <q>hi</q> now</q></q> end"), ["“say ‘hi’ now” end"], "inner quotes single; a stray end is nothing")
    }

    func testEmptyLinkShowsItsTarget() {
        let body = HTMLText.body(#"x <a href="https://e.com/a"></a> y"#)
        XCTAssertEqual(body.blocks[0].runs, [Run("x "), Run("https://e.com/a", link: 0), Run(" y")])
    }

    func testOnlyWebAndMailLinks() {
        let body = HTMLText.body(#"<a href="javascript:alert(1)">a</a> <a href=" JaVa&#x09;Script:x">b</a> <a href="data:text/html,x">c</a> <a href="mailto:x@y.z">d</a> <a href="item?id=1">e</a> <a>f</a> <a href="">g</a>"#)
        XCTAssertEqual(body.links, ["mailto:x@y.z", "item?id=1"])
        XCTAssertEqual(body.blocks[0].runs, [Run("a b c "), Run("d", link: 0), Run(" "), Run("e", link: 1), Run(" f g")])
    }

    func testEmbeddedPlayersAreNumberedLinks() {
        let body = HTMLText.body(#"<p>Watch:</p><IFRAME src="https://www.youtube.com/embed/abc123" width=560></IFRAME><video src="/v.mp4">No video here</video><audio src="javascript:x"></audio><iframe></iframe>"#)
        XCTAssertEqual(body.lines, ["Watch:", "Embedded: https://www.youtube.com/embed/abc123", "Video: /v.mp4", "No video here"])
        XCTAssertEqual(body.links, ["https://www.youtube.com/embed/abc123", "/v.mp4"])
        XCTAssertEqual(body.blocks[1].runs, [Run("Embedded: "), Run("https://www.youtube.com/embed/abc123", link: 0)])
        let sources = HTMLText.body(#"<video controls><source src="/v.webm" type="video/webm"><source src="/v.mp4">No video</video><audio><source src="a.ogg" type="audio/ogg"></audio>"#)
        XCTAssertEqual(sources.lines, ["Video: /v.webm", "Video: /v.mp4", "No video", "Audio: a.ogg"], "a source of no type is its player's")
        XCTAssertEqual(HTMLText.body(#"<picture><source src="p.avif"></picture>"#).lines, ["Media: p.avif"])
    }

    func testLinkWithEmphasis() {
        XCTAssertEqual(blocks(#"<a href="https://e.com"><b>bold</b> link</a>"#)[0].runs,
                       [Run("bold", emphasis: .bold, link: 0), Run(" link", link: 0)])
    }

    // MARK: Lists and quotes

    func testLists() {
        XCTAssertEqual(lines("<ul><li>a<li>b</ul><ol start=3><li>c</li><li>d<ol><li>e</ol>more</li><li value=9>f<li>g</ol>"),
                       ["- a", "- b", "3. c", "4. d", "  1. e", "   more", "9. f", "10. g"], "text after a nested list hangs under its item's")
        let nested = blocks("<ul><li>a<ul><li>b<ul><li>c</ul></ul>d</ul>")
        XCTAssertEqual(nested.map(\.level), [0, 1, 2, 0])
        XCTAssertEqual(nested.map(\.kind), [.listItem, .listItem, .listItem, .listItem])
        XCTAssertEqual(nested.last?.plainText, "d")
    }

    func testListItemParagraphs() {
        // A second paragraph of an item hangs under its text: blanks as wide as its number or bullet.
        XCTAssertEqual(blocks("<ol><li><p>one</p><p>two</p></li></ol>"),
                       [Block(.listItem, [Run("one")], marker: "1."), Block(.listItem, [Run("two")], marker: "  ")])
        XCTAssertEqual(lines("<ul><li><p>one</p><p>two</p></li><li>three</li></ul>"), ["- one", "  two", "- three"])
        // Code and tables inside an item stand one level deeper than its text.
        XCTAssertEqual(blocks("<ol><li>Step<pre>code</pre></li></ol><pre>out</pre>").map(\.level), [0, 1, 0])
        XCTAssertEqual(blocks("<ul><li>x<table><tr><td>a</td></tr></table></li></ul>").map(\.level), [0, 1])
    }

    func testQuotes() {
        XCTAssertEqual(lines("<blockquote>a<blockquote><p>b</p></blockquote>c</blockquote>d"), ["> a", ">> b", "> c", "d"])
        // A list inside a quote stays quoted, its markers leading the quoted text.
        XCTAssertEqual(lines("<blockquote><ul><li>x</ul>y</blockquote>"), ["> • x", "> y"])
        XCTAssertEqual(blocks("<blockquote><ul><li>x</ul>y</blockquote>").map(\.marker), ["• ", nil], "a quoted item knows its lead")
        XCTAssertEqual(lines("<blockquote><p>Intro</p><ol><li><p>one</p><p>more</p></li><li>two<ul><li>deep</li></ul></li></ol></blockquote>"),
                       ["> Intro", "> 1. one", ">    more", "> 2. two", ">   • deep"])
        let code = blocks("<blockquote><ol><li>two<pre>x = 1\n  y</pre></li></ol></blockquote>")
        XCTAssertEqual(code.map(\.kind), [.quote, .quote], "quoted code stays quoted")
        XCTAssertEqual(code.last?.runs, [Run("x = 1\n  y", emphasis: .code)])
    }

    func testStrayListAndQuoteTags() {
        XCTAssertEqual(lines("</li></ul></blockquote>a<li>b</li>c"), ["a", "- b", "c"])
    }

    // MARK: Code

    func testPreformattedCode() {
        XCTAssertEqual(blocks("<p>Try:<pre><code>  indented\n  code &lt;T&gt;\n\n</code></pre>after"),
                       [Block(.paragraph, text: "Try:"), Block(.code, text: "  indented\n  code <T>"), Block(.paragraph, text: "after")])
        XCTAssertEqual(blocks("<pre>\nfirst\r\n <b>bold</b>\r  x  \n</pre>"), [Block(.code, text: "first\n bold\n  x  ")])
        XCTAssertEqual(blocks("<pre>\n\n</pre>"), [])
        XCTAssertEqual(blocks("<pre>a<pre>b</pre>c</pre>d"), [Block(.code, text: "abc"), Block(.paragraph, text: "d")])
        XCTAssertEqual(blocks("<pre>never closed\n  x"), [Block(.code, text: "never closed\n  x")])
    }

    func testInlineCode() {
        XCTAssertEqual(blocks("use <code>git  log</code> or <tt>ls</tt>")[0].runs,
                       [Run("use "), Run("git log", emphasis: .code), Run(" or "), Run("ls", emphasis: .code)])
    }

    // MARK: Tables, pictures, dropped things

    func testTables() {
        let body = blocks("x<table><tr><th>Name</th><th>Size</th></tr><tr><td>a <b>b</b></td><td>1</td><tr><td></td><td></td></table>y")
        XCTAssertEqual(body, [Block(.paragraph, text: "x"), Block(.table, [], rows: [["Name", "Size"], ["a b", "1"]]), Block(.paragraph, text: "y")])
        // A table inside a table lays out a page (`HTMLTableShape`): read as the blocks of its cells.
        XCTAssertEqual(lines("<table><tr><td>a<table><tr><td>in</td></tr></table>b</td></tr>"), ["a", "| in |", "b"])
    }

    /// Tables that lay out a newsletter are read as the blocks in their cells, as text browsers show them;
    /// data tables with paragraphs in their cells (as Outlook writes them) stay tables.
    func testLayoutTablesAreReadAsTheirBlocks() {
        XCTAssertEqual(lines("<table><tr><td><h2>Heading</h2><p>Para one.</p><p>Para two.</p>Line<br>break</td></tr></table>"),
                       ["Heading", "Para one.", "Para two.", "Line\nbreak"])
        let newsletter = #"<table width="100%"><tr><td><table><tr><td>Logo</td><td><a href="https://e.example/v">View</a></td></tr>"#
            + #"<tr><td colspan=2><h2>Update</h2><p>We shipped.</p></td></tr></table></td></tr></table><table><tr><td>Footer</td></tr></table>"#
        let body = HTMLText.body(newsletter)
        XCTAssertEqual(body.lines, ["Logo", "View", "Update", "We shipped.", "| Footer |"])
        XCTAssertEqual(body.links, ["https://e.example/v"])
        XCTAssertEqual(blocks("<table><tr><td><p>Name</p></td><td><p>Size</p></td></tr><tr><td><p>a</p></td><td><p>1</p></td></tr></table>").first?.rows,
                       [["Name", "Size"], ["a", "1"]], "Outlook's paragraphs in the cells of a data table")
        let changes = "<table><tr><th>Version</th><th>Changes</th></tr><tr><td>1.2</td><td><ul><li>Faster</li><li>Theme</li></ul></td></tr></table>"
        XCTAssertEqual(blocks(changes).first?.rows, [["Version", "Changes"], ["1.2", "•\u{A0}Faster •\u{A0}Theme"]], "header cells: data, lists and all")
        let steps = "<table><tr><th>OS</th><th>Steps</th></tr><tr><td>mac</td><td><ol><li>Open</li><li>Drag</li></ol></td></tr></table>"
        XCTAssertEqual(blocks(steps).first?.rows.last, ["mac", "1.\u{A0}Open 2.\u{A0}Drag"], "numbered as the list is")
        XCTAssertEqual(lines(steps).last, "| OS | Steps |\n| mac | 1. Open 2. Drag |", "in words (dump, search) the no-break space is a space")
        let banner = "<table><tr><th>Spring sale</th></tr><tr><td><h2>Up to 40% off</h2><p>Free shipping.</p></td></tr></table>"
        XCTAssertEqual(lines(banner), ["Spring sale", "Up to 40% off", "Free shipping."], "a heading in a cell: a layout, header cells or not")
    }

    func testTableTextOutsideCellsIsKept() {
        XCTAssertEqual(blocks("<table>loose<tr><td>c</table>").first?.rows, [["loose"], ["c"]])
    }

    /// A picture is its alt text in brackets (`[image]` without), a numbered link to it as newsboat numbers
    /// them; inside a link, that link's text; a tracking pixel, nothing.
    func testImages() {
        let body = HTMLText.body(#"a <img src="x.png" alt="a cat"> b <img src="y.png"> c<img alt=""><img src="t.gif" width="1" height="1">"#)
        XCTAssertEqual(body.lines, ["a [a cat] b [image] c"])
        XCTAssertEqual(body.links, ["x.png", "y.png"])
        XCTAssertEqual(body.blocks.first?.runs.filter { $0.link != nil }.map(\.text), ["[a cat]", "[image]"])
        let linked = HTMLText.body(#"<a href="https://x.example/full"><img src="thumb.png" alt="photo"></a> <table><tr><td><img src="c.png" alt="cell"></td></tr></table>"#)
        XCTAssertEqual(linked.links, ["https://x.example/full"], "in a link or a table, no number of its own")
        XCTAssertEqual(lines(#"<img src="data:image/png;base64,AAAA">"#), [], "no address to open, no alt: nothing")
        XCTAssertEqual(lines(#"<a href="https://x.example/t"><img src="p.png"></a> <img src="t.gif" width="1px">"#), ["[image]"],
                       "a link of a picture without alt is named [image], not by its address; 1px is a pixel")
        XCTAssertEqual(blocks(#"<pre>code <img alt="pic" src="p.png"> end</pre>"#).first?.plainText, "code [pic] end")
        XCTAssertEqual(lines(#"<p>D: <a href="https://x.example/d"><picture><source srcset="d.webp"><img src="d.png"></picture></a> end</p>"#),
                       ["D: [image] end"], "a <picture> stands in the sentence as its <img> does")
    }

    func testDroppedElementsKeepTheirText() {
        XCTAssertEqual(lines("<html><head><title>T</title><style>p{}</style></head><body><script>x()</script><!-- c --><span>a</span> <font color=red>b</font> <custom-tag>c</custom-tag></body></html>"),
                       ["T", "a b c"])
    }

    // MARK: Malformed and hostile input

    func testMalformedInputKeepsItsText() {
        XCTAssertEqual(lines("<a href="), ["<a href="])
        XCTAssertEqual(lines("<<<"), ["<<<"])
        XCTAssertEqual(lines("</p></p>x</p>"), ["x"])
        XCTAssertEqual(lines("a<!-- unterminated"), ["a"])
        XCTAssertEqual(lines("a<script>alert(1)"), ["a"])
        XCTAssertEqual(lines("a < b and c > d, <3, x<y"), ["a < b and c > d, <3, x<y"])
        XCTAssertEqual(lines("<b>unclosed <i>tags <a href=\"https://e.com\">to the end"), ["unclosed tags to the end"])
        XCTAssertEqual(lines("</b></i></a></code></table></pre>text"), ["text"])
    }

    /// Each takes tens of milliseconds in a release build; the bound only catches recursion (a crash)
    /// or quadratic work (minutes), with room for unoptimized test builds.
    func rendersQuickly(_ html: String, file: StaticString = #filePath, line: UInt = #line) -> StoryBody {
        let started = Date()
        let body = HTMLText.body(html)
        XCTAssertLessThan(Date().timeIntervalSince(started), 4, file: file, line: line)
        return body
    }

    func testDeepNestingRendersWithoutRecursion() {
        let depth = 100_000
        XCTAssertEqual(rendersQuickly(String(repeating: "<blockquote>", count: depth) + "deep").blocks,
                       [Block(.quote, [Run("deep")], level: HTMLContainers.maximumLevel)])
        XCTAssertEqual(rendersQuickly(String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth)).lines,
                       ["deep"])
        XCTAssertEqual(rendersQuickly(String(repeating: "<b>", count: depth) + "deep").blocks[0].runs, [Run("deep", emphasis: .bold)])
        XCTAssertEqual(rendersQuickly(String(repeating: "<ul><li>", count: depth) + "deep").blocks[0].level, HTMLContainers.maximumLevel)
        XCTAssertEqual(rendersQuickly(String(repeating: "<a href=\"https://e.com\">", count: depth) + "x").blocks[0].runs, [Run("x", link: 0)])
        XCTAssertEqual(rendersQuickly(String(repeating: "<pre>", count: depth) + "x").lines, ["x"])
        XCTAssertEqual(rendersQuickly(String(repeating: "<table>", count: depth) + "x").lines, ["| x |"], "the innermost is the one table")
        XCTAssertEqual(rendersQuickly(String(repeating: "<table><tr><td>", count: depth) + "x").lines, ["| x |"])
    }

    func testHostileInputIsNotQuadratic() {
        let depth = 100_000
        XCTAssertEqual(rendersQuickly(String(repeating: "<blockquote>", count: depth) + String(repeating: "</ul>", count: depth) + "x").lines,
                       [String(repeating: ">", count: HTMLContainers.maximumLevel + 1) + " x"])
        XCTAssertEqual(rendersQuickly(String(repeating: "<ul><li>", count: 10) + String(repeating: "<blockquote>", count: depth) + String(repeating: "</li>", count: depth) + "x").lines.count, 1)
        XCTAssertEqual(rendersQuickly(String(repeating: "<!x", count: depth)).lines.first?.count, 3 * depth)
        XCTAssertEqual(rendersQuickly(String(repeating: "<?x", count: depth)).lines.first?.count, 3 * depth)
        XCTAssertEqual(rendersQuickly(String(repeating: "<a b=\"", count: 20_001) + ">").lines.first?.hasPrefix("<a b="), true)
        XCTAssertEqual(rendersQuickly(String(repeating: "&amp", count: depth)).lines.first?.count, depth)
        XCTAssertEqual(rendersQuickly(String(repeating: "<script>", count: depth)).lines, [])
    }

    func testAThreadOfHTMLRendersQuickly() {
        let comment = #"<p>It&#x27;s not that simple: see <a href="https:&#x2F;&#x2F;example.com&#x2F;a?b=1&amp;c=2" rel="nofollow">https:&#x2F;&#x2F;example.com&#x2F;a?b=1&amp;c=2</a>.<p>&gt; quoted <i>text</i> here<p><pre><code>  let x = 1\n  print(x)\n</code></pre>Thanks for the &quot;write-up&quot;."#
        let thread = String(repeating: comment, count: 40 * 1024 / comment.utf8.count + 1)
        var body = StoryBody(blocks: [])
        let started = Date()
        for _ in 0..<20 { body = HTMLText.body(thread) }
        let perRender = Date().timeIntervalSince(started) / 20
        XCTAssertGreaterThan(body.blocks.count, 100)
        XCTAssertLessThan(perRender, 0.5)  // about a millisecond in a release build; generous for debug builds
    }
}
