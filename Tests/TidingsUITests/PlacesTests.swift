import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Each story keeps its folds and selected comment while the user moves between stories, and a saved
/// session puts the reader back where it was: the sort, the story, the pane, the comment, the folds.
final class PlacesTests: XCTestCase {
    static let comments: [(depth: Int, text: String)] = [
        (0, "first thread"), (1, "a reply"), (1, "another reply"), (0, "second thread"), (1, "its reply"), (0, "third"),
    ]
    static let stories = ["one", "two", "three"].map { UIFixtures.story($0, comments: comments) }

    func selected(_ state: AppState) -> String { state.entries[state.selectedStory].summary.id }

    func testFoldsAndPositionAreKeptWhileMovingBetweenStories() {
        var state = AppState(stories: Self.stories, width: 80, height: 24)
        state.press(.down, .enter)  // story two, its comments
        XCTAssertEqual(selected(state), "two")
        state.press(.left)  // fold the first thread
        state.press(.down, .down)  // second thread's reply
        XCTAssertEqual(state.selectedComment, 4)
        XCTAssertEqual(state.thread?.collapsed, [0])
        state.press(.escape, .down, .enter)
        XCTAssertEqual(selected(state), "three")
        XCTAssertEqual(state.thread?.collapsed, [], "another story starts open")
        XCTAssertEqual(state.selectedComment, 0)
        state.press(.escape, .up)
        XCTAssertEqual(selected(state), "two")
        XCTAssertEqual(state.thread?.collapsed, [0])
        XCTAssertEqual(state.selectedComment, 4)
        state.press(.enter)
        XCTAssertEqual(state.selectedComment, 4)
        XCTAssertTrue(state.render().text.contains("its reply"), state.render().text)
    }

    func testASavedSessionIsRestoredWhenItsStoryArrives() {
        let two = Self.stories[1]
        let session = SavedSession(sort: .title, story: "two", comment: two.comments[4].id.description, pane: "comments",
                                   stories: [StoryPlace(id: "two", comment: two.comments[2].id.description,
                                                        folds: [two.comments[0].id.description])])
        var runner = HeadlessRunner(state: AppState(readState: ReadState(), width: 80, height: 24)) { summary in
            .success(Self.stories.first { $0.id == summary.id }!)
        }
        runner.state.restore(session)
        XCTAssertEqual(runner.state.sort, .title)
        var first = ParallelLoad.Batch()
        first.entries = [StoryEntry(story: Self.stories[0], readState: ReadState())]
        runner.send(.loaded(first))
        XCTAssertEqual(selected(runner.state), "one", "the saved story has not arrived yet")
        XCTAssertEqual(runner.state.savedSession.story, "two", "and is still the one to come back to")
        var rest = ParallelLoad.Batch()
        rest.entries = [StoryEntry(story: Self.stories[1], readState: ReadState()),
                        StoryEntry(story: Self.stories[2], readState: ReadState())]
        runner.send(.loaded(rest))
        XCTAssertEqual(selected(runner.state), "two")
        XCTAssertEqual(runner.state.focus, .comments)
        XCTAssertEqual(runner.state.thread?.collapsed, [0])
        XCTAssertEqual(runner.state.selectedComment, 4, "the session's comment wins over the story's place")
        // Titles: one, three, two.
        XCTAssertEqual((0..<3).map { runner.state.entries[runner.state.rows.entry(atRow: $0)].summary.id }, ["one", "three", "two"])
        let saved = runner.state.savedSession
        XCTAssertEqual(saved.sort, .title)
        XCTAssertEqual(saved.story, "two")
        XCTAssertEqual(saved.comment, two.comments[4].id.description)
        XCTAssertEqual(saved.pane, "comments")
        XCTAssertEqual(saved.stories.last, StoryPlace(id: "two", comment: two.comments[4].id.description,
                                                      folds: [two.comments[0].id.description]))
    }

    /// One story saved in two files: the copy that was selected is selected again, though the other one
    /// arrives first; another copy stands in only when no file read holds it.
    func testTheCopyOfAStoryInTheSavedFileIsTheOneSelectedAgain() {
        func copy(_ path: String) -> StoryEntry {
            var story = Self.stories[1]
            story.source = SourceReference(path: path)
            return StoryEntry(story: story, readState: ReadState())
        }
        var state = AppState(readState: ReadState(), width: 80, height: 24)
        _ = state.update(.loaded(ParallelLoad.Batch(entries: [copy("/a/first"), copy("/a/second")], finished: true)))
        state.press(.down)
        XCTAssertEqual(state.savedSession.path, "/a/second")
        let session = state.savedSession

        var again = AppState(readState: ReadState(), width: 80, height: 24)
        again.restore(session)
        _ = again.update(.loaded(ParallelLoad.Batch(entries: [copy("/a/first")])))
        XCTAssertEqual(again.selectedStory, 0, "the first copy is not taken while the saved one may still come")
        _ = again.update(.loaded(ParallelLoad.Batch(entries: [copy("/a/second")], finished: true)))
        XCTAssertEqual(again.selectedStory, 1)
        XCTAssertEqual(again.entries[again.selectedStory].summary.path, "/a/second")

        var gone = AppState(readState: ReadState(), width: 80, height: 24)
        gone.restore(session)
        _ = gone.update(.loaded(ParallelLoad.Batch(entries: [StoryEntry(story: Self.stories[0], readState: ReadState()), copy("/a/first")],
                                                   finished: true)))
        XCTAssertEqual(gone.entries[gone.selectedStory].summary.path, "/a/first", "the file saved is gone: its copy stands in")
    }

    /// A key before the saved story arrives: the user has moved on, the session is not applied.
    func testAKeyFirstCancelsTheRestore() {
        var runner = HeadlessRunner(state: AppState(readState: ReadState(), width: 80, height: 24)) { summary in
            .success(Self.stories.first { $0.id == summary.id }!)
        }
        runner.state.restore(SavedSession(story: "three", pane: "comments"))
        var first = ParallelLoad.Batch()
        first.entries = [StoryEntry(story: Self.stories[0], readState: ReadState())]
        runner.send(.loaded(first))
        runner.send(.key(.character("j")))
        var rest = ParallelLoad.Batch()
        rest.entries = Self.stories.dropFirst().map { StoryEntry(story: $0, readState: ReadState()) }
        runner.send(.loaded(rest))
        XCTAssertEqual(selected(runner.state), "one")
        XCTAssertEqual(runner.state.focus, .stories)
        XCTAssertEqual(runner.state.savedSession.story, "one")
    }

    /// The restore's first screen reads the comments it shows, as any frame in the focused comment pane does
    /// (a comment new since the last session is read though no key comes); a comment the user marked unread
    /// in the last visit stays unread, shown `○`, before and after a key, as it did before the restart. The
    /// story itself is opened by the first key, not the restore: one marked unread stays so.
    func testARestoredPlaceReadsWhatItShowsButWhatWasMarkedUnread() {
        let two = Self.stories[1]
        var marks = ReadState()
        marks.setStory("two", read: true)
        marks.setComments(two.comments.map(\.id), in: "two", read: true)
        marks.setComments([two.comments[4].id], in: "two", read: false)
        func restored(pane: String, marks: ReadState, unread: [String]? = nil) -> HeadlessRunner {
            var runner = HeadlessRunner(state: AppState(readState: marks, width: 80, height: 24)) { summary in
                .success(Self.stories.first { $0.id == summary.id }!)
            }
            runner.state.restore(SavedSession(story: "two", comment: two.comments[4].id.description, pane: pane, unread: unread))
            runner.send(.loaded(ParallelLoad.Batch(entries: Self.stories.map { StoryEntry(story: $0, readState: marks) }, finished: true)))
            return runner
        }
        var fresh = restored(pane: "comments", marks: marks)
        XCTAssertEqual(fresh.state.focus, .comments)
        XCTAssertTrue(fresh.state.readState.isCommentRead(two.comments[4].id, in: "two"), "on screen in the focused pane: read")
        let screen = fresh.state.render().text
        XCTAssertTrue(screen.contains("● its reply"), "new when the visit began: \(screen)")
        XCTAssertFalse(screen.contains("1 new"), "nothing left unread on screen: \(screen)")
        fresh.press(.character("q"))
        XCTAssertTrue(fresh.state.readState.isCommentRead(two.comments[4].id, in: "two"), "quitting at once keeps it read")

        let kept = [two.comments[4].id.description]
        var marked = restored(pane: "comments", marks: marks, unread: kept)
        XCTAssertFalse(marked.state.readState.isCommentRead(two.comments[4].id, in: "two"), "marked unread before the restart")
        XCTAssertTrue(marked.state.render().text.contains("○ "), "shown as marked unread")
        marked.send(.resize(width: 60, height: 20))
        marked.press(.up, .down)
        _ = marked.state.render()
        XCTAssertFalse(marked.state.readState.isCommentRead(two.comments[4].id, in: "two"), "it stays unread while shown")
        XCTAssertEqual(marked.state.savedSession.unread, kept, "and is still marked unread at the next quit")
        marked.press(.character("r"))
        XCTAssertTrue(marked.state.readState.isCommentRead(two.comments[4].id, in: "two"), "r reads it")
        XCTAssertNil(marked.state.savedSession.unread)

        var unreadStory = marks
        unreadStory.setStory("two", read: false)
        var text = restored(pane: "text", marks: unreadStory)
        XCTAssertEqual(text.state.focus, .text)
        XCTAssertFalse(text.state.readState.isStoryRead("two"), "the restore opened it, the user did not")
        text.press(.down)
        XCTAssertTrue(text.state.readState.isStoryRead("two"), "scrolling its text reads it")

        var storyMarked = restored(pane: "text", marks: unreadStory)
        storyMarked.press(.character("r"))
        XCTAssertTrue(storyMarked.state.readState.isStoryRead("two"), "r marks it read, once")
        var left = restored(pane: "text", marks: unreadStory)
        left.press(.tab)
        XCTAssertNotEqual(left.state.focus, .text)
    }

    /// `r` on a comment, quit, restart: the session names it, so the restore leaves it unread.
    func testACommentMarkedUnreadIsSavedWithTheSession() {
        let two = Self.stories[1]
        var state = AppState(stories: Self.stories, width: 80, height: 24)
        state.press(.down, .enter, .down)
        XCTAssertTrue(state.readState.isCommentRead(two.comments[1].id, in: "two"))
        state.press(.character("r"))
        XCTAssertFalse(state.readState.isCommentRead(two.comments[1].id, in: "two"))
        let session = state.savedSession
        XCTAssertEqual(session.unread, [two.comments[1].id.description])
        var runner = HeadlessRunner(state: AppState(readState: state.readState, width: 80, height: 24)) { summary in
            .success(Self.stories.first { $0.id == summary.id }!)
        }
        runner.state.restore(session)
        runner.send(.loaded(ParallelLoad.Batch(entries: Self.stories.map { StoryEntry(story: $0, readState: state.readState) }, finished: true)))
        XCTAssertEqual(runner.state.selectedComment, 1)
        XCTAssertFalse(runner.state.readState.isCommentRead(two.comments[1].id, in: "two"), "still unread after the restart")
        XCTAssertEqual(runner.state.savedSession.unread, session.unread)
    }

    /// Only the last 200 stories visited keep their place.
    func testPlacesAreCapped() {
        var places = StoryPlaces()
        for number in 0..<250 { places.remember(StoryPlace(id: "s\(number)")) }
        places.remember(StoryPlace(id: "s60", comment: "AAAAAB"))
        XCTAssertEqual(places.all.count, SavedSession.storiesKept)
        XCTAssertNil(places.place(of: "s49"))
        XCTAssertEqual(places.all.last, StoryPlace(id: "s60", comment: "AAAAAB"))
        XCTAssertEqual(places.all.first?.id, "s50")
    }
}

extension PlacesTests {
    /// A mail thread whose first message arrived between runs is known by another id: the session names the
    /// id it had, and the reader comes back to it all the same, on the same comment.
    func testAThreadWhoseIDMovedIsRestored() {
        var moved = Self.stories[1]
        moved.id = "mail:p0@x"
        moved.legacyID = "mail:p1@x"
        let stories = [Self.stories[0], moved]
        var runner = HeadlessRunner(state: AppState(width: 80, height: 24)) { summary in
            .success(stories.first { $0.id == summary.id }!)
        }
        runner.state.restore(SavedSession(story: "mail:p1@x", comment: moved.comments[2].id.description, pane: "comments",
                                          stories: [StoryPlace(id: "mail:p1@x", comment: moved.comments[2].id.description)]))
        runner.send(.loaded(ParallelLoad.Batch(entries: stories.map { StoryEntry(story: $0, readState: ReadState()) }, finished: true)))
        XCTAssertEqual(runner.state.currentStory?.id, "mail:p0@x")
        XCTAssertEqual(runner.state.focus, .comments)
        XCTAssertEqual(runner.state.selectedComment, 2, "on the comment it was left on")
    }
}
