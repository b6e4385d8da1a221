import TidingsModel
import TidingsTestSupport
import XCTest
@testable import TidingsUI

/// `n` arriving at a story not read yet shows its text first, when it has one (a thread's first message is
/// unread too, as mutt and slrn show it), and goes on to its first unread comment with the next `n`; a story
/// read before, or one with no text (a link), opens at its first unread comment.
final class NextUnreadStoryTextTests: XCTestCase {
    static let stories: [Story] = {
        var first = StoryBuilder.story("first", comments: [(0, "one")])
        first.header.title = "First"
        var thread = StoryBuilder.story("mail:thread@example.org", body: ["The first message of the thread."],
                                        comments: [(0, "a reply"), (1, "an answer")])
        thread.header.title = "Thread"
        var link = StoryBuilder.story("link", body: [], comments: [(0, "about the link")])
        link.header.title = "Link"
        return [first, thread, link]
    }()

    func testAnUnreadStoryOpensAtItsTextAndThenItsComments() {
        for (width, height) in [(120, 40), (80, 24), (60, 20), (30, 8)] {
            var readState = ReadState()
            readState.setStory("first", read: true)
            readState.setComments(Self.stories[0].comments.map(\.id), in: "first", read: true)
            var state = AppState(stories: Self.stories, readState: readState, width: width, height: height)
            state.press(.character("n"))
            XCTAssertEqual(state.selectedStory, 1, "\(width)x\(height)")
            XCTAssertEqual(state.focus, .text, "the thread's first message, at \(width)x\(height)")
            XCTAssertEqual(state.textTop, 0)
            XCTAssertEqual(state.readState.unreadCount(of: Self.stories[1]), 2, "its replies are not read yet")
            state.press(.character("n"))
            XCTAssertEqual(state.focus, .comments)
            XCTAssertEqual(state.selectedComment, 0)
            state.press(.character("n"), .character("n"))
            XCTAssertEqual(state.selectedStory, 2)
            XCTAssertEqual(state.focus, .comments, "a story with no text opens at its comment, at \(width)x\(height)")
        }
    }

    func testAStoryReadBeforeOpensAtItsFirstUnreadComment() {
        var readState = ReadState()
        readState.setStory("first", read: true)
        readState.setComments(Self.stories[0].comments.map(\.id), in: "first", read: true)
        readState.setStory("mail:thread@example.org", read: true)
        var state = AppState(stories: Self.stories, readState: readState, width: 80, height: 24)
        state.press(.character("n"))
        XCTAssertEqual(state.selectedStory, 1)
        XCTAssertEqual(state.focus, .comments)
        XCTAssertEqual(state.selectedComment, 0)
    }

    /// A story still being parsed when `n` arrives: it waits in the comment pane and takes its text's pane
    /// when it comes.
    func testAStoryParsedAfterTheKeyTakesItsTextWhenItComes() {
        let stories = Self.stories
        var runner = HeadlessRunner(state: AppState(width: 80, height: 24)) { summary in
            stories.first { $0.source.path == summary.path }.map { .success($0) } ?? .failure(LoadProblem(path: summary.path, failure: .vanished))
        }
        var readState = ReadState()
        readState.setStory("first", read: true)
        readState.setComments(stories[0].comments.map(\.id), in: "first", read: true)
        runner.state.readState = readState
        runner.send(.loaded(ParallelLoad.Batch(entries: stories.map { StoryEntry(story: $0, readState: readState) }, finished: true)))
        runner.press(.character("n"))
        XCTAssertEqual(runner.state.selectedStory, 1)
        XCTAssertEqual(runner.state.focus, .text)
    }

    /// From the list, `n` on a story not read yet opens it at its text too; on a story read before, at its
    /// first unread comment.
    func testFromTheListAnUnreadStoryOpensAtItsText() {
        var state = AppState(stories: Array(Self.stories.dropFirst()), width: 80, height: 24)
        XCTAssertEqual(state.focus, .stories)
        state.press(.character("n"))
        XCTAssertEqual(state.selectedStory, 0)
        XCTAssertEqual(state.focus, .text)
        state.press(.character("n"))
        XCTAssertEqual(state.focus, .comments)
        XCTAssertEqual(state.selectedComment, 0)
        var linkFirst = AppState(stories: [Self.stories[2], Self.stories[1]], width: 80, height: 24)
        linkFirst.press(.character("n"))
        XCTAssertEqual(linkFirst.focus, .comments, "a link has no text: its comments")
    }

    /// `N` back to a story not read yet shows its text (whether its comments are read or not: showing it would
    /// read it); to a story read before, its last unread comment, as before.
    func testPreviousUnreadToAStoryWithOnlyItsTextUnreadShowsIt() {
        var alone = StoryBuilder.story("alone", body: ["An Ask HN text with no comments saved."], comments: [])
        alone.header.title = "Alone"
        var read = StoryBuilder.story("read", comments: [(0, "seen")])
        read.header.title = "Read"
        var readState = ReadState()
        readState.setStory("read", read: true)
        readState.setComments(read.comments.map(\.id), in: "read", read: true)
        var state = AppState(stories: [alone, read], readState: readState, width: 80, height: 24)
        state.press(.down)
        XCTAssertEqual(state.selectedStory, 1)
        state.press(.character("N"))
        XCTAssertEqual(state.selectedStory, 0)
        XCTAssertEqual(state.focus, .text)
        var withComments = AppState(stories: [Self.stories[1], read], readState: readState, width: 80, height: 24)
        withComments.press(.down, .character("N"))
        XCTAssertEqual(withComments.focus, .text, "not read yet: its text")
        XCTAssertEqual(withComments.readState.unreadCount(of: Self.stories[1]), 2)
        readState.setStory(Self.stories[1].id, read: true)
        var readBefore = AppState(stories: [Self.stories[1], read], readState: readState, width: 80, height: 24)
        readBefore.press(.down, .character("N"))
        XCTAssertEqual(readBefore.focus, .comments)
        XCTAssertEqual(readBefore.selectedComment, 1, "its last unread comment")
    }

    /// `n` reads the comment it moves on from, though only its top was on screen (a patch taller than the
    /// pane): a thread of tall messages is read through with `n` alone, not gone round for ever.
    func testNextUnreadReadsTheTallCommentItLeaves() {
        let tall = (1...60).map { "line \($0) of a long patch" }.joined(separator: "\n")
        var series = StoryBuilder.story("series", comments: [(0, tall), (0, tall), (0, tall)])
        series.header.title = "Series"
        var readState = ReadState()
        readState.setStory("series", read: true)
        var state = AppState(stories: [series], readState: readState, width: 80, height: 24)
        state.press(.character("n"))
        XCTAssertEqual(state.focus, .comments)
        XCTAssertEqual(state.selectedComment, 0)
        XCTAssertFalse(state.readState.isCommentRead(series.comments[0].id, in: "series"), "only its top is on screen")
        state.press(.character("n"))
        XCTAssertEqual(state.selectedComment, 1)
        XCTAssertTrue(state.readState.isCommentRead(series.comments[0].id, in: "series"), "n moved on from it")
        state.press(.character("n"), .character("n"))
        XCTAssertEqual(state.readState.unreadCount(of: series), 0)
        XCTAssertEqual(state.message, "Nothing unread left in the collection")
        // One marked unread after it was read stays unread when n leaves it.
        state.press(.character("r"))
        XCTAssertFalse(state.readState.isCommentRead(series.comments[2].id, in: "series"))
        state.press(.character("n"))
        XCTAssertFalse(state.readState.isCommentRead(series.comments[2].id, in: "series"))
    }

    /// A thread whose first message is not saved has no text of its own: `n` opens it at its comments.
    func testAThreadWithoutItsFirstMessageOpensAtItsComments() {
        var orphan = StoryBuilder.story("mail:orphan@example.org", body: ["The first message of this thread is not saved here; its replies follow."],
                                        comments: [(0, "a reply"), (0, "another")])
        orphan.bodyIsNote = true
        orphan.header.title = "Orphan"
        var state = AppState(stories: [orphan], width: 80, height: 24)
        state.press(.character("n"))
        XCTAssertEqual(state.focus, .comments)
        XCTAssertEqual(state.selectedComment, 0)
    }

    /// A story marked unread to read again is read again with `n`: comments marked unread stay unread while
    /// on screen, but `n` coming to them and moving on reads them, so `n` does not go round them for ever.
    func testAStoryMarkedUnreadIsReadAgainWithN() {
        var story = StoryBuilder.story("again", comments: [(0, "one"), (0, "two")])
        story.header.title = "Again"
        var state = AppState(stories: [story], width: 80, height: 24)
        state.press(.character("n"), .character("n"), .character("n"), .character("n"))
        XCTAssertEqual(state.readState.unreadCount(of: story), 0)
        state.press(.escape, .escape, .character("r"))
        XCTAssertEqual(state.message, "Story marked unread with its comments")
        for _ in 0..<6 { state.press(.character("n")) }
        XCTAssertEqual(state.readState.unreadCount(of: story), 0, "read again")
        XCTAssertEqual(state.message, "Nothing unread left in the collection")
    }

    /// A link with no text and no comments saved opens at its story pane (its title, link and points are all
    /// there is); Space on a story whose text is only a note goes straight to its comments.
    func testABareLinkOpensAtItsTextAndSpacePassesANote() {
        var bare = StoryBuilder.story("bare", body: [], comments: [])
        bare.header.title = "Bare"
        var state = AppState(stories: [bare], width: 80, height: 24)
        state.press(.character("n"))
        XCTAssertEqual(state.focus, .text)
        var orphan = StoryBuilder.story("mail:orphan@example.org", body: ["The first message of this thread is not saved here; its replies follow."],
                                        comments: [(0, "a reply")])
        orphan.bodyIsNote = true
        var spaced = AppState(stories: [orphan], width: 80, height: 24)
        spaced.press(.character(" "))
        XCTAssertEqual(spaced.focus, .comments)
        XCTAssertEqual(spaced.selectedComment, 0)
    }
}
