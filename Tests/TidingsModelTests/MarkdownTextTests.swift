import Foundation
import XCTest
@testable import TidingsModel

/// Reddit Markdown (snudown) to blocks and runs: each rule on small realistic bodies, the escaped and raw
/// forms of a body giving the same result, pathological inputs, and no text ever lost.
final class MarkdownTextTests: XCTestCase {
    typealias Run = StoryBody.Run
    typealias Block = StoryBody.Block

    func body(_ markdown: String) -> StoryBody { MarkdownText.body(markdown) }

    /// Blocks as `StoryBody.lines`, the native markup tests read easily.
    func lines(_ markdown: String) -> [String] { body(markdown).lines }

    /// The runs of a one-block body.
    func runs(_ markdown: String, file: StaticString = #filePath, line: UInt = #line) -> [Run] {
        let result = body(markdown)
        XCTAssertEqual(result.blocks.count, 1, "\(result)", file: file, line: line)
        return result.blocks.first?.runs ?? []
    }

    // MARK: Paragraphs and line ends

    func testParagraphsSplitOnBlankLinesAndLinesJoinWithSpaces() {
        XCTAssertEqual(body("I tried this last week.\nIt worked fine.\n\nThanks for posting!"),
                       ["I tried this last week. It worked fine.", "Thanks for posting!"])
        XCTAssertEqual(body(""), [])
        XCTAssertEqual(body("\n\n  \n"), [])
    }

    func testTwoTrailingSpacesBreakTheLine() {
        XCTAssertEqual(runs("Roses are red  \nViolets are blue"), [Run("Roses are red\nViolets are blue")])
        XCTAssertEqual(runs("one \ntwo"), [Run("one two")])
    }

    func testCarriageReturnsAreLineEnds() {
        XCTAssertEqual(body("a\r\nb\r\n\r\nc\rd\r\re"), ["a b", "c d", "e"])
        XCTAssertEqual(lines("> quoted\r\n> more\r\n\r\n* item\r* other"), ["> quoted more", "- item", "- other"])
    }

    func testPlainTextShortcutMatchesTheFullParse() {
        let inputs = ["Just words.", "two\nlines", "para one\n\npara two\n\n\n", "trailing space \nnext", "ends with two  ",
                      "ünïcødé 🎉 text\nmore", "a\n\n\n\nb", "Ten out of 10", "price: 5/10 would read again", "a - b + c = d",
                      "I wrote 1. first", "swwwing", "Www"]
        for input in inputs {
            XCTAssertNotNil(MarkdownText.plainParagraphs(input), input)
            XCTAssertEqual(MarkdownText.plainParagraphs(input), MarkdownText.parsed(input), input)
        }
        for input in ["*a*", "see https://x.com", "www.x.com", "  indented", "- list", "1. one", "a  \nb", "&amp;", "a\r\nb", "title\n==="] {
            XCTAssertNil(MarkdownText.plainParagraphs(input), input)
        }
    }

    // MARK: Quotes

    func testQuotesNestAndContinueLazily() {
        XCTAssertEqual(lines("> I disagree with this\nbecause reasons.\n\nMy reply."), ["> I disagree with this because reasons.", "My reply."])
        XCTAssertEqual(lines(">> nested\n> > also nested\n>>> three\n> back to one"), [">> nested also nested", ">>> three back to one"])
        XCTAssertEqual(lines(">quote without a space"), ["> quote without a space"])
        XCTAssertEqual(lines("> first\n>\n> second"), ["> first", "> second"])
        XCTAssertEqual(lines("> a\n\n> b"), ["> a", "> b"])
    }

    func testListsAndCodeInsideAQuoteAreQuoteBlocks() {
        let result = body("> Steps:\n>\n> 1. open it\n> 2. close it\n>\n> * and\n>   * nested\n>\n> Then:\n>\n>     code <here>")
        XCTAssertEqual(result.lines, ["> Steps:", "> 1. open it", "> 2. close it", "> • and", ">   • nested", "> Then:", "> code <here>"])
        XCTAssertTrue(result.blocks.allSatisfy { $0.kind == .quote })
        XCTAssertEqual(result.blocks.last?.runs, [Run("code <here>", emphasis: .code)])
    }

    // MARK: Lists

    func testBulletsAndNumbersNestByIndentation() {
        XCTAssertEqual(lines("Pros:\n\n* fast\n* cheap\n    - really cheap\n+ small\n\nDone."),
                       ["Pros:", "- fast", "- cheap", "  - really cheap", "- small", "Done."])
        XCTAssertEqual(lines("3. third\n1. fourth\n1) fifth"), ["3. third", "4. fourth", "1. fifth"])
        XCTAssertEqual(body("2. two").blocks.first?.marker, "2.")
        XCTAssertNil(body("- dash").blocks.first?.marker)
    }

    func testListItemsSpanSeveralLines() {
        XCTAssertEqual(lines("- a long item\n  that wraps\nlazily here\n- next"), ["- a long item that wraps lazily here", "- next"])
        let loose = body("1. first\n\n   more about first\n2. second")
        XCTAssertEqual(loose.blocks.count, 2)
        XCTAssertEqual(loose.blocks[0].runs.map(\.text).joined(), "first\nmore about first")
        XCTAssertEqual(loose.blocks[1].marker, "2.")
        // Text after a list nested in an item hangs under the item's text: no bullet of its own.
        let after = body("2. second item\n    * nested\n\n   after nested in second item")
        XCTAssertEqual(after.blocks.map(\.marker), ["2.", nil, "  "])
        XCTAssertEqual(after.lines, ["2. second item", "  - nested", "   after nested in second item"])
    }

    func testAListInterruptsAParagraphOnlyWithABulletOrOne() {
        XCTAssertEqual(lines("My list:\n- one\n- two"), ["My list:", "- one", "- two"])
        XCTAssertEqual(lines("I was born in\n1986. It was cold."), ["I was born in 1986. It was cold."])
        XCTAssertEqual(lines("Steps:\n1. one\n2. two"), ["Steps:", "1. one", "2. two"])
    }

    // MARK: Code

    func testFencedCodeIsVerbatim() {
        let result = body("Try:\n\n```swift\nlet x = a && b < c\n    *not* [a](b) &amp;copy;\n```\nafter")
        XCTAssertEqual(result.blocks.count, 3)
        XCTAssertEqual(result.blocks[1], Block(.code, [Run("let x = a && b < c\n    *not* [a](b) &copy;", emphasis: .code)]))
        XCTAssertEqual(result.links, [])
        XCTAssertEqual(body("~~~\nfoo\n~~~").blocks, [Block(.code, [Run("foo", emphasis: .code)])])
        XCTAssertEqual(body("```\nnever closed\n\nstill code").blocks, [Block(.code, [Run("never closed\n\nstill code", emphasis: .code)])])
    }

    func testIndentedCodeKeepsItsInnerIndentation() {
        XCTAssertEqual(body("Code:\n\n    def f():\n        return 1\n\n\tx = 2\n\nText").blocks[1],
                       Block(.code, [Run("def f():\n    return 1\n\nx = 2", emphasis: .code)]))
    }

    func testCodeSpansWithAnyNumberOfBackticks() {
        XCTAssertEqual(runs("Use `git log --oneline` here"), [Run("Use "), Run("git log --oneline", emphasis: .code), Run(" here")])
        XCTAssertEqual(runs("``a ` b`` and `*x*`"), [Run("a ` b", emphasis: .code), Run(" and "), Run("*x*", emphasis: .code)])
        XCTAssertEqual(runs("a ` lone backtick"), [Run("a ` lone backtick")])
    }

    // MARK: Emphasis

    func testEmphasisStrikethroughAndSuperscript() {
        XCTAssertEqual(runs("This is *really* **very** ~~bad~~ good"),
                       [Run("This is "), Run("really", emphasis: .italic), Run(" "), Run("very", emphasis: .bold), Run(" "),
                        Run("bad", emphasis: .strikethrough), Run(" good")])
        XCTAssertEqual(runs("_it_ __bold__ ***both***"), [Run("it", emphasis: .italic), Run(" "), Run("bold", emphasis: .bold), Run(" "), Run("both", emphasis: .bold)])
        XCTAssertEqual(runs("*a **b** c*"), [Run("a ", emphasis: .italic), Run("b", emphasis: .bold), Run(" c", emphasis: .italic)])
        XCTAssertEqual(runs("e = mc^2 and ^(tiny words) ^^^"), [Run("e = mc2 and tiny words ^^^")])
    }

    func testIntrawordUnderscoresAndUnmatchedMarksStayText() {
        XCTAssertEqual(runs("call snake_case_name now"), [Run("call snake_case_name now")])
        XCTAssertEqual(runs("2 * 3 * 4 and *unclosed and __half"), [Run("2 * 3 * 4 and *unclosed and __half")])
        XCTAssertEqual(runs("~single~ tildes"), [Run("~single~ tildes")])
    }

    func testBackslashEscapes() {
        XCTAssertEqual(runs("\\*not italic\\* and \\_ and \\\\ and \\> and \\q"), [Run("*not italic* and _ and \\ and > and \\q")])
        XCTAssertEqual(lines("\\> not a quote\n\n\\# not a heading\n\n1\\. not a list"), ["> not a quote", "# not a heading", "1. not a list"])
    }

    // MARK: Links

    func testLinksAreNumberedInOrderAndReused() {
        let result = body("See [the docs](https://a.example/docs \"Docs\") and <https://b.example> or https://c.example/x_(y).\n\nAgain [here](https://a.example/docs)")
        XCTAssertEqual(result.links, ["https://a.example/docs", "https://b.example", "https://c.example/x_(y)"])
        XCTAssertEqual(result.blocks[0].runs, [Run("See "), Run("the docs", link: 0), Run(" and "), Run("https://b.example", link: 1),
                                               Run(" or "), Run("https://c.example/x_(y)", link: 2), Run(".")])
        XCTAssertEqual(result.blocks[1].runs, [Run("Again "), Run("here", link: 0)])
    }

    func testBareURLsWwwAndRedditPaths() {
        let result = body("Go to www.example.com, or [sub](/r/swift) or /r/swift and /u/someone.")
        XCTAssertEqual(result.links, ["https://www.example.com", "https://www.reddit.com/r/swift"])
        XCTAssertEqual(result.blocks[0].plainText, "Go to www.example.com, or sub or /r/swift and /u/someone.")
        XCTAssertEqual(body("**https://x.example/a**").blocks[0].runs, [Run("https://x.example/a", emphasis: .bold, link: 0)])
        XCTAssertEqual(body("https://en.wikipedia.org/wiki/A\\_b").links, ["https://en.wikipedia.org/wiki/A_b"])
    }

    func testLinksWithOtherSchemesKeepOnlyTheirText() {
        let result = body("[click me](javascript:alert(1)) and <javascript:alert(1)> [x](data:text/html,hi)")
        XCTAssertEqual(result.links, [])
        XCTAssertEqual(result.blocks[0].plainText, "click me and <javascript:alert(1)> x")
        XCTAssertEqual(body("[mail](mailto:a@b.example)").links, ["mailto:a@b.example"])
    }

    func testLinkTextMayHoldEmphasisAndCode() {
        XCTAssertEqual(runs("[**bold** `code`](https://x.example)"), [Run("bold", emphasis: .bold, link: 0), Run(" ", link: 0), Run("code", emphasis: .code, link: 0)])
        XCTAssertEqual(runs("[not a link] (https://x.example) [also not]"), [Run("[not a link] ("), Run("https://x.example", link: 0), Run(") [also not]")])
    }

    // MARK: Headings, rules, tables

    func testHeadingsAreBoldParagraphsAndRulesBreakBlocks() {
        XCTAssertEqual(body("# Update\nText").blocks, [Block(.paragraph, [Run("Update", emphasis: .bold)]), Block(.paragraph, text: "Text")])
        XCTAssertEqual(body("## *Edit:* thanks ##").blocks, [Block(.paragraph, [Run("Edit: thanks", emphasis: .bold)])])
        XCTAssertEqual(body("Title\n===").blocks, [Block(.paragraph, [Run("Title", emphasis: .bold)])])
        XCTAssertEqual(lines("above\n\n***\n\nbelow\n* * *\nend"), ["above", "* * *", "below", "* * *", "end"])
        XCTAssertEqual(lines("#hashtag stays"), ["#hashtag stays"])
    }

    func testTablesBecomeRowsOfPlainCells() {
        let result = body("Results:\n\n| Name | **Score** |\n|:---|---:|\n| `a` | *10* |\n| b \\| c | [20](https://x.example) |\nafter")
        XCTAssertEqual(result.blocks.count, 3)
        XCTAssertEqual(result.blocks[1].kind, .table)
        XCTAssertEqual(result.blocks[1].rows, [["Name", "Score"], ["a", "10"], ["b | c", "20 [1]"]], "a link's number opens it")
        XCTAssertEqual(body("a | b\n-|-\n1 | 2 | 3\n4").blocks, [Block(.table, [], rows: [["a", "b", ""], ["1", "2", "3"]]), Block(.paragraph, text: "4")])
        XCTAssertEqual(result.blocks[2].plainText, "after")
        XCTAssertEqual(result.links, ["https://x.example"])
        XCTAssertEqual(body("a | b\n--|--\n1 | 2").blocks, [Block(.table, [], rows: [["a", "b"], ["1", "2"]])])
        XCTAssertEqual(body("a | b\n---\n").blocks.first?.kind, .paragraph)
    }

    // MARK: Entities and escaped bodies

    func testEntitiesAreDecodedInText() {
        XCTAssertEqual(runs("a&nbsp;b &quot;q&quot; it&#39;s &#x27;x&#x27; &hellip; &copy; &#128512; &#0; &bogus; & alone"),
                       [Run("a\u{A0}b \"q\" it's 'x' … © 😀 \u{FFFD} &bogus; & alone")])
        XCTAssertEqual(HTMLEntities.decode("&#x110000; &#xD800; &amp;amp; &AMP; &#65"), "\u{FFFD} \u{FFFD} &amp; & &#65")
    }

    /// Bodies as Reddit sends them without `raw_json=1`: `&`, `<`, `>` escaped.
    static func escaped(_ raw: String) -> String {
        raw.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    func testEscapedAndRawBodiesRenderTheSame() {
        let bodies = [
            "> a & b\n\nI agree",
            ">> nested <quote>\n> back",
            "Use `a < b && c > d` here",
            "```\nif (a < b && c > d) { x = \"&\"; }\n<html>\n```",
            "    indented <b>code</b> & more",
            "[search](https://example.com/?q=a&b=c&d=<e>) and https://example.com/?x=1&y=2",
            "<https://example.com/?a=1&b=2>",
            "Fish & chips < steak > salad &mdash; really",
            "| a & b | <c> |\n|---|---|\n| 1 > 0 | x&y |",
            "* item > other\n* R&D <3",
            "Tom &amp; Jerry",
        ]
        for raw in bodies {
            XCTAssertEqual(body(Self.escaped(raw)), body(raw), raw)
        }
        XCTAssertEqual(body("&gt; a &amp;amp; b"), body("> a &amp; b"))
        XCTAssertEqual(lines("&gt; a &amp;amp; b"), ["> a & b"])
        XCTAssertEqual(body(Self.escaped("`<T>`")).blocks[0].runs, [Run("<T>", emphasis: .code)])
    }

    func testControlCharactersFromEntitiesAreLeftForTheSanitizer() {
        let text = body("&#27;[31mred").blocks[0].plainText
        XCTAssertTrue(text.unicodeScalars.contains("\u{1B}"))
        XCTAssertFalse(UntrustedText.sanitize(text).unicodeScalars.contains("\u{1B}"))
    }

    // MARK: Pathological inputs

    func assertFast(_ input: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) -> StoryBody {
        let start = Date()
        let result = body(input)
        let seconds = Date().timeIntervalSince(start)
        // Well under a second in a release build (see the report in docs); unoptimized test builds are
        // several times slower, and the bound is there to catch work that grows with the square of the input.
        #if DEBUG
        XCTAssertLessThan(seconds, 5, name, file: file, line: line)
        #else
        XCTAssertLessThan(seconds, 1, name, file: file, line: line)
        #endif
        return result
    }

    func testDeepNestingIsCappedWithoutRecursion() {
        let quotes = assertFast(String(repeating: ">", count: 100_000) + " deep", "quotes")
        XCTAssertEqual(quotes.blocks.map(\.plainText), ["deep"])
        XCTAssertEqual(quotes.blocks.first?.level, MarkdownBlockParser.maximumDepth - 1)
        let spaced = assertFast(String(repeating: "> ", count: 100_000) + "deep", "spaced quotes")
        XCTAssertEqual(spaced.blocks.map(\.plainText), ["deep"])
        let bullets = assertFast(String(repeating: "- ", count: 100_000) + "x", "bullets on a line")
        XCTAssertEqual(bullets.blocks.count, 1)
        XCTAssertLessThan(bullets.blocks[0].level, MarkdownBlockParser.maximumDepth)
        let indented = (0..<100_000).map { String(repeating: " ", count: 2 * ($0 % 30)) + "- item \($0)" }.joined(separator: "\n")
        let items = assertFast(indented, "indented items")
        XCTAssertEqual(items.blocks.count, 100_000)
        XCTAssertLessThan(items.blocks.map(\.level).max() ?? 0, MarkdownBlockParser.maximumDepth)
    }

    func testLongRunsOfMarksStayLinear() {
        for mark in ["[", "*", "_", "`", "]", "<", "^(", "[a](", "[a](<", "*a ", "**a *b ", "~~", "](", "(", "\\", "&#", "![", "http://"] {
            let input = "x " + String(repeating: mark, count: 100_000 / mark.count + 1) + " end"
            let result = assertFast(input, mark)
            XCTAssertTrue(result.blocks.map(\.plainText).joined().hasSuffix("end"), mark)
        }
        let nested = String(repeating: "*a ", count: 30_000) + String(repeating: " a*", count: 30_000)
        _ = assertFast(nested, "nested emphasis")
        let links = String(repeating: "[a](https://x.example/", count: 30_000) + String(repeating: ")", count: 30_000)
        _ = assertFast(links, "nested destinations")
    }

    func testAMegabyteParagraph() {
        let words = String(repeating: "lorem *ipsum* dolor_sit `amet` [x](https://e.example) ", count: 20_000)
        XCTAssertGreaterThan(words.utf8.count, 1_000_000)
        let result = assertFast(words, "1 MB")
        XCTAssertEqual(result.blocks.count, 1)
        XCTAssertEqual(result.links, ["https://e.example"])
    }

    // MARK: Text is never lost

    func testEveryLetterOfMalformedInputAppears() {
        let inputs = [
            "*unclosed **bold ~~strike `code [link](unfinished",
            "[a [b [c](d e) f] g](h",
            "> quote\n>> deeper\n- list\n  1) num\n```\nfence",
            "| a | b |\n|---|\n| c |",
            "^(unclosed superscript and ^^^carets",
            "<not a link> <https://ok.example <also",
            "__a_b__c_ _d__e *f**g***h",
            // (`&amp m` is not here: HTML decodes that legacy entity without its `;`, as browsers do.)
            "\\\\\\k \\l m &#xZZ; n",
        ]
        for input in inputs {
            let result = body(input)
            let shown = result.blocks.map { $0.plainText }.joined(separator: " ") + " " + result.links.joined(separator: " ")
            for letter in input.filter({ $0.isLetter }) {
                XCTAssertTrue(shown.contains(letter), "\(letter) lost from \(input): \(shown)")
            }
            var counts: [Character: Int] = [:]
            for letter in input where letter.isLetter { counts[letter, default: 0] += 1 }
            var shownCounts: [Character: Int] = [:]
            for letter in shown where letter.isLetter { shownCounts[letter, default: 0] += 1 }
            for (letter, count) in counts {
                XCTAssertGreaterThanOrEqual(shownCounts[letter] ?? 0, count, "\(letter) in \(input): \(shown)")
            }
        }
    }

    // MARK: Speed

    func testAThreadOfBodiesRendersQuickly() {
        let samples = [
            "I've been using this for a year now and honestly it's great. The only thing I'd change is the price.",
            "> Has anyone tried the new version?\n\nYes, it's *much* faster. See [the changelog](https://example.com/changes?a=1&amp;b=2).",
            "Steps:\n\n1. Open settings\n2. Turn it **off**\n3. Restart\n\nEdit: typo",
            "This.\n\nSo much this.",
            "`brew install foo` worked for me &amp; my team, ymmv",
        ]
        var thread: [String] = []
        var size = 0
        while size < 400_000 {
            let sample = samples[thread.count % samples.count]
            thread.append(sample)
            size += sample.utf8.count
        }
        let start = Date()
        var blocks = 0
        for text in thread { blocks += body(text).blocks.count }
        let seconds = Date().timeIntervalSince(start)
        XCTAssertGreaterThan(blocks, thread.count)
        // Debug builds are many times slower than release; this bounds only gross mistakes.
        XCTAssertLessThan(seconds, 5)
        print("400 KB thread of \(thread.count) bodies: \(Int(seconds * 1000)) ms")
    }
}
