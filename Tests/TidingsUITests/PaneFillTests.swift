import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// A pane made taller shows the rows above its end rather than blank rows below it: the list, the story
/// text and the comments alike, as End at the new size would show them.
final class PaneFillTests: XCTestCase {
    /// Comments of a few heights, some nested, far more than a small pane holds.
    static let thread = UIFixtures.story("long", body: StoryTextResizeTests.body, comments: (0..<40).map { index in
        (depth: index % 3, text: (0..<(index % 4 * 9 + 3)).map { "c\(index)w\($0)" }.joined(separator: " "))
    })

    func testTheCommentsFillThePaneFromBelowAfterAResize() {
        for (width, height) in [(100, 30), (80, 24), (120, 40)] {
            var state = AppState(stories: [Self.thread], width: 30, height: 8)
            state.press(.enter, .end)
            XCTAssertEqual(state.selectedComment, Self.thread.comments.count - 1)
            state.resize(width: width, height: height)
            _ = state.render()
            var fresh = AppState(stories: [Self.thread], width: width, height: height)
            fresh.press(.enter, .end)
            XCTAssertEqual(state.commentPane.top, fresh.commentPane.top, "\(width)x\(height): the top comment End shows")
            XCTAssertEqual(state.commentPane.topLine, fresh.commentPane.topLine, "\(width)x\(height)")
            let rows = state.commentsOnScreen(height: state.commentPaneHeight).map(\.lines.count).reduce(0, +)
            XCTAssertEqual(rows, state.commentPaneHeight, "\(width)x\(height): no blank rows below the last comment")
        }
    }

    func testAFoldClosedAtTheEndBringsBackTheCommentsAbove() {
        var state = AppState(stories: [Self.thread], width: 80, height: 24)
        state.press(.enter, .end)
        // The last thread with replies: folded, the thread ends a few rows under it.
        let comments = Self.thread.comments
        guard let folded = comments.indices.dropLast().last(where: { comments[$0].depth == 0 && comments[$0 + 1].depth > 0 }) else {
            return XCTFail("no thread with replies")
        }
        state.selectComment(folded)
        state.press(.left)
        _ = state.render()
        XCTAssertTrue(state.thread?.isCollapsed(folded) == true)
        let shown = state.commentsOnScreen(height: state.commentPaneHeight)
        XCTAssertEqual(shown.map(\.lines.count).reduce(0, +), state.commentPaneHeight, "the pane is full after the fold")
        XCTAssertEqual(shown.last?.index, comments.count - 1)
        XCTAssertTrue(shown.contains { $0.index == folded }, "the folded comment still on screen")
    }

    func testTheStoryTextAndTheListFillThePaneFromBelowAfterAResize() {
        let stories = (0..<60).map { UIFixtures.story("s\($0)", body: StoryTextResizeTests.body, comments: [(0, "a comment")]) }
        var state = AppState(stories: stories, width: 30, height: 8)
        state.press(.end)
        state.resize(width: 100, height: 30)
        _ = state.render()
        guard let list = state.layout.storyList else { return XCTFail("no list") }
        XCTAssertEqual(state.storyList.top, stories.count - list.height, "the list's last row on the pane's last row")

        state.resize(width: 30, height: 8)
        state.press(.character(" "), .end)
        XCTAssertEqual(state.focus, .text)
        state.resize(width: 100, height: 30)
        _ = state.render()
        guard let body = state.layout.storyTextBody else { return XCTFail("no text pane") }
        XCTAssertEqual(state.textTop, state.storyTextLines(width: body.width).count - body.height, "the text's end on the last row")
    }
}
