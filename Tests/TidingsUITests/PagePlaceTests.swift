import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// The help and the problem list keep their place on a resize: the line at the top stays at the top
/// (found by its words, as the story text and the comments keep theirs), not the row number.
final class PagePlaceTests: XCTestCase {
    /// The first letters and digits from the page's top row on, as rows at different widths share them.
    func topWords(_ state: inout AppState) -> String {
        let lines = state.pageLines()
        XCTAssertLessThan(state.pageTop, lines.count)
        return String(lines[state.pageTop...].flatMap(WrapAnchor.wordCharacters).prefix(16))
    }

    /// The first page row drawn on screen.
    func topRow(_ state: inout AppState) -> String {
        state.render().row(0).trimmingCharacters(in: .whitespaces)
    }

    func testTheHelpKeepsTheEntryAtItsTopOnAResize() {
        var state = UIFixtures.state(width: 80, height: 24)
        state.press(.character("?"), .character(" "))
        XCTAssertGreaterThan(state.pageTop, 0)
        let words = topWords(&state)
        let row = topRow(&state)
        XCTAssertFalse(words.isEmpty, "the page starts at an entry: \(row)")
        state.resize(width: 30, height: 8)
        XCTAssertEqual(topWords(&state), words, "at 30x8 the same entry starts the page: \(topRow(&state))")
        state.resize(width: 80, height: 24)
        XCTAssertEqual(topRow(&state), row, "back at 80x24: the page as it was")
        for (width, height) in [(45, 12), (120, 40), (60, 20)] {
            state.resize(width: width, height: height)
            XCTAssertEqual(topWords(&state), words, "\(width)x\(height): \(topRow(&state))")
        }
    }

    /// Scrolling makes a new place: the next resize keeps the line scrolled to, on the row that holds its
    /// first words (the start of an entry whose description wraps at one width and not at the other).
    func testAPageScrolledAfterAResizeKeepsTheNewPlace() {
        var state = UIFixtures.state(width: 80, height: 24)
        state.press(.character("?"), .character(" "))
        state.resize(width: 30, height: 8)
        state.press(.down, .down, .down)
        let words = topWords(&state)
        state.resize(width: 80, height: 24)
        let lines = state.pageLines()
        XCTAssertTrue(String(WrapAnchor.wordCharacters(lines[state.pageTop])).contains(words.prefix(6)), topRow(&state))
        XCTAssertFalse(String(WrapAnchor.wordCharacters(lines[state.pageTop - 1])).contains(words.prefix(6)))
    }

    func testTheProblemListKeepsItsTopLineOnAResize() {
        let problems = (0..<30).map { LoadProblem(path: "folder/file number \($0) of the broken ones.json", failure: .malformed("truncated JSON \($0)")) }
        var state = AppState(stories: UIFixtures.stories, problems: problems, width: 80, height: 24)
        state.press(.character("p"), .character(" "))
        XCTAssertGreaterThan(state.pageTop, 0)
        let words = topWords(&state)
        let row = topRow(&state)
        state.resize(width: 30, height: 8)
        XCTAssertEqual(topWords(&state), words, topRow(&state))
        state.resize(width: 80, height: 24)
        XCTAssertEqual(topRow(&state), row)
    }
}
