import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// The one block renderer the story text and the comments share.
final class BodyLayoutTests: XCTestCase {
    typealias Block = StoryBody.Block
    typealias Run = StoryBody.Run

    func texts(_ block: Block, width: Int) -> [String] { BodyLayout.blockLines(block, width: width).map(\.text) }

    func testCodeLinesWiderThanThePaneGoOnInMarkedRows() {
        let code = Block(.code, text: "short\n東京東京東京\n\tindented")
        XCTAssertEqual(texts(code, width: 40), ["  short", "  東京東京東京", "          indented"], "a tab is eight columns")
        // 8 cells for the text, 6 after the marker: a wide character never straddles the edge.
        XCTAssertEqual(texts(code, width: 10), ["  short", "  東京東京", "  ↪ 東京", "          ", "  ↪ indent", "  ↪ ed"])
        XCTAssertEqual(texts(code, width: 9), ["  short", "  東京東", "  ↪ 京東", "  ↪ 京", "         ", "  ↪  inde", "  ↪ nted"])
        let rows = BodyLayout.blockLines(code, width: 10)
        XCTAssertEqual(rows[2].spans.map(\.style), [.plain, .guide, .accent], "the marker in the guide colour")
        for width in 1...14 {
            for line in BodyLayout.blockLines(code, width: width) { XCTAssertLessThanOrEqual(line.width, width) }
        }
    }

    /// An item nested in a numbered one is indented to its parent's text, and text after it hangs there.
    func testNestedItemsStartUnderTheirParentsText() {
        let body = HTMLText.body("<ol start=98><li>item<ul><li>nested bullet</li></ul>after nested in 98</li><li>next</li></ol>")
        XCTAssertEqual(BodyLayout.lines(body.blocks, width: 40, separateFirst: false).map(\.text),
                       ["98. item", "    • nested bullet", "    after nested in 98", "99. next"])
        let bullets = HTMLText.body("<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li></ul>")
        XCTAssertEqual(BodyLayout.lines(bullets.blocks, width: 40, separateFirst: false).map(\.text), ["• a", "  • b", "    • c"])
        // Code inside an item starts under its text, whatever the width of its number.
        let code = HTMLText.body("<ol start=100><li>Run:<pre>make</pre></li></ol><ul><li>Or:<pre>cmake</pre></li></ul>")
        XCTAssertEqual(BodyLayout.lines(code.blocks, width: 40, separateFirst: false).map(\.text),
                       ["100. Run:", "", "     make", "", "• Or:", "", "  cmake"])
        let quoted = HTMLText.body("<blockquote><pre>def g():\n    return 2</pre></blockquote>")
        XCTAssertEqual(BodyLayout.lines(quoted.blocks, width: 40, separateFirst: false).map(\.text), ["│ def g():", "│     return 2"],
                       "quoted code keeps its indentation")
        let markdown = MarkdownText.body("98. Build it:\n\n    ```\n    make\n    ```")
        XCTAssertEqual(BodyLayout.lines(markdown.blocks, width: 40, separateFirst: false).map(\.text), ["98. Build it:", "", "    make"])
        let table = MarkdownText.body("- Sizes:\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n\nAfter")
        XCTAssertEqual(BodyLayout.lines(table.blocks, width: 40, separateFirst: false).map(\.text),
                       ["• Sizes:", "", "  a │ b", "  1 │ 2", "", "After"], "a table inside an item: under its text, no empty row before")
        XCTAssertEqual(table.blocks.map(\.level), [0, 1, 0])
    }

    /// A line breaks after a space in the last third of its row, else where the row ends; nothing is lost.
    func testCodeBreaksAtASpaceNearTheEdgeAndKeepsEveryCharacter() {
        XCTAssertEqual(CodeWrap.pieces(of: "let total = price * quantity + shipping", first: 20, rest: 20),
                       ["let total = price * ", "quantity + shipping"])
        XCTAssertEqual(CodeWrap.pieces(of: "a verylongidentifierwithoutspaces()", first: 12, rest: 10),
                       ["a verylongid", "entifierwi", "thoutspace", "s()"], "no space in the last third: a hard break")
        XCTAssertEqual(CodeWrap.pieces(of: "x = 1      ", first: 6, rest: 4), ["x = 1 "], "spaces alone after a break take no row")
        let line = "    if (東京 == 😀) { return café[index] + 42; } // 寝台特急サンライズ"
        for first in 2...30 {
            for rest in 2...first {
                let pieces = CodeWrap.pieces(of: line, first: first, rest: rest)
                XCTAssertEqual(pieces.joined(), line, "\(first)/\(rest)")
                XCTAssertLessThanOrEqual(DisplayWidth.of(pieces[0]), first)
                for piece in pieces.dropFirst() { XCTAssertLessThanOrEqual(DisplayWidth.of(piece), rest, "\(first)/\(rest)") }
            }
        }
    }

    func testNarrowTablesAlignByDisplayWidth() {
        let table = Block(.table, [], rows: [["a", "東京", "x"], ["long cell", "b"]])
        XCTAssertEqual(texts(table, width: 40), ["  a         │ 東京 │ x", "  long cell │ b    │ "])
        XCTAssertEqual(texts(table, width: 22), ["  a         │ 東京 │ x", "  long cell │ b    │ "], "just fits")
    }

    /// Columns too wide for the pane: each row's cells one after another, wrapped, its further rows indented;
    /// no cell is cut, and a link's number in a cell still opens the link.
    func testTablesWiderThanThePaneShowEachRowWrapped() {
        let table = Block(.table, [], rows: [["a", "東京", "x"], ["long cell", "b"]])
        XCTAssertEqual(texts(table, width: 21), ["  a │ 東京 │ x", "  long cell │ b"])
        XCTAssertEqual(texts(table, width: 16), ["  a │ 東京 │ x", "  long cell │", "    b"])
        let links = Block(.table, [], rows: [["name", "where"], ["tidings", "the releases page[3] and the mailing list archive[12]"]])
        let rows = BodyLayout.blockLines(links, width: 30)
        XCTAssertEqual(rows.map(\.text), ["  name │ where", "  tidings │ the releases", "    page[3] and the mailing", "    list archive[12]"])
        XCTAssertEqual(rows.flatMap { $0.spans.compactMap(\.link) }, [3, 12])
        XCTAssertEqual(rows[2].link(atCell: 8), 3)
        for width in 1...40 {
            let lines = BodyLayout.blockLines(links, width: width)
            for line in lines { XCTAssertLessThanOrEqual(line.width, width) }
            let shown = lines.map(\.text).joined().filter { !$0.isWhitespace && $0 != "│" && $0 != "\u{FFFD}" }
            if width >= 4 { XCTAssertEqual(shown, "namewheretidingsthereleasespage[3]andthemailinglistarchive[12]", "\(width)") }
        }
    }

    func testNestedListsAndQuotes() {
        let item = Block(.listItem, [Run("one two three four")], level: 2, marker: "3.")
        XCTAssertEqual(texts(item, width: 30), ["    3. one two three four"])
        XCTAssertEqual(texts(item, width: 15), ["  3. one two", "     three four"], "the indentation shrinks first")
        XCTAssertEqual(texts(item, width: 6), ["3. one", "   two", "   thr", "   ee", "   fou", "   r"])
        XCTAssertEqual(texts(Block(.listItem, [Run("x")]), width: 3), ["x"], "no room for the bullet")
        let quote = Block(.quote, [Run("deep words")], level: 2)
        XCTAssertEqual(texts(quote, width: 30), ["│ │ │ deep words"])
        XCTAssertEqual(texts(quote, width: 14), ["│ │ deep words"])
        XCTAssertTrue(BodyLayout.blockLines(quote, width: 30)[0].spans.last!.style.dim, "quoted text is dimmed")
        let joined = BodyLayout.lines([Block(.quote, [Run("a")]), Block(.quote, [Run("b")], level: 1), Block(.paragraph, text: "c")],
                                      width: 30, separateFirst: false)
        XCTAssertEqual(joined.map(\.text), ["│ a", "│ │ b", "", "c"], "a change of level needs no row between")
        let paragraphs = BodyLayout.lines([Block(.quote, [Run("a")]), Block(.quote, [Run("b")])], width: 30, separateFirst: false)
        XCTAssertEqual(paragraphs.map(\.text), ["│ a", "│ ", "│ b"], "two paragraphs of one quote: a row of bars between")
    }

    func testATableQuotedStaysInItsQuote() {
        let markdown = MarkdownText.body("> Numbers:\n>\n> | name | n |\n> |---|---|\n> | 日本 | 1 |\n>\n> After.")
        XCTAssertEqual(BodyLayout.lines(markdown.blocks, width: 40, separateFirst: false).map(\.text),
                       ["│ Numbers:", "│ ", "│ name │ n", "│ 日本 │ 1", "│ ", "│ After."])
        XCTAssertEqual(markdown.lines, ["> Numbers:", "> | name | n |\n> | 日本 | 1 |", "> After."])
        let html = HTMLText.body("<blockquote><p>He said:</p><table><tr><td>q1</td><td>q2</td></tr></table></blockquote><p>Mine.</p>")
        XCTAssertEqual(BodyLayout.lines(html.blocks, width: 40, separateFirst: false).map(\.text),
                       ["│ He said:", "│ ", "│ q1 │ q2", "", "Mine."])
        XCTAssertTrue(BodyLayout.lines(html.blocks, width: 40, separateFirst: false)[2].spans.dropFirst().allSatisfy { $0.style.dim },
                      "dimmed as the quote's text is")
        // Narrower than its columns: row by row as a table outside a quote is, under the bars.
        let wide = HTMLText.body("<blockquote><table><tr><td>alpha</td><td>a long description of the alpha thing in detail</td></tr></table></blockquote>")
        let plain = BodyLayout.tableLines(wide.blocks[0].rows, width: 28).map(\.text)
        XCTAssertEqual(BodyLayout.lines(wide.blocks, width: 30, separateFirst: false).map(\.text), plain.map { "│ " + $0 })
        // Narrower than a row: the row is broken as quoted code is, every piece under the bar.
        XCTAssertTrue(BodyLayout.lines(html.blocks, width: 8, separateFirst: false).prefix(4).allSatisfy { $0.text.hasPrefix("│") })
    }

    func testAListQuotedKeepsItsItemsTogether() {
        let html = HTMLText.body("<blockquote><p>He said:</p><ul><li>one</li><li>two</li></ul><p>After</p></blockquote>")
        XCTAssertEqual(BodyLayout.lines(html.blocks, width: 40, separateFirst: false).map(\.text),
                       ["│ He said:", "│ ", "│ • one", "│ • two", "│ ", "│ After"])
        let lists = HTMLText.body("<ul><li>a<ul><li>nested</li></ul></li><li>b</li></ul><ol><li>one</li><li>two<p>more</p></li></ol>")
        XCTAssertEqual(BodyLayout.lines(lists.blocks, width: 40, separateFirst: false).map(\.text),
                       ["• a", "  • nested", "• b", "", "1. one", "2. two", "   more"], "a list of another kind after a list is set apart")
        let two = MarkdownText.body("> 1. one\n> 2. two\n>\n> - other list\n>   - nested")
        XCTAssertEqual(BodyLayout.lines(two.blocks, width: 40, separateFirst: false).map(\.text),
                       ["│ 1. one", "│ 2. two", "│ ", "│ • other list", "│   • nested"], "a list of another kind after a list is set apart")
        let markdown = MarkdownText.body("> Steps:\n>\n> 1. open it\n> 2. close it\n>\n> Then.")
        XCTAssertEqual(BodyLayout.lines(markdown.blocks, width: 40, separateFirst: false).map(\.text),
                       ["│ Steps:", "│ ", "│ 1. open it", "│ 2. close it", "│ ", "│ Then."])
    }

    func testRunsKeepTheirEmphasisAndLinkNumbers() {
        let block = Block(.paragraph, [Run("gone", emphasis: .strikethrough), Run(" "), Run("site", link: 1)])
        let line = BodyLayout.blockLines(block, width: 40)[0]
        XCTAssertEqual(line.text, "gone site[2]")
        XCTAssertEqual(line.spans.map(\.style), [.dim, .plain, .accent])
        XCTAssertEqual(BodyLayout.linkLines(["https://a.example/x"], firstNumber: 1, width: 40).map(\.text), ["[1] https://a.example/x"])
        XCTAssertEqual(BodyLayout.linkLines(["https://a.example/x"], firstNumber: 0, width: 10).map(\.text),
                       ["[0] ", "https://a.", "example/x"], "too narrow to hang: the target under its label")
    }

    /// A link's number stays with its words: after them when the link's text ends in a line break, and whole
    /// when a long address is split between characters.
    func testALinkNumberIsNeverSplitOrSentToTheNextLine() {
        let feed = Block(.paragraph, [Run("submitted by "), Run(" /u/someone \n", link: 0), Run("[link]", link: 1)])
        XCTAssertEqual(texts(feed, width: 40), ["submitted by /u/someone[1]", "[link][2]"])
        let address = Block(.paragraph, [Run("https://en.wikipedia.org/wiki/Ride_of_the_Valkyries", link: 0)])
        for width in 20...60 {
            let rows = texts(address, width: width)
            XCTAssertTrue(rows.joined() == "https://en.wikipedia.org/wiki/Ride_of_the_Valkyries[1]", "\(width): \(rows)")
            XCTAssertTrue(rows.contains { $0.hasSuffix("[1]") && $0 != "[1]" }, "\(width): never alone: \(rows)")
            XCTAssertTrue(rows.allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(rows)")
        }
    }

    /// The characters carried with a link's number keep their style, and a number after a link of words that
    /// fit their row still goes whole with its word.
    func testALinkNumberTakesTheAddressEndWithItInItsStyle() {
        let block = Block(.paragraph, [Run("see "), Run("https://example.com/abcdefgh", emphasis: .bold, link: 4), Run(" lambda psi")])
        let rows = BodyLayout.blockLines(block, width: 28)
        XCTAssertEqual(rows.map(\.text), ["see", "https://example.com/ab", "cdefgh[5] lambda psi"])
        XCTAssertEqual(rows[2].spans.first?.text, "cdefgh")
        XCTAssertEqual(rows[2].spans.first?.style, rows[1].spans.first?.style, "the carried characters keep the link text's style")
        XCTAssertEqual(rows[2].spans.dropFirst().first?.link, 5)
    }

    func testEveryStringPassesTheGate() {
        // What an importer decoded from `&#27;[31m` is a raw escape: it must show as the marker.
        let escape = "\u{1B}[31m"
        let body = StoryBody(blocks: [
            Block(.paragraph, [Run("run\(escape)", emphasis: .bold, link: 0)]),
            Block(.listItem, [Run("item")], marker: "1\(escape)."),
            Block(.code, text: "code\(escape)\u{07}"),
            Block(.table, [], rows: [["cell\(escape)", "\u{202E}x"]]),
        ], links: ["https://x\(escape)"])
        var comments = [Comment(id: CommentID(value: 1), depth: 0, parent: nil, author: "au\(escape)", age: "age\(escape)", body: body)]
        Story.countDescendants(&comments)
        let story = Story(id: "e", source: SourceReference(path: "e"), format: "test",
                          header: StoryHeader(title: "t", url: "https://u\(escape)"), body: body, comments: comments)
        for focus in [KeyPress.enter, .tab] {
            var state = AppState(stories: [story], width: 120, height: 40)
            state.press(focus)
            let screen = state.render()
            for cell in screen.cells {
                XCTAssertFalse(cell.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E }, "raw control drawn")
            }
            let text = screen.text
            for shown in ["run␛[1]", "https://x␛", "code␛␇"] { XCTAssertTrue(text.contains(shown), shown) }
            if focus == .enter {
                for shown in ["au␛ · age␛", "1␛. item", "cell␛ │ x"] { XCTAssertTrue(text.contains(shown), shown) }
            } else {
                XCTAssertTrue(text.contains("[0] https://u␛"))
            }
        }
    }
}
