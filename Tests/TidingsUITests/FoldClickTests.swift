import TidingsModel
import TidingsTestSupport
import XCTest
@testable import TidingsUI

/// A click on a folded comment's `[+N]` opens its replies; a click elsewhere on its row only selects it.
final class FoldClickTests: XCTestCase {
    static let story = UIFixtures.story("folds", comments: [(depth: 0, text: "alpha"), (depth: 1, text: "alpha reply"),
                                                            (depth: 2, text: "deeper"), (depth: 0, text: "bravo"),
                                                            (depth: 1, text: "bravo reply")])

    func folded(width: Int, height: Int) -> AppState {
        var state = AppState(stories: [Self.story], width: width, height: height)
        state.press(.enter, .character("C"))
        return state
    }

    /// The screen row and column of the `[+N]` on the row that also shows `text`.
    func marker(_ state: inout AppState, on text: String) -> (x: Int, y: Int)? {
        let screen = state.render()
        for y in 0..<screen.height {
            let row = screen.row(y)
            guard row.contains(text), let open = row.range(of: "[+") else { continue }
            return (row.distance(from: row.startIndex, to: open.lowerBound), y)
        }
        return nil
    }

    func testAClickOnTheMarkerOpensTheFold() throws {
        for (width, height) in [(80, 24), (120, 40), (30, 8)] {
            var state = folded(width: width, height: height)
            let bravo = try XCTUnwrap(marker(&state, on: "bravo"), "\(width)x\(height)")
            // Beside the marker: selected, still folded.
            _ = state.update(.mouse(MouseEvent(.click, x: bravo.x + 5, y: bravo.y)))
            XCTAssertEqual(state.selectedComment, 3, "\(width)x\(height)")
            XCTAssertTrue(state.thread?.isCollapsed(3) == true)
            // On the marker: open.
            _ = state.update(.mouse(MouseEvent(.click, x: bravo.x + 1, y: bravo.y)))
            XCTAssertTrue(state.thread?.isCollapsed(3) == false, "\(width)x\(height)")
            XCTAssertTrue(state.render().text.contains("bravo reply"), "\(width)x\(height)")
            XCTAssertTrue(state.thread?.isCollapsed(0) == true, "the other fold stays")
        }
    }
}
