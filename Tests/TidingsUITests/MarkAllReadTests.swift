import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// `A` asks on the status line, counting what is unread, and marks on `y`; `u` takes back the last marking.
final class MarkAllReadTests: XCTestCase {
    let stories = UIFixtures.stories
    var totalComments: Int { stories.reduce(0) { $0 + $1.comments.countedCount } }

    func status(_ state: AppState) -> String {
        var state = state
        let screen = state.render()
        return screen.row(screen.height - 1).trimmingCharacters(in: .whitespaces)
    }

    /// The marks, without entries that say only "unread" (an undo leaves those where it made a story unread
    /// again: they mean what no entry means).
    func marks(_ state: ReadState) -> [String: ReadState.StoryMarks] {
        state.stories.filter { $0.value.isRead || !$0.value.readComments.isEmpty }
    }

    func allRead(_ state: AppState) -> Bool {
        stories.allSatisfy { state.readState.isStoryRead($0.id) && state.readState.unreadCount(of: $0) == 0 }
    }

    func testTheQuestionCountsWhatIsUnreadAndYesMarksIt() {
        XCTAssertEqual(totalComments, 8)
        var state = UIFixtures.state(width: 80, height: 24)
        let before = state.readState
        state.press(.character("A"))
        XCTAssertEqual(status(state), "Mark 3 stories and 8 comments read? y/n")
        XCTAssertEqual(state.readState, before, "nothing is marked before the answer")
        state.press(.character("y"))
        XCTAssertTrue(allRead(state))
        XCTAssertEqual(status(state), "Marked 3 stories and 8 comments read (u undoes)")
        XCTAssertEqual(state.entries.map(\.unreadComments), [0, 0, 0], "the list counts follow")
        state.press(.character("A"))
        XCTAssertEqual(status(state), "Nothing unread: every story listed is read, with its comments")
        XCTAssertNil(state.question, "nothing to ask")

        state.press(.character("u"))
        XCTAssertEqual(status(state), "Undid: marked 3 stories and 8 comments read")
        XCTAssertEqual(marks(state.readState), marks(before))
        XCTAssertEqual(state.entries.map(\.unreadComments), [6, 2, 0])
        state.press(.character("u"))
        XCTAssertEqual(status(state), "Nothing to undo")
    }

    func testOnlyWhatIsUnreadIsCountedAndUndone() {
        var state = UIFixtures.state(width: 80, height: 24)
        state.press(.down, .tab, .tab)  // the second story opened, its two comments read on screen
        state.press(.escape, .character("A"))
        XCTAssertEqual(status(state), "Mark 2 stories and 6 comments read? y/n")
        let before = state.readState
        state.press(.character("y"), .character("u"))
        XCTAssertEqual(marks(state.readState), marks(before), "what was read before stays read")
        XCTAssertTrue(state.readState.isStoryRead(stories[1].id))
        XCTAssertEqual(state.readState.unreadCount(of: stories[1]), 0)
    }

    func testNoAndAnyOtherKeyCancelWithoutActing() {
        var state = UIFixtures.state(width: 80, height: 24)
        state.press(.character("A"), .character("n"))
        XCTAssertEqual(status(state), "Not marked: nothing changed")
        XCTAssertEqual(state.readStateRevision, 0)
        state.press(.character("A"), .character("j"))
        XCTAssertEqual(status(state), "Not marked: nothing changed")
        XCTAssertEqual(state.selectedStory, 0, "the key that cancels does nothing else")
        state.press(.character("A"), .character("Y"))
        XCTAssertEqual(state.readStateRevision, 0, "only a lower-case y says yes")
        state.press(.character("A"))
        _ = state.update(.mouse(MouseEvent(.click, x: 5, y: 3)))
        XCTAssertNil(state.question, "a click cancels too")
        XCTAssertEqual(state.readStateRevision, 0)
        XCTAssertEqual(state.selectedStory, 0)
        state.press(.character("u"))
        XCTAssertEqual(status(state), "Nothing to undo")
    }

    func testInTheStoryItMarksTheOpenStoryOnly() {
        var state = UIFixtures.state(width: 80, height: 24)
        state.press(.tab)  // story text: the story is read, its comments not yet
        state.press(.character("A"))
        XCTAssertEqual(status(state), "Mark 1 story and 6 comments read? y/n", "counted as the list counts it")
        state.press(.character("y"))
        XCTAssertEqual(status(state), "Marked 1 story and 6 comments read (u undoes)")
        XCTAssertEqual(state.readState.unreadCount(of: stories[0]), 0)
        XCTAssertFalse(state.readState.isStoryRead(stories[1].id), "other stories are left alone")
        state.press(.character("A"))
        XCTAssertEqual(status(state), "Nothing unread: this story is read, with its comments")
        state.press(.character("u"))
        XCTAssertEqual(status(state), "Undid: marked 1 story and 6 comments read")
    }

    func testToggleReadIsOneUndoStepEach() {
        var state = UIFixtures.state(width: 80, height: 24)
        state.press(.character("r"), .down, .character("r"))
        XCTAssertEqual(state.readState.undoSteps.map(\.command), ["toggle-read", "toggle-read"])
        state.press(.character("u"))
        XCTAssertEqual(status(state), "Undid: marked 1 story and 2 comments read")
        XCTAssertFalse(state.readState.isStoryRead(stories[1].id))
        XCTAssertTrue(state.readState.isStoryRead(stories[0].id))
        state.press(.character("u"))
        XCTAssertEqual(status(state), "Undid: marked 1 story and 6 comments read")
        XCTAssertFalse(state.readState.isStoryRead(stories[0].id))
        XCTAssertEqual(state.entries[0].unreadComments, 6, "an entry not selected gets its count back")
    }

    /// With read stories hidden, a story made unread by `u` comes back into the list.
    func testUndoBringsBackAStoryHiddenAsRead() {
        var state = UIFixtures.state(width: 80, height: 24)
        state.press(.character("H"), .character("r"), .down)
        XCTAssertEqual(state.rows.count, 2, "the story read is hidden once left")
        state.press(.character("u"))
        XCTAssertFalse(state.readState.isStoryRead(stories[0].id))
        XCTAssertEqual(state.rows.count, 3, "unread again: listed again")
    }

    func testOpeningAndReadingAreNotUndoSteps() {
        var state = UIFixtures.state(width: 80, height: 24)
        state.press(.enter, .down, .down)
        XCTAssertTrue(state.readState.undoSteps.isEmpty)
        state.press(.character("u"))
        XCTAssertEqual(status(state), "Nothing to undo")
    }

    func testCommentsMadeUnreadByUndoStayUnreadOnScreen() {
        var state = UIFixtures.state(width: 80, height: 24)
        state.press(.enter)  // every comment shown and read
        state.press(.down, .character("r"))  // jon's comment and its two replies marked unread
        XCTAssertEqual(state.readState.unreadCount(of: stories[0]), 3)
        state.press(.character("r"))  // read again
        state.press(.character("u"))
        XCTAssertEqual(status(state), "Undid: marked 3 comments read")
        state.press(.down, .up)
        XCTAssertEqual(state.readState.unreadCount(of: stories[0]), 3, "on screen, yet unread: the undo said so")
    }

    func testTheSmallScreenKeepsTheAnswersInSight() {
        var state = UIFixtures.state(width: 30, height: 8)
        state.press(.character("A"))
        XCTAssertEqual(status(state), "Mark 3 stories and 8 co… y/n")
        state.press(.character("y"))
        XCTAssertTrue(allRead(state))
        state.press(.character("u"))
        XCTAssertTrue(status(state).hasPrefix("Undid: marked 3 st"), status(state))
        state.press(.character("u"))
        XCTAssertEqual(status(state), "Nothing to undo")
        state.press(.tab, .character("A"), .character("y"), .character("A"))
        XCTAssertTrue(status(state).hasPrefix("Nothing unread"), status(state))
    }

    /// Stories not parsed yet have their comment ids read from their files, through an effect.
    func testStoriesNotParsedAreReadFromTheirFiles() {
        let byID = Dictionary(uniqueKeysWithValues: stories.map { ($0.id, $0) })
        var parsed: [String] = []
        var runner = HeadlessRunner(state: AppState(width: 80, height: 24), parse: { summary in
            parsed.append(summary.id)
            return .success(byID[summary.id]!)
        })
        runner.send(.loaded(ParallelLoad.Batch(entries: stories.map { StoryEntry(summary: $0.summary, unreadComments: $0.comments.countedCount) },
                                               problems: [], done: 3, total: 3, finished: true)))
        parsed.removeAll()  // the first story, shown at once
        runner.press(.character("A"))
        XCTAssertEqual(status(runner.state), "Mark 3 stories and 8 comments read? y/n")
        runner.press(.character("y"))
        XCTAssertEqual(Set(parsed), [stories[1].id, stories[2].id], "the open story's ids are at hand")
        XCTAssertTrue(allRead(runner.state))
        XCTAssertEqual(runner.state.entries.map(\.unreadComments), [0, 0, 0])
        runner.press(.character("u"))
        XCTAssertEqual(runner.state.entries.map(\.unreadComments), [6, 2, 0])
        XCTAssertTrue(stories.allSatisfy { !runner.state.readState.isStoryRead($0.id) })
    }

    /// `q` right after `y`, while the stories not parsed are still being read: the reader finishes the
    /// marking, saves it, and only then quits.
    func testQuittingWaitsForAMarkingStillReadingItsStories() {
        var state = AppState(width: 80, height: 24)
        _ = state.update(.loaded(ParallelLoad.Batch(entries: stories.map { StoryEntry(summary: $0.summary, unreadComments: $0.comments.countedCount) },
                                                    problems: [], done: 3, total: 3, finished: true)))
        _ = state.update(.key(.character("A")))
        let asked = state.update(.key(.character("y")))
        XCTAssertTrue(asked.contains { if case .collectComments = $0 { return true } else { return false } }, "\(asked)")
        let quitting = state.update(.key(.character("q")))
        XCTAssertFalse(quitting.contains(.quit), "no quit before the marking is done: \(quitting)")
        XCTAssertTrue(status(state).contains("then quitting"), status(state))
        let ids = Dictionary(uniqueKeysWithValues: stories.map { ($0.id, $0.comments.filter(\.isCounted).map(\.id)) })
        let done = state.update(.commentsCollected(ids))
        XCTAssertTrue(done.contains(.quit), "\(done)")
        XCTAssertTrue(done.contains { if case .save = $0 { return true } else { return false } }, "the marking is saved first")
        XCTAssertTrue(allRead(state))
    }

    /// A marking that reads its stories' comments for long (100,000 stories) keeps saying so: its message
    /// does not clear itself while the work goes on.
    func testTheMarkingMessageStaysUntilTheMarkingIsDone() {
        var state = AppState(width: 80, height: 24)
        _ = state.update(.loaded(ParallelLoad.Batch(entries: stories.map { StoryEntry(summary: $0.summary, unreadComments: $0.comments.countedCount) },
                                                    problems: [], done: 3, total: 3, finished: true)))
        _ = state.update(.key(.character("A")))
        _ = state.update(.key(.character("y")))
        let marking = status(state)
        XCTAssertTrue(marking.hasPrefix("Marking"), marking)
        let start = Date()
        for seconds in [0.0, 1, 7, 20] { _ = state.update(.tick(start.addingTimeInterval(seconds))) }
        XCTAssertEqual(status(state), marking, "still marking after 20 s")
        let ids = Dictionary(uniqueKeysWithValues: stories.map { ($0.id, $0.comments.filter(\.isCounted).map(\.id)) })
        _ = state.update(.commentsCollected(ids))
        XCTAssertTrue(status(state).hasPrefix("Marked"), status(state))
        for seconds in [21.0, 22, 30] { _ = state.update(.tick(start.addingTimeInterval(seconds))) }
        XCTAssertFalse(status(state).hasPrefix("Marked"), "the result clears itself as messages do")
    }
}

extension MarkAllReadTests {
    /// The question counts the stories the list's title calls unread: also one opened before whose comments
    /// are not all read.
    func testTheQuestionCountsStoriesAsTheTitleDoes() {
        var readState = ReadState()
        _ = readState.setStory(stories[0].id, read: true)
        var state = AppState(stories: stories, readState: readState, width: 100, height: 24)
        XCTAssertTrue(state.render().text.contains("3 unread"), state.render().text)
        state.press(.character("A"))
        XCTAssertEqual(status(state), "Mark 3 stories and 8 comments read? y/n")
        // The answer counts as the question did: the story read with its comments unread is one of them.
        state.press(.character("y"))
        XCTAssertEqual(status(state), "Marked 3 stories and 8 comments read (u undoes)")
        state.press(.character("u"))
        XCTAssertEqual(status(state), "Undid: marked 3 stories and 8 comments read", "the undo counts as the question did")
    }
}
