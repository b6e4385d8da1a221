import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// What the screen shows: nothing that matters cut, focus visible, where you are. Each failed before its fix.
final class ReaderScreenTests: XCTestCase {
    func flowing(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    func statusRow(_ screen: ScreenBuffer) -> String { screen.row(screen.height - 1) }

    func testALongMessageSaysWhereItsFullTextIsAndStaysInTheProblemList() {
        var state = UIFixtures.state(width: 80, height: 24)
        let text = "Unreadable state file (expected a JSON object at byte 0) moved to /home/reader/.local/state/tidings/state.json.corrupt-20261125T194000Z; starting with nothing read"
        state.reportSessionProblem(text)
        let status = statusRow(state.render())
        XCTAssertTrue(status.contains("… (p: all)"), status)
        state.press(.down)
        XCTAssertFalse(statusRow(state.render()).contains("Unreadable"), "a message lasts until the next key")
        XCTAssertTrue(statusRow(state.render()).contains("1 problem: p"), "the status line counts the state problem")
        state.press(.character("p"))
        let page = flowing(state.render().text)
        XCTAssertTrue(page.contains(text), "the full message is in the problem list:\n\(page)")
        XCTAssertTrue(page.contains("Read state"))
    }

    func testTheProblemListWrapsEveryReasonInFull() {
        let path = "/home/reader/saved/" + String(repeating: "very-long-folder-name/", count: 6) + "story.txt"
        let reason = "the file is not UTF-8, UTF-16 or Windows-1252 text and could not be read as a story"
        var state = AppState(stories: UIFixtures.stories, problems: [LoadProblem(path: path, reason: reason)], width: 60, height: 20)
        state.press(.character("p"))
        let screen = state.render()
        Snapshot.assertRowsFit(screen)
        let page = flowing(screen.text)
        XCTAssertTrue(page.contains(reason), page)
        XCTAssertTrue(screen.text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
            .contains(path.replacingOccurrences(of: " ", with: "")), "the whole path is there, wrapped")
        XCTAssertFalse(screen.text.contains("…"))
    }

    func testTitlesDropWholePartsAndCutsShowAnEllipsis() {
        let thread = UIFixtures.story("A story", comments: [(0, "one")] + (0..<12).map { (1, "reply \($0)") } + [(0, "two")])
        for width in 30...120 {
            var state = AppState(stories: [thread], width: width, height: 8)
            state.press(.enter, .left)  // collapsed: "(14 in all)" appears
            let screen = state.render()
            let area = state.layout.commentsTitle!
            let title = (area.x..<area.maxX).map { screen[$0, area.y].text }.joined().trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(title.hasPrefix("Comments"), title)
            let unread = state.readState.unreadCount(of: thread)
            if unread > 0 { XCTAssertTrue(title.contains("\(unread) new"), "width \(width): \(title)") }
            XCTAssertFalse(title.hasSuffix("· \(unread)"), "width \(width): a count without its word")
        }
    }

    func testStatusHintsAreDroppedWholeNeverCut() {
        let known = ["↑↓ move", "Enter open", "n next unread", "Tab pane", "↑↓ scroll", "Enter comments", "←→ fold",
                     "r read", "Esc stories", "← stories", "/ search", "F search", "? help", "q quit"]
        for width in 30...130 {
            for keys in [[KeyPress](), [.tab], [.tab, .tab]] {
                var state = UIFixtures.state(width: width, height: 10)
                state.press(.escape)  // no message
                for key in keys { state.press(key) }
                state.message = nil
                let status = statusRow(state.render()).trimmingCharacters(in: .whitespaces)
                let parts = status.components(separatedBy: " · ").flatMap { $0.components(separatedBy: "  ") }
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                XCTAssertFalse(parts.isEmpty)
                for part in parts { XCTAssertTrue(known.contains(part), "width \(width): '\(part)' in '\(status)'") }
            }
        }
    }

    func testTheFocusedPaneStandsOutAndASelectedCommentIsNotAnInvertedBlock() {
        let long = (0..<80).map { "word\($0)" }.joined(separator: " ")
        let thread = UIFixtures.story("Focus", comments: [(0, long), (0, "second")])
        var state = AppState(stories: [thread, UIFixtures.stories[0]], width: 120, height: 30)
        var screen = state.render()
        XCTAssertTrue(screen[3, 1].style.reverse, "the focused list's selection is reversed")
        state.press(.enter)
        screen = state.render()
        XCTAssertFalse(screen[3, 1].style.reverse, "the unfocused list's selection is not reversed")
        XCTAssertTrue(screen[3, 1].style.underline, "but it is still marked")
        let left = state.layout.comments!.x
        // First line of the selected comment: reversed; its other lines: a bar, not reversed text.
        XCTAssertTrue(screen[left + 4, 1].style.reverse)
        for row in 2...4 {
            XCTAssertEqual(screen[left, row].text, "▌", "row \(row)")
            XCTAssertFalse((left + 2..<screen.width).contains { screen[$0, row].style.reverse }, "row \(row) is not inverted")
        }
        state.press(.escape)
        screen = state.render()
        XCTAssertFalse(screen[left + 4, 1].style.reverse, "the unfocused comment pane's selection is subdued")
        XCTAssertTrue(screen[left + 4, 1].style.underline)
    }

    func testTheOnePaneCommentViewNamesItsStory() {
        var state = UIFixtures.state(width: 80, height: 24)
        state.press(.enter)
        XCTAssertEqual(state.layout.arrangement, .single)
        XCTAssertTrue(state.render().row(0).contains("Harbour ferry returns"))
    }

    func testTheStoryTextSaysWhereItIs() {
        let body = (0..<40).map { "Paragraph \($0)" }
        var state = AppState(stories: [UIFixtures.story("Long", body: StoryBody(paragraphs: body), comments: [])], width: 80, height: 24)
        state.press(.tab)
        var screen = state.render().text
        XCTAssertTrue(screen.contains("% · more below"), screen)
        state.press(.end)
        screen = state.render().text
        XCTAssertTrue(screen.contains("Story · end"), screen)
        var short = UIFixtures.state(width: 120, height: 40)
        short.press(.down, .down, .tab)
        XCTAssertFalse(short.render().text.contains("more below"), "a text that fits says nothing")
    }
}
