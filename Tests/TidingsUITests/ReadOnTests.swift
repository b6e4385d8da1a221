import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Space reads on: from the list into a story's text, page by page, into its comments, page by page, and on
/// to the next story with anything unread until nothing is left, at a usual and at the smallest size (where
/// the panes are stacked and the text pane is three rows high).
final class ReadOnTests: XCTestCase {
    static let sizes = [(80, 24), (30, 8)]
    /// Long enough to take more than one page at 30x8, and at 80x24 too for the comments.
    static let longBody = StoryBody(paragraphs: (1...6).map { "Paragraph \($0) of the long story, with words enough to wrap on a narrow screen." })
    static let comments = (0..<30).map { (depth: $0 % 3 == 0 ? 0 : 1, text: "comment \($0)") }

    /// Four stories: `long` (long text, many comments), `done` (all read), `bare` (no comments), `last`.
    static var stories: [Story] {
        [UIFixtures.story("long", body: longBody, comments: comments),
         UIFixtures.story("done", comments: [(0, "old news")]),
         UIFixtures.story("bare", body: longBody, comments: []),
         UIFixtures.story("last", comments: [(0, "first word"), (1, "last word")])]
    }

    func reader(width: Int, height: Int) -> AppState {
        let stories = Self.stories
        var readState = ReadState()
        _ = readState.setStory(stories[1].id, read: true)
        _ = readState.setComments(stories[1].comments.map(\.id), in: stories[1].id, read: true)
        return AppState(stories: stories, readState: readState, width: width, height: height)
    }

    /// Presses Space until `done` holds, checking that each press changed something; returns the presses.
    @discardableResult
    func space(_ state: inout AppState, until done: (AppState) -> Bool, file: StaticString = #filePath, line: UInt = #line) -> Int {
        for presses in 1...200 {
            let before = (state.selectedStory, state.focus, state.textTop, state.selectedComment, state.commentPane.top, state.commentPane.topLine)
            state.press(.character(" "))
            if done(state) { return presses }
            let after = (state.selectedStory, state.focus, state.textTop, state.selectedComment, state.commentPane.top, state.commentPane.topLine)
            if before == after {
                XCTFail("\(state.width)x\(state.height): Space changed nothing (\(state.message ?? "no message"))", file: file, line: line)
                return presses
            }
        }
        XCTFail("\(state.width)x\(state.height): never done", file: file, line: line)
        return 0
    }

    func testSpaceReadsAFolderThroughToNothingUnread() {
        for (width, height) in Self.sizes {
            let size = "\(width)x\(height)"
            var state = reader(width: width, height: height)
            let stories = Self.stories
            // In the list: the story opens at the top of its text, and counts as opened.
            state.press(.character(" "))
            XCTAssertEqual(state.focus, .text, size)
            XCTAssertEqual(state.textTop, 0, size)
            XCTAssertTrue(state.readState.isStoryRead(stories[0].id), size)
            XCTAssertTrue(state.render().text.contains("long"), size)
            // The text pages down to its end, then the comments begin at the first one.
            let textPresses = space(&state) { $0.focus == .comments }
            XCTAssertGreaterThan(textPresses, width == 30 ? 2 : 0, "\(size): the text took pages")
            XCTAssertEqual(state.selectedStory, 0, size)
            XCTAssertEqual(state.selectedComment, 0, size)
            XCTAssertEqual(state.readState.unreadCount(of: stories[0]), 30 - commentsOnScreen(&state), size)
            // The comments page down, and from the end of the last one Space goes on, past the story read.
            let commentPresses = space(&state) { $0.selectedStory != 0 }
            XCTAssertGreaterThan(commentPresses, 1, "\(size): the comments took pages")
            XCTAssertEqual(state.readState.unreadCount(of: stories[0]), 0, "\(size): every comment was shown")
            XCTAssertEqual(state.selectedStory, 2, "\(size): the read story is passed over, as n passes it")
            XCTAssertEqual(state.focus, .text, size)
            XCTAssertEqual(state.textTop, 0, size)
            XCTAssertEqual(state.message, "Next unread story", size)
            XCTAssertTrue(state.readState.isStoryRead(stories[2].id), size)
            // A story without comments goes straight on from the end of its text.
            space(&state) { $0.selectedStory != 2 }
            XCTAssertEqual(state.selectedStory, 3, size)
            XCTAssertEqual(state.focus, .text, size)
            XCTAssertTrue(state.render().text.contains("last"), size)
            space(&state) { $0.focus == .comments }
            // The last story's comments fit on one screen: shown and read at once, the next Space finds nothing.
            XCTAssertEqual(state.readState.unreadCount(of: stories[3]), 0, size)
            state.press(.character(" "))
            XCTAssertEqual(state.message, "Nothing unread left in the collection", size)
            XCTAssertEqual(state.selectedStory, 3, size)
            XCTAssertEqual(state.focus, .comments, size)
            XCTAssertTrue(state.render().text.contains("Nothing unread"), size)
            // And again: it stays.
            state.press(.character(" "))
            XCTAssertEqual(state.selectedStory, 3, size)
            XCTAssertEqual(state.message, "Nothing unread left in the collection", size)
        }
    }

    func testSpaceFromTheLastUnreadStoryWrapsToAnEarlierOne() {
        for (width, height) in Self.sizes {
            var state = reader(width: width, height: height)
            state.press(.end, .character(" "))
            XCTAssertEqual(state.selectedStory, 3)
            space(&state) { $0.selectedStory != 3 }
            XCTAssertEqual(state.selectedStory, 0, "round to the first story, in the order n uses")
            XCTAssertEqual(state.focus, .text)
        }
    }

    /// Comments folded away are passed over by Space, but not forgotten: when no other story has anything
    /// unread, Space does what `n` does and opens the fold.
    func testUnreadCommentsInAFoldAreNotLostAtTheEnd() {
        let story = UIFixtures.story("folded", comments: [(0, "root"), (1, "hidden reply"), (0, "next")])
        var state = AppState(stories: [story], width: 80, height: 24)
        state.press(.enter)  // comments: all three shown, so read
        state.changeReadState { $0.setComments([story.comments[1].id], in: story.id, read: false) }
        state.press(.home, .character("h"))
        XCTAssertTrue(state.thread!.isCollapsed(0))
        state.press(.character(" "))
        XCTAssertEqual(state.selectedComment, 1, "n's way: the folded unread reply")
        XCTAssertFalse(state.thread!.isCollapsed(0))
    }

    func testPageDownStillOnlyPagesAndSpacePagesTheHelp() {
        for (width, height) in Self.sizes {
            var state = reader(width: width, height: height)
            state.press(.character(" "), .end)
            let end = state.textTop
            state.press(.pageDown)
            XCTAssertEqual(state.focus, .text, "PgDn at the end of the text stays")
            XCTAssertEqual(state.textTop, end)
            state.press(.character("?"), .character(" "))
            guard case .help(let top) = state.overlay else { return XCTFail("help is open") }
            XCTAssertGreaterThan(top, 0, "Space pages the help")
        }
        XCTAssertEqual(KeyMap.standard.resolve([.character(" ")], in: .problems), .command(.pageDown))
        for context in InputContext.reader {
            XCTAssertEqual(KeyMap.standard.resolve([.character(" ")], in: context), .command(.readOn))
            XCTAssertEqual(KeyMap.standard.resolve([.pageDown], in: context), .command(.pageDown))
        }
    }

    func testSpaceWithNoStoriesSaysSo() {
        var state = AppState(stories: [], width: 30, height: 8)
        state.press(.character(" "))
        XCTAssertEqual(state.message, "No stories")
    }

    /// Stories parsed on demand: the next story is asked for, and Space pressed before it arrives waits
    /// for it, then pages its text.
    func testSpaceWaitsForTheNextStoryToBeParsed() {
        let stories = Self.stories
        var state = AppState(readState: ReadState(), width: 30, height: 8)
        var batch = ParallelLoad.Batch()
        batch.entries = [stories[3], stories[2]].map { StoryEntry(story: $0, readState: ReadState()) }
        batch.finished = true
        _ = state.update(.loaded(batch))
        _ = state.update(.storyParsed(index: 0, result: .success(stories[3])))
        space(&state) { $0.focus == .comments }
        let effects = state.update(.key(.character(" ")))
        XCTAssertEqual(effects, [.loadStory(index: 1, summary: stories[2].summary)])
        XCTAssertEqual(state.focus, .text)
        XCTAssertTrue(state.readState.isStoryRead(stories[2].id), "opened while it is parsed")
        _ = state.update(.key(.character(" ")))
        XCTAssertEqual(state.textTop, 0, "held until the text is there")
        _ = state.update(.storyParsed(index: 1, result: .success(stories[2])))
        XCTAssertEqual(state.textTop, 2, "the held Space paged the text (a page of a three-row pane)")
    }

    /// How many comments have a line on screen in the comment pane.
    func commentsOnScreen(_ state: inout AppState) -> Int {
        state.commentsOnScreen(height: state.commentPaneHeight).filter { $0.lines.contains { $0.kind != .spacer } }.count
    }
}
