import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Thread moves (`P`, `]`, `[`, `}`, `{`), whole-story folds (`C`, `E`, `c`) and unread steps (`n`, `N`)
/// through folded threads, at a usual and at the smallest terminal size; the screen is checked for the
/// selected comment each time.
final class ThreadMovesTests: XCTestCase {
    static let texts = ["alpha", "alpha one", "alpha one x", "alpha one y", "alpha two",
                        "bravo", "bravo one", "bravo one x", "bravo deep", "bravo two",
                        "charlie", "delta", "delta one"]
    static let depths = [0, 1, 2, 2, 1, 0, 1, 2, 3, 1, 0, 0, 1]
    static let story = UIFixtures.story("nested", comments: zip(depths, texts).map { (depth: $0, text: $1) })
    static let sizes = [(80, 24), (30, 8)]

    /// The story opened at `width`x`height`, every comment read but `unread` (marked after opening, so the
    /// comments first on screen are not read by being shown).
    func reader(width: Int, height: Int, unread: [Int] = []) -> AppState {
        var readState = ReadState()
        _ = readState.setStory(Self.story.id, read: true)
        _ = readState.setComments(Self.story.comments.map(\.id), in: Self.story.id, read: true)
        var state = AppState(stories: [Self.story], readState: readState, width: width, height: height)
        state.press(.enter)
        state.changeReadState { $0.setComments(unread.map { Self.story.comments[$0].id }, in: Self.story.id, read: false) }
        return state
    }

    /// The row drawn reversed in the comment pane (the selected comment's first line), trimmed.
    func selectedRow(_ state: inout AppState) -> String? {
        let screen = state.render()
        let rows = (1..<screen.height - 1).filter { y in
            (0..<screen.width).contains { screen[$0, y].style.reverse && screen[$0, y].text != " " }
        }
        guard rows.count == 1 else { return nil }
        return screen.row(rows[0]).trimmingCharacters(in: .whitespaces)
    }

    /// Presses `key` and checks the selection, the status message and that the selected row is on screen.
    func press(_ key: Character, _ state: inout AppState, selects index: Int, saying message: String? = nil,
               file: StaticString = #filePath, line: UInt = #line) {
        state.press(.character(key))
        let size = "\(state.width)x\(state.height) after \(key)"
        XCTAssertEqual(state.selectedComment, index, size, file: file, line: line)
        XCTAssertEqual(state.message, message, size, file: file, line: line)
        let row = selectedRow(&state)
        XCTAssertTrue(row?.hasSuffix(" " + Self.texts[index]) == true,
                      "\(size): the selected row shows \(Self.texts[index]): \(row ?? "none")", file: file, line: line)
    }

    func testSiblingsParentAndThreads() {
        for (width, height) in Self.sizes {
            var state = reader(width: width, height: height)
            XCTAssertEqual(state.selectedComment, 0)
            press("]", &state, selects: 5)
            press("]", &state, selects: 10)
            press("]", &state, selects: 11)
            press("]", &state, selects: 11, saying: "No next comment at this level")
            press("[", &state, selects: 10)
            press("[", &state, selects: 5)
            press("[", &state, selects: 0)
            press("[", &state, selects: 0, saying: "No previous comment at this level")
            press("l", &state, selects: 1)  // into the first reply
            press("]", &state, selects: 4, saying: nil)
            press("]", &state, selects: 4, saying: "No next comment at this level")
            press("[", &state, selects: 1)
            press("[", &state, selects: 1, saying: "No previous comment at this level")
            press("l", &state, selects: 2)
            press("]", &state, selects: 3)
            press("P", &state, selects: 1)
            press("P", &state, selects: 0)
            press("P", &state, selects: 0, saying: "This is a top-level comment")
            press("}", &state, selects: 5)
            press("}", &state, selects: 10)
            press("}", &state, selects: 11)
            press("}", &state, selects: 11, saying: "This is the last thread")
            press("{", &state, selects: 10)
            press("{", &state, selects: 5)
            press("{", &state, selects: 0)
            press("{", &state, selects: 0, saying: "This is the first thread")
            // From deep inside a thread: the thread before it, the one after it, its parent.
            press("}", &state, selects: 5)
            for index in 6...8 { press("l", &state, selects: index) }
            press("{", &state, selects: 0)
            for index in [5, 6, 7, 8] { press(index == 5 ? "}" : "l", &state, selects: index) }
            press("}", &state, selects: 10)
            press("{", &state, selects: 5)
            for index in 6...8 { press("l", &state, selects: index) }
            press("P", &state, selects: 7)
            press("P", &state, selects: 6)
            // A folded sibling is stepped over whole, and stepped back onto.
            state.press(.enter)
            XCTAssertTrue(state.thread!.isCollapsed(6))
            press("]", &state, selects: 9)
            press("[", &state, selects: 6)
            XCTAssertTrue(state.thread!.isCollapsed(6), "moving does not unfold")
        }
    }

    func testCollapseAllAndExpandAllKeepTheSelectionOnAVisibleComment() {
        for (width, height) in Self.sizes {
            var state = reader(width: width, height: height)
            for index in [5, 6, 7, 8] { press(index == 5 ? "}" : "l", &state, selects: index) }
            press("C", &state, selects: 5, saying: "3 threads collapsed")
            XCTAssertEqual(state.thread!.collapsed, [0, 5, 11])
            XCTAssertEqual(selectedRow(&state), "· [+4] bravo", "read, folded, and selected")
            XCTAssertEqual(state.thread!.visible, [0, 5, 10, 11])
            press("C", &state, selects: 5, saying: "Every thread is collapsed already")
            press("E", &state, selects: 5, saying: "Every thread expanded")
            XCTAssertEqual(state.thread!.visible.count, 13)
            press("E", &state, selects: 5, saying: "Every thread is open already")
            // The last comment, scrolled to, folds into its thread's root and stays on screen.
            state.press(.end)
            XCTAssertEqual(state.selectedComment, 12)
            press("C", &state, selects: 11, saying: "3 threads collapsed")
            press("E", &state, selects: 11, saying: "Every thread expanded")
            // Nested folds go: expanding a collapsed thread shows it whole.
            press("{", &state, selects: 10)
            press("{", &state, selects: 5)
            state.press(.character("l"), .enter)
            XCTAssertTrue(state.thread!.isCollapsed(6))
            press("C", &state, selects: 5, saying: "3 threads collapsed")
            state.press(.enter)
            XCTAssertEqual(state.thread!.collapsed, [0, 11])
        }
    }

    func testCollapseReadKeepsTheThreadWithAnUnreadReplyOpen() {
        for (width, height) in Self.sizes {
            var state = reader(width: width, height: height, unread: [8])  // one unread reply, three deep
            press("l", &state, selects: 1)
            press("l", &state, selects: 2)
            // The selection's thread is all read: it folds onto the thread's root.
            press("c", &state, selects: 0, saying: "2 read threads collapsed")
            XCTAssertEqual(state.thread!.collapsed, [0, 11], "bravo's thread has an unread reply: it stays open to it")
            XCTAssertEqual(state.thread!.visible, [0, 5, 6, 7, 8, 9, 10, 11])
            Snapshot.assert(state.render(), named: "collapse-read-\(width)x\(height)")
            // At 30x8 the open thread brought the reply on screen, which read it: unread again, as on purpose.
            state.changeReadState { $0.setComments([Self.story.comments[8].id], in: Self.story.id, read: false) }
            press("c", &state, selects: 0, saying: "The read threads are collapsed already")
            press("n", &state, selects: 8)
            // Read now: the whole story folds, the selection on the fold that hides it.
            state.changeReadState { $0.setComments(Self.story.comments.map(\.id), in: Self.story.id, read: true) }
            press("c", &state, selects: 5, saying: "3 read threads collapsed")
            XCTAssertEqual(state.thread!.visible, [0, 5, 10, 11])
            press("c", &state, selects: 5, saying: "The read threads are collapsed already")
            // A fold the user made inside a thread with unread replies is opened to show them.
            state.changeReadState { $0.setComments([Self.story.comments[3].id], in: Self.story.id, read: false) }
            press("c", &state, selects: 5, saying: "2 read threads collapsed")
            XCTAssertEqual(state.thread!.collapsed, [5, 11])
            XCTAssertNotNil(state.thread!.position(of: 3))
        }
    }

    func testNextAndPreviousUnreadOpenFoldedThreads() {
        for (width, height) in Self.sizes {
            var state = reader(width: width, height: height, unread: [3, 8])
            press("C", &state, selects: 0, saying: "3 threads collapsed")
            press("n", &state, selects: 3)
            XCTAssertFalse(state.thread!.isCollapsed(0), "n opened the folded thread")
            press("n", &state, selects: 8)
            XCTAssertFalse(state.thread!.isCollapsed(5))

            var back = reader(width: width, height: height, unread: [3, 8])
            back.press(.end)
            press("C", &back, selects: 11, saying: "3 threads collapsed")
            press("N", &back, selects: 8)
            XCTAssertFalse(back.thread!.isCollapsed(5), "N opened the folded thread")
            press("C", &back, selects: 5, saying: "3 threads collapsed")
            press("N", &back, selects: 3)
            XCTAssertEqual(back.thread!.collapsed, [5, 11], "only the fold in the way was opened")
        }
    }

    func testPreviousUnreadGoesBackThroughStoriesToTheirLastUnreadComment() {
        // Long enough that opening a story at its last unread comment leaves its first one unread.
        let comments = (0..<40).map { (depth: $0 % 4 == 0 ? 0 : 1, text: "reply \($0)") }
        let stories = ["first", "second", "third"].map { UIFixtures.story($0, comments: comments) }
        for (width, height) in Self.sizes {
            var readState = ReadState()
            for story in stories {
                _ = readState.setStory(story.id, read: true)
                let unread: Set<Int> = story.id == "second" ? [2, 37] : []
                _ = readState.setComments(story.comments.indices.filter { !unread.contains($0) }.map { story.comments[$0].id },
                                          in: story.id, read: true)
            }
            var state = AppState(stories: stories, readState: readState, width: width, height: height)
            state.press(.down, .down, .enter)  // the third story, all read
            state.press(.character("N"))
            XCTAssertEqual(state.selectedStory, 1)
            XCTAssertEqual(state.selectedComment, 37, "the last unread comment of the story before")
            XCTAssertEqual(state.message, "Previous story with unread comments")
            XCTAssertEqual(selectedRow(&state)?.hasSuffix("reply 37"), true)
            state.press(.character("N"))
            XCTAssertEqual(state.selectedComment, 2)
            XCTAssertEqual(selectedRow(&state)?.hasSuffix("reply 2"), true)
            state.press(.character("N"))
            XCTAssertEqual(state.message, "Nothing unread left in the collection")
            XCTAssertEqual(state.selectedComment, 2)
        }
    }

    func testWithoutCommentsOrStoriesTheCommandsSaySo() {
        let bare = UIFixtures.story("bare", comments: [])
        for (width, height) in Self.sizes {
            var state = AppState(stories: [bare], width: width, height: height)
            // Tab passes the empty comment pane by; a click (or a story changed under it) focuses it.
            state.press(.tab, .tab)
            XCTAssertEqual(state.focus, .stories, "Tab: the list, the text, the list again")
            state.press(.backTab)
            XCTAssertEqual(state.focus, .text, "S-Tab passes it by too")
            state.focus(.comments)
            for key in ["P", "]", "[", "}", "{", "C", "E", "c"] as [Character] {
                state.press(.character(key))
                XCTAssertEqual(state.message, "This story has no comments", "\(key)")
                XCTAssertTrue(state.render().text.contains("This story has no"), "\(key) at \(width)x\(height)")
            }
            var empty = AppState(stories: [], width: width, height: height)
            empty.press(.tab, .tab)
            XCTAssertEqual(empty.focus, .comments)
            for key in ["P", "]", "[", "}", "{", "C", "E", "c"] as [Character] {
                empty.press(.character(key))
                XCTAssertEqual(empty.message, "No story is open", "\(key)")
            }
            empty.press(.character("N"))
            XCTAssertEqual(empty.message, "No stories")
        }
    }

    /// Comments without replies have nothing to fold: collapse read says so, as collapse all does, rather
    /// than that nothing is read.
    func testFlatCommentsHaveNothingToFold() {
        let flat = UIFixtures.story("flat", comments: [(depth: 0, text: "one"), (depth: 0, text: "two")])
        var state = AppState(stories: [flat], width: 80, height: 24)
        state.press(.enter)
        for key in ["C", "c"] as [Character] {
            state.press(.character(key))
            XCTAssertEqual(state.message, "No comment here has replies to fold", "\(key)")
        }
    }

    func testThreadKeysAreForTheCommentPane() {
        var state = AppState(stories: [Self.story], width: 80, height: 24)
        state.press(.character("]"))
        XCTAssertEqual(state.message, "] does nothing in the story list: ? shows the keys")
        XCTAssertEqual(KeyMap.standard.resolve([.character("N")], in: .storyList), .command(.previousUnread))
        for (key, command) in [("P", Command.parentComment), ("]", .nextSibling), ("[", .previousSibling), ("}", .nextThread),
                               ("{", .previousThread), ("C", .collapseAll), ("E", .expandAll), ("c", .collapseRead),
                               ("N", .previousUnread)] as [(Character, Command)] {
            XCTAssertEqual(KeyMap.standard.resolve([.character(key)], in: .comments), .command(command))
        }
    }
}
