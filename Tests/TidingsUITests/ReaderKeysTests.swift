import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Keys that do what they say: each test failed before its fix.
final class ReaderKeysTests: XCTestCase {
    func readComments(_ state: AppState, _ story: Story) -> Int {
        story.comments.filter { state.readState.isCommentRead($0.id, in: story.id) }.count
    }

    func testWhileTheTerminalIsTooSmallOnlyQuitActs() {
        var state = UIFixtures.state(width: 20, height: 5)
        state.press(.character("r"), .character("j"), .character("G"), .enter, .tab, .character("n"), .end,
                    .character("?"), .character("p"), .escape)
        XCTAssertEqual(state.readStateRevision, 0, "nothing was marked read or unread unseen")
        for story in UIFixtures.stories { XCTAssertFalse(state.readState.isStoryRead(story.id)) }
        XCTAssertEqual(state.selectedStory, 0)
        XCTAssertEqual(state.focus, .stories)
        XCTAssertEqual(state.overlay, .none)
        state.resize(width: 120, height: 30)
        XCTAssertEqual(state.readStateRevision, 0)
        state.resize(width: 20, height: 5)
        state.press(.character("q"))
        XCTAssertTrue(state.shouldQuit)
    }

    func testHomeAndEndReachTheFirstAndLastLineOfTallComments() {
        let tall = (0..<120).map { "first\($0)" }.joined(separator: " ") + " FIRSTEND"
        let last = "LASTSTART " + (0..<120).map { "last\($0)" }.joined(separator: " ") + " LASTEND"
        let thread = UIFixtures.story("tall", comments: [(0, tall), (0, "middle"), (0, last)])
        var state = AppState(stories: [thread], width: 80, height: 12)
        state.press(.enter, .end)
        XCTAssertEqual(state.selectedComment, 2)
        XCTAssertTrue(state.render().text.contains("LASTEND"), "End shows the last line of the last comment")
        state.press(.home)
        XCTAssertEqual(state.selectedComment, 0)
        var screen = state.render().text
        XCTAssertTrue(screen.contains("first0 first1"), "Home shows the first line of the first comment:\n\(screen)")
        state.press(.down, .down, .down, .home)  // scrolled inside the tall first comment, then Home
        screen = state.render().text
        XCTAssertTrue(screen.contains("first0 first1"))
        // The story text and the help: Home and End reach both ends.
        let longBody = (0..<60).map { "Paragraph \($0)" }
        var text = AppState(stories: [UIFixtures.story("long", body: StoryBody(paragraphs: longBody), comments: [])], width: 80, height: 12)
        text.press(.tab, .end)
        XCTAssertTrue(text.render().text.contains("Paragraph 59"))
        text.press(.home)
        XCTAssertTrue(text.render().text.contains("long"))
        var help = UIFixtures.state(width: 80, height: 10)
        help.press(.character("?"), .end)
        XCTAssertTrue(help.render().text.contains("Read state is saved as you go"))
        help.press(.character("g"))
        XCTAssertTrue(help.render().text.contains("Tidings: keys"))
        help.press(.character("G"))
        XCTAssertTrue(help.render().text.contains("Read state is saved as you go"))
        help.press(.home)
        XCTAssertTrue(help.render().text.contains("Tidings: keys"))
    }

    func testNextUnreadGoesThroughEveryStoryAndWraps() {
        let stories = (0..<3).map { number in
            UIFixtures.story("story\(number)", comments: (0..<30).map { (depth: $0 % 3 == 0 ? 0 : 1, text: "s\(number) c\($0)") })
        }
        var state = AppState(stories: stories, width: 80, height: 12)
        state.press(.down, .enter)  // the middle story, comment pane focused
        XCTAssertGreaterThan(stories.map { state.readState.unreadCount(of: $0) }.reduce(0, +), 0)
        // A collapsed thread with unread replies is opened on the way.
        state.press(.end, .home)
        var visited: [Int] = []
        var presses = 0
        while state.message != "Nothing unread left in the collection", presses < 500 {
            state.press(.character("n"))
            presses += 1
            if visited.last != state.selectedStory { visited.append(state.selectedStory) }
            if state.message == "No more unread comments in this story" { XCTFail("stopped at the end of one story") }
        }
        XCTAssertEqual(Array(visited.prefix(3)), [1, 2, 0], "on to the next story, then round to the first")
        for story in stories {
            XCTAssertEqual(state.readState.unreadCount(of: story), 0, "\(story.id) has nothing unread when n says so")
            XCTAssertTrue(state.readState.isStoryRead(story.id))
        }
    }

    func testNextUnreadOpensCollapsedThreads() {
        let thread = UIFixtures.story("t", comments: [(0, "top")] + (0..<10).map { (1, "reply \($0)") } + [(0, "last")])
        var state = AppState(stories: [thread], width: 80, height: 5 + 3)  // comment pane: 6 rows
        state.press(.enter, .left)  // collapse the first thread: its replies are hidden and unread
        XCTAssertTrue(state.thread!.isCollapsed(0))
        let unreadBefore = state.readState.unreadCount(of: thread)
        XCTAssertGreaterThan(unreadBefore, 0)
        state.press(.character("n"))
        XCTAssertFalse(state.thread!.isCollapsed(0), "n opened the collapsed thread to reach an unread reply")
        XCTAssertEqual(state.thread!.comments[state.selectedComment!].depth, 1)
    }

    func testReadToggleMarksAnythingUnreadReadFirst() {
        let thread = UIFixtures.story("toggle", comments: (0..<40).map { (0, "comment \($0)") })
        var state = AppState(stories: [thread], width: 80, height: 12)
        state.press(.enter)  // opened: the story is read, the comments on screen too, the rest new
        XCTAssertTrue(state.readState.isStoryRead(thread.id))
        let read = readComments(state, thread)
        XCTAssertGreaterThan(read, 0)
        XCTAssertLessThan(read, 40)
        state.press(.escape, .character("r"))
        XCTAssertEqual(readComments(state, thread), 40, "a story with new comments becomes all read")
        XCTAssertTrue(state.readState.isStoryRead(thread.id))
        state.press(.character("r"))
        XCTAssertEqual(readComments(state, thread), 0, "a fully read story becomes unread")
        XCTAssertFalse(state.readState.isStoryRead(thread.id))
        // In the story text pane the first r reads: Tab opened the story, its comments are still new.
        state.press(.tab)
        XCTAssertEqual(state.focus, .text)
        state.press(.character("r"))
        XCTAssertEqual(readComments(state, thread), 40)
        // On a comment: a thread with one new reply becomes read, not unread.
        let replies = UIFixtures.story("replies", comments: [(0, "parent"), (1, "one"), (1, "two")])
        var comments = AppState(stories: [replies], width: 120, height: 30)
        comments.press(.enter)
        comments.run(.toggleRead)  // all read: becomes unread
        XCTAssertEqual(readComments(comments, replies), 0)
        comments.press(.down, .character("r"))  // "one" read again
        comments.press(.up, .character("r"))
        XCTAssertEqual(readComments(comments, replies), 3, "the parent with an unread reply became all read")
    }

    func testEscFocusesTheListAndCtrlCQuitsFromPages() {
        var state = UIFixtures.state(width: 120, height: 30)
        state.press(.enter)
        XCTAssertEqual(state.focus, .comments)
        state.press(.escape)
        XCTAssertEqual(state.focus, .stories)
        for page in [KeyPress.character("?"), .character("p")] {
            var onPage = UIFixtures.state(width: 80, height: 24)
            onPage.press(page)
            XCTAssertNotEqual(onPage.overlay, .none)
            onPage.press(.control("c"))
            XCTAssertTrue(onPage.shouldQuit, "Ctrl-C quits from \(page.description)")
        }
    }

    func testCtrlLAndCtrlZAreEffectsForTheTerminal() {
        var state = UIFixtures.state(width: 80, height: 24)
        XCTAssertEqual(state.update(.key(.control("l"))), [.redraw])
        state.press(.character("?"))
        XCTAssertEqual(state.update(.key(.control("z"))), [.suspend])
        XCTAssertEqual(state.update(.key(.down)), [])
        XCTAssertEqual(KeyMap.standard.resolve([.control("l")], in: .comments), .command(.redraw))
        XCTAssertEqual(KeyMap.standard.resolve([.control("z")], in: .help), .command(.suspend))
    }

    func testHelpScrollIsClampedAfterAResizeAndWrapsWhenNarrow() {
        var state = UIFixtures.state(width: 100, height: 10)
        state.press(.character("?"), .end)
        guard case .help(let top) = state.overlay else { return XCTFail("help is open") }
        XCTAssertGreaterThan(top, 0)
        state.resize(width: 100, height: 120)
        XCTAssertEqual(state.overlay, .help(top: 0), "everything fits now: no empty rows below")
        state.resize(width: 80, height: 120)
        let rows = state.render().text.split(separator: "\n").map(String.init)
        let read = try! XCTUnwrap(rows.firstIndex { $0.contains("Mark read") })
        // The description's column, wherever the widest keys put it.
        let column = rows[read].distance(from: rows[read].startIndex, to: rows[read].range(of: "Mark read")!.lowerBound)
        XCTAssertTrue(rows[read + 1].hasPrefix(String(repeating: " ", count: column)) && rows[read + 1].contains("read already"),
                      "at 80 columns a long description wraps under itself: \(rows[read + 1])")
        state.resize(width: 30, height: 200)
        let narrow = state.render().text
        XCTAssertFalse(narrow.contains("…"), "nothing in the help is cut")
        XCTAssertTrue(narrow.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "Enter" },
                      "at 30 columns the keys stand on their own line\n\(narrow)")
    }
}

/// The README's key table is the key map's, so the two cannot drift apart.
final class KeyTableDocumentationTests: XCTestCase {
    func testTheReadmeKeyTableIsGeneratedFromTheKeyMap() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let table = KeyMap.standard.markdownTable()
        // The whole table as it stands, from its header to the first line that is not a row.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("| keys |") }, "README.md has no key table")
        let rows = lines[start...].prefix { $0.hasPrefix("|") }
        XCTAssertEqual(rows.joined(separator: "\n") + "\n", table, "README.md's key table differs from the key map; it should read:\n\(table)")
    }
}
