import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

final class ScreenTests: XCTestCase {
    func testFirstScreenSideBySide() {
        var state = UIFixtures.state(width: 120, height: 30)
        Snapshot.assert(state.render(), named: "first-screen-120x30")
    }

    func testNarrowLayoutShowsOnePaneAndTabSwitches() {
        var state = UIFixtures.state(width: 60, height: 20)
        Snapshot.assert(state.render(), named: "narrow-60x20-stories")
        state.press(.tab, .tab)
        XCTAssertEqual(state.focus, .comments)
        Snapshot.assert(state.render(), named: "narrow-60x20-comments")
    }

    func testCollapsedThreadKeepsTheSelectedRow() {
        var state = UIFixtures.state(width: 120, height: 30)
        state.press(.enter)  // open the ferry story: focus in comments, first comment selected
        let before = state.render()
        let row = selectedRow(before)
        state.press(.left)
        let collapsed = state.render()
        Snapshot.assert(collapsed, named: "collapsed-thread")
        XCTAssertEqual(selectedRow(collapsed), row)
        XCTAssertTrue(collapsed.text.contains("[+4] mira · 2 hours ago: Finally"))
        state.press(.right)
        let expanded = state.render()
        XCTAssertEqual(selectedRow(expanded), row)
        XCTAssertEqual(expanded.text, before.text)
    }

    func testLeftOnAChildlessCommentGoesToItsParent() {
        var state = UIFixtures.state(width: 120, height: 30)
        state.press(.enter, .down, .down, .down)
        XCTAssertEqual(state.selectedComment, 3)
        state.press(.left)
        XCTAssertEqual(state.selectedComment, 2)
        state.press(.left)  // has a reply: collapses
        XCTAssertTrue(state.thread!.isCollapsed(2))
        state.press(.left)
        XCTAssertEqual(state.selectedComment, 1)
    }

    func testWideCharactersAtPaneEdges() {
        var state = UIFixtures.state(width: 101, height: 24)
        state.press(.down, .enter)
        let screen = state.render()
        Snapshot.assert(screen, named: "wide-characters-101x24")
        XCTAssertTrue(screen.text.contains("東京の夜行列車"))
        // The comment pane starts one cell right of the divider, in an odd column: wide characters still fit.
        for width in 30...45 {
            state.resize(width: width, height: 12)
            Snapshot.assertRowsFit(state.render())
        }
    }

    func testHelpComesFromTheKeyTable() {
        var state = UIFixtures.state(width: 100, height: 30)
        state.press(.character("?"))
        let screen = state.render()
        Snapshot.assert(screen, named: "help-100x30")
        // Long descriptions wrap under themselves: compare with runs of spaces and line breaks as one space.
        state.resize(width: 100, height: 120)
        let flowing = state.render().text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        for command in Command.allCases where KeyMap.standard.bindings.contains(where: { $0.command == command }) {
            XCTAssertTrue(flowing.contains(command.spec.summary), command.name)
        }
        state.press(.escape)
        XCTAssertEqual(state.overlay, .none)
    }

    func testTooSmallSaysSoAndRecovers() {
        var state = UIFixtures.state(width: 20, height: 5)
        XCTAssertTrue(state.render().text.contains("Terminal too small"))
        for (width, height) in [(1, 1), (2, 80), (80, 2), (0, 0), (300, 100)] {
            state.resize(width: width, height: height)
            Snapshot.assertRowsFit(state.render())
        }
        state.resize(width: 80, height: 24)
        XCTAssertFalse(state.render().text.contains("Terminal too small"))
    }

    func testResizesInOverlaysAndCollapsedThreadsKeepTheSelection() {
        var state = AppState(stories: UIFixtures.stories,
                             problems: (0..<30).map { LoadProblem(path: "bad\($0).bin", reason: "binary file, not text") },
                             width: 120, height: 30)
        state.press(.enter, .left)  // collapsed thread, first comment selected
        state.press(.character("p"), .down, .down, .down)
        XCTAssertEqual(state.overlay, .problems(top: 3))
        for (width, height) in [(1, 1), (20, 5), (2, 80), (300, 100), (60, 12)] {
            state.resize(width: width, height: height)
            Snapshot.assertRowsFit(state.render())
            if case .problems = state.overlay {} else { XCTFail("the problem list stays open") }
        }
        state.press(.escape)
        for (width, height) in [(1, 1), (300, 100), (60, 20)] {
            state.resize(width: width, height: height)
            _ = state.render()
        }
        XCTAssertEqual(state.selectedComment, 0)
        XCTAssertTrue(state.thread!.isCollapsed(0))
        XCTAssertTrue(state.render().text.contains("[+4]"))
    }

    func testResizeKeepsSelection() {
        var state = UIFixtures.state(width: 120, height: 30)
        state.press(.enter, .down, .down)
        let selected = state.selectedComment
        state.resize(width: 60, height: 20)
        XCTAssertEqual(state.selectedComment, selected)
        XCTAssertEqual(state.focus, .comments)
        state.resize(width: 200, height: 60)
        XCTAssertEqual(state.selectedComment, selected)
        XCTAssertEqual(state.selectedStory, 0)
    }

    func testControlCharactersNeverReachTheBuffer() {
        let story = Story(id: "x", path: "p", format: "tidings", title: "Evil \u{1B}]0;owned\u{07} title\u{1B}[2J",
                          body: ["\u{1B}]52;c;ZXZpbA==\u{07}clip \u{202E}reversed\u{200B}"],
                          comments: [Comment(id: CommentID(value: 1), depth: 0, parent: nil, text: "bell\u{07} tab\tend")])
        var state = AppState(stories: [story], width: 120, height: 20)
        state.press(.enter)
        let screen = state.render()
        for cell in screen.cells {
            XCTAssertFalse(cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E || $0.value == 0x200B },
                           "raw control in \(cell.text.unicodeScalars.map { $0.value })")
        }
        XCTAssertTrue(screen.text.contains("Evil ␛ title␛"))
        XCTAssertTrue(screen.text.contains("bell␇ tab end"))
    }

    /// A string sequence never ended (`ESC]8;;` left open) is its introducer alone: the text after it is
    /// shown, not taken for the sequence's string, and still reaches the screen with no control in it.
    func testAnUnendedStringSequenceHidesNothingAfterIt() {
        XCTAssertEqual(UntrustedText.sanitize("a \u{1B}]8;;https://x.example/ and more text"), "a ␛8;;https://x.example/ and more text")
        XCTAssertEqual(UntrustedText.sanitize("a \u{1B}]0;title\u{07} b"), "a ␛ b", "an ended one is one ␛ still")
        XCTAssertEqual(UntrustedText.sanitize("a \u{9D}unended"), "a ␛unended")
        XCTAssertEqual(UntrustedText.sanitize("a \u{1B}Pdcs \u{1B}[31mred"), "a ␛dcs ␛red", "another escape cuts a string short: shown")
        XCTAssertEqual(UntrustedText.sanitize("a\u{1B}]0;SECRET\u{1B} vis"), "a␛0;SECRET␛ vis")
        XCTAssertEqual(UntrustedText.sanitize("a\u{1B}^PM text\u{07} vis"), "a␛PM text␇ vis", "only an OSC ends at BEL")
        XCTAssertEqual(UntrustedText.sanitize("a\u{1B}P1|HID\u{18}HID2\u{1B}\\ vis"), "a␛1|HID␘HID2␛ vis", "CAN cancels it")
        XCTAssertEqual(UntrustedText.sanitize("a\u{1B}]0;title\u{1B}\\ vis"), "a␛ vis", "an ended one is one ␛")
        // An ESC before what no escape continues with is alone: the letter after it is shown.
        XCTAssertEqual(UntrustedText.sanitize("x\u{1B}日本 y\u{1B}é z"), "x␛日本 y␛é z")
        XCTAssertEqual(UntrustedText.sanitize("a\u{1B}\u{1B}[1mb"), "a␛␛b", "ESC ESC [1m: two escapes, nothing of them shown")
        XCTAssertEqual(UntrustedText.sanitize("x\u{1B}( 日本 y\u{1B}(é z\u{1B}$(日"), "x␛ 日本 y␛é z␛日", "intermediates without a final")
        XCTAssertEqual(UntrustedText.sanitize("one\u{1B} Secret a\u{1B}\tHidden"), "one␛ Secret a␛  Hidden", "ESC then white space")
        XCTAssertEqual(UntrustedText.sanitize("a\u{1B}(Bb c\u{1B}[3\nd"), "a␛b c␛ d", "a designation whole; a CSI cut by a line end")
        XCTAssertEqual(UntrustedText.sanitize("Pay \u{1B}[1 000 000 USD"), "Pay ␛000 000 USD", "a parameter after an intermediate ends it")
        XCTAssertEqual(UntrustedText.sanitize("a\u{1B}]0;HID\u{2028}line two\u{07} vis"), "a␛0;HID line two␇ vis", "a line break cuts a string short")
    }

    func testAStoryWithoutCommentsAfterOneWithComments() {
        var state = UIFixtures.state(width: 120, height: 30)
        state.press(.enter, .down, .down)  // comment pane focused, scrolled into the first story's thread
        state.press(.tab, .down, .down, .tab, .tab)  // the observatory story has no comments: Tab passes its pane by
        XCTAssertEqual(state.selectedStory, 2)
        XCTAssertEqual(state.focus, .stories)
        state.focus(.comments)
        XCTAssertTrue(state.render().text.contains("No comments."))
        state.press(.down, .left, .right, .pageDown, .end, .character("r"), .character("n"))
        Snapshot.assertRowsFit(state.render())
    }

    func testATenThousandDeepThreadRendersAndFolds() {
        var comments: [Comment] = []
        for depth in 0..<10_000 {
            comments.append(Comment(id: CommentID(value: UInt64(depth)), depth: depth, parent: depth == 0 ? nil : depth - 1,
                                    author: "u\(depth)", text: "level \(depth)", descendantCount: 9_999 - depth))
        }
        let story = Story(id: "deep", path: "deep.txt", format: "tidings", title: "Deep", comments: comments)
        var state = AppState(stories: [story], width: 80, height: 24)
        state.press(.enter, .end)
        XCTAssertEqual(state.selectedComment, 9_999)
        let screen = state.render()
        Snapshot.assertRowsFit(screen)
        XCTAssertTrue(screen.text.contains("level 9999"))
        XCTAssertTrue(screen.text.contains("[9999]● u9999"), "deep comments say how deep they are")
        state.press(.home, .left)
        XCTAssertTrue(state.render().text.contains("[+9999]"))
    }

    private func selectedRow(_ screen: ScreenBuffer) -> Int? {
        // The selected comment is drawn reversed from its marker on; find the first such row in the comment pane.
        (0..<screen.height - 1).first { y in
            (61..<screen.width).contains { x in screen[x, y].style.reverse && screen[x, y].text != " " }
        }
    }
}
