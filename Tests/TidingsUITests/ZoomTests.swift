import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// `z` zooms: the focused pane alone fills the screen (an article read at the terminal's full width, a long
/// thread with every row), Tab and Esc go on to the other panes one at a time, `z` again shows them all.
final class ZoomTests: XCTestCase {
    static let longLine = (1...30).map { "word\($0)" }.joined(separator: " ")

    func reader(width: Int, height: Int) -> AppState {
        let story = StoryBuilder.story("A long article", body: StoryBody(paragraphs: [Self.longLine]), comments: [(0, "a reply"), (1, "another")])
        return AppState(stories: [story, StoryBuilder.story("Second", comments: [])], width: width, height: height)
    }

    func testTheFocusedPaneFillsTheScreenUntilZAgain() {
        for (width, height) in [(120, 40), (80, 24), (60, 20), (30, 8)] {
            let size = "\(width)x\(height)"
            var state = reader(width: width, height: height)
            state.press(.tab)
            XCTAssertEqual(state.focus, .text, size)
            state.press(.character("z"))
            XCTAssertTrue(state.zoomed, size)
            var layout = state.layout
            XCTAssertEqual(layout.storyText, Rect(x: 0, y: 1, width: width, height: height - 2), size)
            XCTAssertNil(layout.storyList, size)
            XCTAssertNil(layout.comments, size)
            XCTAssertNil(layout.divider, size)
            var screen = state.render().text
            XCTAssertFalse(screen.contains("│"), "\(size): no divider\n\(screen)")
            if width >= 60 { XCTAssertTrue(screen.contains("One pane at a time: z shows them all again"), "\(size)\n\(screen)") }
            if width >= 120 { XCTAssertTrue(screen.contains("word1 word2") && screen.contains("word16"), "\(size): the full width\n\(screen)") }
            // Tab: the comments, alone; Esc: the list, alone.
            state.press(.tab)
            layout = state.layout
            XCTAssertEqual(layout.comments, Rect(x: 0, y: 1, width: width, height: height - 2), size)
            XCTAssertNil(layout.storyText, size)
            screen = state.render().text
            XCTAssertTrue(screen.contains("a reply"), size)
            state.press(.escape)
            XCTAssertEqual(state.focus, .stories, size)
            layout = state.layout
            XCTAssertEqual(layout.storyList, Rect(x: 0, y: 1, width: width, height: height - 2), size)
            XCTAssertNil(layout.storyText, size)
            XCTAssertTrue(state.render().text.contains("Second"), size)
            // A click in the zoomed list selects, as anywhere.
            XCTAssertEqual(layout.region(x: 3, y: 2), .pane(.stories, row: 1), size)
            state.press(.character("z"))
            XCTAssertFalse(state.zoomed, size)
            XCTAssertEqual(state.layout, Layout(width: width, height: height, focus: .stories), "\(size): every pane again")
        }
    }
}
