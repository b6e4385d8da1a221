import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Edge cases found in review: each failed before its fix.
final class ReviewRegressionTests: XCTestCase {
    func story(_ id: String, body: StoryBody = ["Body."], comments: [(depth: Int, text: String)]) -> Story {
        UIFixtures.story(id, body: body, comments: comments)
    }

    func readCount(_ state: AppState, _ story: Story) -> Int {
        story.comments.filter { state.readState.isCommentRead($0.id, in: story.id) }.count
    }

    func testNextUnreadWithNoStories() {
        var state = AppState(stories: [], width: 80, height: 24)
        state.press(.character("n"), .down, .enter, .tab, .character("r"))
        XCTAssertEqual(state.message, "No story is open", "r says why it does nothing")
        _ = state.render()
    }

    func testTheEndOfALongStoryTextCanBeReached() {
        let body = (0..<30).map { "Paragraph \($0) " + String(repeating: "x", count: 79 - "Paragraph \($0) ".count) }
        var state = AppState(stories: [story("long", body: StoryBody(paragraphs: body), comments: [])], width: 80, height: 24)
        state.press(.tab, .end)
        XCTAssertTrue(state.render().text.contains("Paragraph 29"))
    }

    func testABlankRowAboveACommentDoesNotMarkItRead() {
        let comments = [(0, "top")] + (0..<20).map { (1, "reply \($0)") } + [(0, "second thread")]
        let tall = story("threads", comments: comments)
        var state = AppState(stories: [tall], width: 80, height: 24)  // comment pane: 22 rows
        state.press(.enter)
        XCTAssertFalse(state.readState.isCommentRead(tall.comments[21].id, in: tall.id))
        XCTAssertEqual(readCount(state, tall), 21)
    }

    func testAnExactFitNeverMarksAHiddenCommentRead() {
        let many = story("many", comments: (0..<61).map { (0, "comment \($0)") })
        var state = AppState(stories: [many], width: 80, height: 24)
        state.press(.enter, .end)
        let screen = state.render().text
        // Every comment marked read by the jump to the end is one whose text is on screen, or one seen before.
        let marked = many.comments.indices.filter { state.readState.isCommentRead(many.comments[$0].id, in: many.id) }
        for index in marked where index > 20 { XCTAssertTrue(screen.contains("comment \(index)"), "comment \(index)") }
    }

    func testAfterAResizeTheSelectionStaysOnScreen() {
        let long = String(repeating: "word ", count: 50)
        let thread = story("resize", comments: [(0, long)] + (0..<30).map { (1, "reply \($0)") })
        var state = AppState(stories: [thread], width: 60, height: 24)
        state.press(.enter)
        for _ in 0..<21 { state.press(.down) }
        state.resize(width: 300, height: 24)
        state.press(.down, .down)
        let selected = state.selectedComment!
        XCTAssertTrue(state.render().text.contains(thread.comments[selected].text), "selected comment on screen")
        XCTAssertTrue(state.readState.isCommentRead(thread.comments[selected].id, in: thread.id))
    }

    func testEveryLineOfATallCommentCanBeRead() {
        let words = (0..<1500).map { "w\($0)" }
        let tall = story("tall", comments: [(0, words.joined(separator: " ")), (0, "after")])
        var state = AppState(stories: [tall], width: 80, height: 24)
        state.press(.enter)
        var seen = Set<String>()
        for _ in 0..<200 {
            for word in state.render().text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" }) { seen.insert(String(word)) }
            state.press(.down)
        }
        XCTAssertEqual(state.selectedComment, 1, "the selection reaches the next comment after the tall one")
        XCTAssertTrue(words.allSatisfy(seen.contains), "\(words.filter { !seen.contains($0) }.count) words never shown")
        state.press(.up)
        XCTAssertEqual(state.selectedComment, 0)
        state.press(.pageDown, .pageDown, .pageUp)
        XCTAssertEqual(state.selectedComment, 0)
    }

    func testNextUnreadFromTheTextPaneOpensTheStory() {
        let first = story("a", comments: [(0, "x")]), second = story("b", comments: [(0, "y")])
        var state = AppState(stories: [first, second], width: 120, height: 30)
        state.press(.tab, .character("n"))
        XCTAssertEqual(state.selectedStory, 0, "the selected story's unread comment first")
        XCTAssertEqual(state.focus, .comments)
        state.press(.character("n"))
        XCTAssertEqual(state.selectedStory, 1)
        XCTAssertTrue(state.readState.isStoryRead("b"))
    }
}
