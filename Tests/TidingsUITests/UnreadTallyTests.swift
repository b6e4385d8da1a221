import Foundation
import TidingsModel
import TidingsTestSupport
import XCTest
@testable import TidingsUI

/// The list's title counts the stories with anything unread and their unread comments, and follows every way
/// marks change: reading, marking everything read, undo, files arriving and leaving.
final class UnreadTallyTests: XCTestCase, StoryListProbes {
    var disk: [String: Story] = [:]

    func story(_ id: String, comments: Int) -> Story {
        var story = StoryBuilder.story(id, comments: (0..<comments).map { (0, "comment \($0) on \(id)") })
        story.header.title = id
        return story
    }

    func reader(width: Int = 80, height: Int = 24) -> HeadlessRunner {
        disk = ["a": story("a", comments: 2), "b": story("b", comments: 3), "c": story("c", comments: 0)]
        var runner = HeadlessRunner(state: AppState(width: width, height: height)) { [unowned self] summary in
            self.disk[summary.path].map { .success($0) } ?? .failure(LoadProblem(path: summary.path, failure: .vanished))
        }
        runner.send(.loaded(ParallelLoad.Batch(entries: ["a", "b", "c"].map { StoryEntry(story: disk[$0]!, readState: ReadState()) },
                                               finished: true)))
        return runner
    }

    /// The tally as it stands, worked out again from nothing: what the kept one must equal.
    func counted(_ state: AppState) -> (Int, Int) {
        var stories = 0
        var comments = 0
        for index in state.entries.indices where !state.gone.contains(index) {
            let entry = state.entries[index]
            comments += entry.unreadComments
            if entry.unreadComments > 0 || !state.readState.isStoryRead(entry.summary.id) { stories += 1 }
        }
        return (stories, comments)
    }

    /// The tally is as counted from nothing, and the list's title (when the list is on screen) says it.
    func assertTally(_ runner: inout HeadlessRunner, _ expected: String, _ why: String = "", file: StaticString = #filePath, line: UInt = #line) {
        _ = runner.state.render()
        XCTAssertTrue(runner.state.unreadTally.stories == counted(runner.state).0
                      && runner.state.unreadTally.comments == counted(runner.state).1, "kept as counted", file: file, line: line)
        if runner.state.layout.storyListTitle != nil {
            XCTAssertEqual(fullTitle(&runner.state), expected, why, file: file, line: line)
        } else {
            let words = runner.state.unreadWords.map { [$0.stories, $0.comments.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ") }
            XCTAssertTrue(expected.hasSuffix(words ?? "-"), "\(expected) ends with \(words ?? "nothing")", file: file, line: line)
        }
    }

    func testTheTitleCountsWhatIsUnreadAsItChanges() {
        var runner = reader()
        assertTally(&runner, "Stories 1/3 · 3 unread (5 comments)")
        // Opening a story reads it, and its comments as the comment pane shows them.
        runner.press(.enter)
        assertTally(&runner, "Stories 1/3 · 2 unread (3 comments)")
        // Everything read, then taken back.
        runner.press(.escape, .escape, .character("A"), .character("y"))
        assertTally(&runner, "Stories 1/3 · all read")
        runner.press(.character("u"))
        assertTally(&runner, "Stories 1/3 · 2 unread (3 comments)")
        // A story without comments, opened, has nothing unread left; `r` in the list makes it unread again.
        runner.press(.down, .down, .enter, .escape)
        assertTally(&runner, "Stories 3/3 · 1 unread (3 comments)")
        runner.press(.character("r"))
        assertTally(&runner, "Stories 3/3 · 2 unread (3 comments)")
    }

    func testFilesArrivingAndLeavingAreCounted() {
        var runner = reader()
        disk["d"] = story("d", comments: 4)
        runner.send(.collectionChanged(CollectionUpdate(files: ["d"], entries: [StoryEntry(story: disk["d"]!, readState: ReadState())])))
        assertTally(&runner, "Stories 1/4 · 4 unread (9 comments)")
        disk["b"] = nil
        runner.send(.collectionChanged(CollectionUpdate(files: ["b"])))
        assertTally(&runner, "Stories 1/3 · 3 unread (6 comments)")
        runner.press(.character("H"))
        assertTally(&runner, "Stories 1/3 (3 in all, 3 unread)", "filtered, the tally goes with the count in all")
    }

    /// On a narrow list the counts give way before the position and the sort.
    func testNarrowTitlesDropTheTallyFirst() {
        var runner = reader(width: 30, height: 8)
        runner.press(.character("s"))
        let title = fullTitle(&runner.state)
        XCTAssertTrue(title.hasPrefix("Stories 1/3 · newest"), title)
        XCTAssertLessThanOrEqual(DisplayWidth.of(title), 30)
    }
}
