import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Without colour (`NO_COLOR`, or a terminal that has none) no cell carries a colour, yet focus,
/// selection, unread stories and comments, quotes, links and problems still differ by their attributes.
final class MonochromeScreenTests: XCTestCase {
    static let sizes = [(80, 24), (30, 8)]

    func testNoColorIsAnyNonEmptyValueAndATerminalWithoutColoursIsTheSame() {
        XCTAssertEqual(ColorMode.choose(noColor: nil, terminalHasColors: true), .color)
        XCTAssertEqual(ColorMode.choose(noColor: "", terminalHasColors: true), .color, "an empty NO_COLOR does not count")
        for value in ["1", "0", "false", " "] {
            XCTAssertEqual(ColorMode.choose(noColor: value, terminalHasColors: true), .monochrome, "NO_COLOR=\(value)")
        }
        XCTAssertEqual(ColorMode.choose(noColor: nil, terminalHasColors: false), .monochrome)
        XCTAssertEqual(ColorMode.choose(noColor: "", terminalHasColors: false), .monochrome)
    }

    func testEveryRoleStillStandsOutWithoutItsColour() {
        for role in ColorRole.allCases {
            let mapped = Monochrome.style(Style(color: role))
            XCTAssertEqual(mapped.color, .plain, "\(role)")
            if role != .plain { XCTAssertNotEqual(mapped, .plain, "\(role) would look like plain text") }
            // Dim styles (guides, quote bars) keep dim alone: bold and dim together differ between terminals.
            XCTAssertEqual(Monochrome.style(Style(color: role, dim: true)), .dim, "\(role) dim")
        }
        XCTAssertNotEqual(Monochrome.style(.warning), Monochrome.style(Style(color: .accent, bold: true)),
                          "a problem differs from the heading it is listed under")
        XCTAssertEqual(Monochrome.style(.fresh), .bold, "unread markers and new counts are bold")
        XCTAssertEqual(Monochrome.style(.status), .status, "the status line is reversed already")
        XCTAssertEqual(Monochrome.style(.marker), .reverse)
    }

    /// The story list focused: the first story read (opened, then left), the second selected, the third unread.
    func storyListState(width: Int, height: Int) -> AppState {
        var state = UIFixtures.state(width: width, height: height)
        state.colorMode = .monochrome
        state.press(.enter, .escape, .down)
        XCTAssertEqual(state.focus, .stories)
        XCTAssertEqual(state.selectedStory, 1)
        return state
    }

    func testTheStoryListShowsSelectionUnreadAndReadByAttributes() throws {
        for (width, height) in Self.sizes {
            var state = storyListState(width: width, height: height)
            let screen = state.render()
            Snapshot.assert(screen, named: "monochrome-\(width)x\(height)-stories")
            assertNoColour(screen, "\(width)x\(height)")
            let rows = screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let read = try XCTUnwrap(rows.firstIndex { $0.contains("Harbour ferry") })
            let selected = try XCTUnwrap(rows.firstIndex { $0.contains("東京") })
            // The focused pane's selection is reversed, and bold while unread, its `●` too.
            XCTAssertEqual(screen[0, selected].text, "●")
            XCTAssertEqual(screen[0, selected].style, Style(bold: true, reverse: true))
            XCTAssertEqual(screen[2, selected].style, Style(bold: true, reverse: true))
            // A read story: plain, no marker.
            XCTAssertEqual(screen[0, read].text, " ")
            XCTAssertEqual(screen[2, read].style, .plain)
            if height > 8 {
                let unread = try XCTUnwrap(rows.firstIndex { $0.contains("A quiet week") })
                XCTAssertEqual(screen[0, unread].text, "●")
                XCTAssertEqual(screen[0, unread].style, .bold)
                XCTAssertEqual(screen[2, unread].style, .bold)
            }
            // The focused pane's title is reversed; the status line too.
            XCTAssertTrue(screen[1, 0].style.reverse && screen[1, 0].style.bold)
            XCTAssertTrue(screen[1, height - 1].style.reverse)
        }
    }

    func testTheUnfocusedPanesSelectionIsUnderlinedAndNewCountsAreBold() throws {
        // Side by side (the one-pane layout of 80x24 shows only the focused pane).
        var state = UIFixtures.state(width: 120, height: 30)
        state.colorMode = .monochrome
        state.press(.down, .enter)  // the second story's comments focused; the list keeps its selection
        XCTAssertEqual(state.focus, .comments)
        let screen = state.render()
        Snapshot.assert(screen, named: "monochrome-120x30-comments")
        assertNoColour(screen, "comments")
        let title = try XCTUnwrap(cell(of: "Stories 2/3", in: screen))
        XCTAssertEqual(screen[title.x, title.y].style, Style(bold: true, underline: true), "an unfocused title: not reversed")
        let selected = try XCTUnwrap(cell(of: "東京", in: screen))
        XCTAssertEqual(screen[selected.x, selected.y].style, Style(underline: true), "the unfocused pane's selection, read now")
        let ferry = try XCTUnwrap(cell(of: "Harbour ferry", in: screen))
        let newCount = try XCTUnwrap(cell(of: "6 new", in: screen))
        XCTAssertEqual(newCount.y, ferry.y)
        XCTAssertEqual(screen[newCount.x, newCount.y].style, .bold, "a new-comment count")
        let oldCount = try XCTUnwrap(cell(of: "0 │", in: screen))
        XCTAssertEqual(screen[oldCount.x, oldCount.y].style, .dim, "a count with nothing new")
        // The open story's first comment: unread marker bold, its row reversed in the focused pane.
        let comment = try XCTUnwrap(cell(of: "● kaori", in: screen))
        XCTAssertEqual(screen[comment.x, comment.y].style, Style(bold: true, reverse: true))
        XCTAssertEqual(screen[comment.x + 2, comment.y].style, Style(bold: true, reverse: true))
    }

    func testQuotedMailIsDimAndTheBarsCountTheLevels() throws {
        for (width, height) in Self.sizes {
            var state = MailFixtures.state(width: width, height: height)
            state.colorMode = .monochrome
            state.press(.enter)
            for _ in 0..<40 where state.selectedComment != 0 { state.press(.down) }
            let screen = state.render()
            Snapshot.assert(screen, named: "monochrome-\(width)x\(height)-mail")
            assertNoColour(screen, "mail \(width)x\(height)")
            let rows = screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let quoted = try XCTUnwrap(rows.firstIndex { $0.contains("│ here is") })
            let bar = try XCTUnwrap((0..<width).first { screen[$0, quoted].text == "│" })
            XCTAssertEqual(screen[bar, quoted].style, .dim)
            XCTAssertEqual(screen[bar + 2, quoted].style, .dim, "quoted text")
            if let own = rows.firstIndex(where: { $0.contains("May is fine") && !$0.contains("│") }) {
                let start = try XCTUnwrap((0..<width).first { screen[$0, own].text == "M" })
                XCTAssertEqual(screen[start, own].style, .plain, "the writer's own text")
            }
        }
        // Carol quotes two levels: one bar per level, all the same dim, so the count tells them apart.
        var state = MailFixtures.state(width: 80, height: 24)
        state.colorMode = .monochrome
        state.press(.enter)
        for _ in 0..<40 where state.selectedComment != 1 { state.press(.down) }
        let screen = state.render()
        let rows = screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let nested = try XCTUnwrap(rows.firstIndex { $0.contains("│ │ here is the plan:") })
        XCTAssertEqual(screen[4, nested].style, .dim)
        XCTAssertEqual(screen[6, nested].style, .dim)
        XCTAssertTrue(rows[nested + 1].contains("│ ▌ │ May is fine"), "the outer level has one bar: \(rows[nested + 1])")
    }

    func testPagesAndTheTooSmallScreenHaveNoColourEither() {
        var state = UIFixtures.state(width: 80, height: 24)
        state.colorMode = .monochrome
        state.press(.character("?"))
        let help = state.render()
        assertNoColour(help, "help")
        XCTAssertEqual(help[2, 2].style, .bold, "a section heading")
        state.press(.escape)
        state.resize(width: 20, height: 5)
        let small = state.render()
        assertNoColour(small, "too small")
        XCTAssertEqual(small[0, 0].style, Style(bold: true, underline: true), "the warning")
        // Back in colour, the same screens have their colours again: the mode is only applied when drawn.
        state.colorMode = .color
        XCTAssertEqual(state.render()[0, 0].style, .warning)
    }

    func testLinksCodeAndFoldedThreadsStandOutWithoutColour() throws {
        var state = UIFixtures.state(width: 120, height: 30)
        state.colorMode = .monochrome
        state.press(.enter, .left)  // the first thread folded: `[+4] mira · …`
        let screen = state.render()
        assertNoColour(screen, "folded")
        let folded = try XCTUnwrap(cell(of: "[+4] mira", in: screen))
        XCTAssertEqual(screen[folded.x, folded.y].style, Style(bold: true, reverse: true), "the folded thread, selected")
        let about = try XCTUnwrap(cell(of: "Local News", in: screen))
        XCTAssertEqual(screen[about.x, about.y].style, .bold, "the story's category and author")
        // A link number and its target, as the story text lists them.
        let lines = BodyLayout.linkLines(["https://example.com"], firstNumber: 1, width: 40)
        var linkScreen = ScreenBuffer(width: 40, height: 1)
        var x = 0
        for span in lines[0].spans { x += linkScreen.write(span.text, x: x, y: 0, style: span.style) }
        linkScreen.restyle(Monochrome.style)
        XCTAssertEqual(linkScreen[0, 0].style, .bold, "[1]")
        XCTAssertEqual(linkScreen[4, 0].style, Style(bold: true, underline: true), "the target")
        XCTAssertEqual(Monochrome.style(BodyLayout.style(for: .code, in: .paragraph)), .bold, "inline code")
    }

    /// Where `text` starts on screen, in cells (wide characters take two).
    private func cell(of text: String, in screen: ScreenBuffer) -> (x: Int, y: Int)? {
        let wanted = Array(text)
        for y in 0..<screen.height {
            let cells = (0..<screen.width).filter { !screen[$0, y].isContinuation }.map { (x: $0, text: screen[$0, y].text) }
            for start in cells.indices where start + wanted.count <= cells.count {
                if (0..<wanted.count).allSatisfy({ cells[start + $0].text == String(wanted[$0]) }) { return (cells[start].x, y) }
            }
        }
        return nil
    }

    private func assertNoColour(_ screen: ScreenBuffer, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let coloured = screen.cells.filter { $0.style.color != .plain }
        XCTAssertTrue(coloured.isEmpty, "\(what): \(coloured.count) cells in colour", file: file, line: line)
    }
}
