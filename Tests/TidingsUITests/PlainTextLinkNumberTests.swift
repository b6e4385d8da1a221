import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// The addresses in mail and news text show their numbers where they stand (`https://…[1]`), as HTML
/// links do, in text, quotes and signatures, with the writer's lines kept; a click on a number opens its
/// address; the text cannot forge a number.
final class PlainTextLinkNumberTests: XCTestCase {
    static let text = """
        Patch at https://lists.example.org/p/1, see also www.example.com.
        Second line   with    its spaces.

        > Earlier: https://lists.example.org/p/1
        > and a second quoted line
        -- 
        Ann  https://ann.example/
        """

    static func comment(_ text: String) -> Comment {
        var story = StoryBuilder.story("mail", body: [], comments: [(0, "x")])
        story.comments[0].body = MailText.body(text)
        return story.comments[0]
    }

    func rows(_ text: String, width: Int) -> [StyledLine] { CommentBody.lines(of: Self.comment(text), width: width) }

    func testNumbersStandAfterTheAddressesAndNothingIsListedAgain() {
        let lines = rows(Self.text, width: 80)
        XCTAssertEqual(lines.map(\.text), [
            "Patch at https://lists.example.org/p/1[1], see also www.example.com[2].",
            "Second line   with    its spaces.",
            "",
            "│ Earlier: https://lists.example.org/p/1[1]",
            "│ and a second quoted line",
            "--",
            "Ann  https://ann.example/[3]",
        ])
        let numbers = lines.flatMap { $0.spans.filter { $0.link != nil } }
        XCTAssertEqual(numbers.map(\.text), ["[1]", "[2]", "[1]", "[3]"])
        XCTAssertEqual(numbers.map(\.link), [1, 2, 1, 3])
        XCTAssertTrue(numbers.allSatisfy { $0.style == .accent })
        // The text around a number keeps its style: dim in a quote and the signature.
        XCTAssertEqual(lines[3].spans.map(\.text), ["│ ", "Earlier: https://lists.example.org/p/1", "[1]"])
        XCTAssertTrue(lines[3].spans[1].style.dim)
        XCTAssertTrue(lines[6].spans[0].style.dim)
    }

    func testNarrowPanesWrapTheLinesWithTheirNumbers() {
        for width in [30, 12, 5, 1] {
            let lines = rows(Self.text, width: width)
            for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line.text), width, "\(width): \(line.text)") }
            let shown = lines.map(\.text).joined()
            XCTAssertFalse(shown.contains("\u{E000}"), "\(width): the stand-in for a number's bracket never shows")
            // Every piece of a number opens it, also one broken over two rows.
            let numbers = lines.flatMap { $0.spans.filter { $0.style == .accent } }
            XCTAssertTrue(numbers.allSatisfy { $0.link != nil }, "\(width)")
            XCTAssertEqual(Set(numbers.compactMap(\.link)), [1, 2, 3], "\(width)")
        }
        // A number cut by a row end (in an address longer than the row): both its parts open it.
        let cut = rows("https://example.org/abcdefgh", width: 30)
        XCTAssertEqual(cut.map(\.text), ["https://example.org/abcdefgh[1", "]"])
        XCTAssertEqual(cut.flatMap { $0.spans.compactMap(\.link) }, [1, 1])
        let many = (1...12).map { "https://h\($0).example.org/" }.joined(separator: "\n")
        let twoDigits = rows(many, width: 26)
        XCTAssertEqual(twoDigits.suffix(2).map(\.text), ["https://h12.example.org/[1", "2]"])
        XCTAssertEqual(twoDigits.suffix(2).flatMap { $0.spans.compactMap(\.link) }, [12, 12])
    }

    func testTheTextCannotForgeANumber() {
        let lines = rows("click \u{E000}1] here https://real.example/", width: 60)
        XCTAssertEqual(lines.map(\.text), ["click \u{FFFD}1] here https://real.example/[1]"])
        XCTAssertEqual(lines[0].spans.compactMap(\.link), [1])
    }

    func testAClickOnANumberInMailTextOpensItsAddress() {
        var story = StoryBuilder.story("mail", body: MailText.body("Read https://story.example/a first."), comments: [(0, "x")])
        story.comments[0].body = MailText.body(Self.text)
        var state = AppState(stories: [story], width: 80, height: 24)
        let screen = state.render()
        guard let y = (0..<screen.height).first(where: { screen.row($0).contains("story.example/a[1]") }),
              let range = screen.row(y).range(of: "[1]") else { return XCTFail("no number in the story text:\n\(screen.text)") }
        let x = DisplayWidth.of(String(screen.row(y)[..<range.lowerBound]))
        XCTAssertEqual(state.update(.mouse(MouseEvent(.click, x: x + 1, y: y))), [.openURL("https://story.example/a")])
        XCTAssertFalse(screen.text.contains("[1] https://story.example/a"), "not listed again under the text")
    }
}

extension PlainTextLinkNumberTests {
    /// A message with no text says so, dimmed, as a story without text does; not an empty row.
    func testAMessageWithoutTextSaysSo() {
        let lines = rows("\n\n", width: 40)
        XCTAssertEqual(lines.map(\.text), ["(no text)"])
        XCTAssertEqual(lines.first?.spans.first?.style.dim, true)
    }
}

extension PlainTextLinkNumberTests {
    /// An interleaved reply keeps its writer's rows: no blank row between `Ann wrote:` and the quote under
    /// it, or between the quote and the answer right after it; one where the writer left an empty line.
    func testMailBlocksOnAdjacentLinesHaveNoBlankRowBetweenThem() {
        let text = "Ann wrote:\n> > deeper\n> the question\nMy answer.\n\n> another\n\nSecond answer.\nSignature below:\n-- \nBob"
        XCTAssertEqual(rows(text, width: 40).map(\.text), [
            "Ann wrote:", "│ │ deeper", "│ the question", "My answer.", "", "│ another", "", "Second answer.", "Signature below:",
            "--", "Bob",
        ])
    }
}
