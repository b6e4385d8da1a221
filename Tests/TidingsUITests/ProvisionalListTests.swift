import Foundation
import TidingsModel
import TidingsTestSupport
import XCTest
@testable import TidingsUI

/// A folder of messages one per file is listed early, as far as its threads are known, and the list is
/// replaced as the loader learns more: the reader stays where the user is.
final class ProvisionalListTests: XCTestCase {
    let stories = (0..<4).map { StoryBuilder.story("thread \($0)", comments: [(0, "reply to \($0)")]) }

    func entries(_ indices: [Int]) -> [StoryEntry] { indices.map { StoryEntry(story: stories[$0], readState: ReadState()) } }

    func provisional(_ indices: [Int], finished: Bool = false) -> ParallelLoad.Batch {
        var batch = ParallelLoad.Batch()
        batch.provisional = entries(indices)
        if finished {
            batch.provisional = []
            batch.entries = entries(indices)
            batch.finished = true
        }
        return batch
    }

    /// Nobody has pressed a key: the first row stays selected when threads are listed above the first one.
    func testUntouchedTheFirstRowStaysSelected() {
        var state = AppState(readState: ReadState(), width: 80, height: 24)
        var effects = state.update(.loaded(provisional([2])))
        XCTAssertEqual(effects, [.loadStory(index: 0, summary: stories[2].summary)])
        _ = state.update(.storyParsed(index: 0, result: .success(stories[2])))
        effects = state.update(.loaded(provisional([0, 1, 2])))
        XCTAssertEqual(state.selectedStory, 0)
        XCTAssertEqual(effects, [.loadStory(index: 0, summary: stories[0].summary)], "the new first thread is read")
        _ = state.update(.loaded(provisional([0, 1, 2, 3], finished: true)))
        XCTAssertEqual(state.selectedStory, 0)
        XCTAssertEqual(state.entries.map(\.summary.id), [0, 1, 2, 3].map { stories[$0].id })
        XCTAssertTrue(state.render().text.contains("Stories 1/4"), state.render().text)
    }

    /// After a key the selection follows its story, wherever the new list puts it.
    func testAfterAKeyTheSelectionFollowsItsStory() {
        var state = AppState(readState: ReadState(), width: 80, height: 24)
        _ = state.update(.loaded(provisional([1, 3])))
        _ = state.update(.key(.down))
        XCTAssertEqual(state.entries[state.selectedStory].summary.id, stories[3].id)
        _ = state.update(.loaded(provisional([0, 1, 2, 3])))
        XCTAssertEqual(state.selectedStory, 3)
        _ = state.update(.loaded(provisional([0, 1, 2, 3], finished: true)))
        XCTAssertEqual(state.entries[state.selectedStory].summary.id, stories[3].id)
    }

    /// A key on the first row counts too: the user chose that story.
    func testAKeyOnTheFirstRowKeepsItsStory() {
        var state = AppState(readState: ReadState(), width: 80, height: 24)
        _ = state.update(.loaded(provisional([2])))
        _ = state.update(.key(.enter))
        _ = state.update(.loaded(provisional([0, 1, 2])))
        XCTAssertEqual(state.entries[state.selectedStory].summary.id, stories[2].id)
    }

    /// A thread parsed while listed with its first message alone, then listed whole and asked for again:
    /// the answer to the first request, coming late, is not shown over the whole thread.
    func testAnOlderParseOfAThreadListedEarlyIsNotShown() {
        let whole = StoryBuilder.story("thread w", comments: [(0, "first reply"), (1, "second reply")])
        var early = whole
        early.comments = []
        var state = AppState(readState: ReadState(), width: 80, height: 24)
        var batch = ParallelLoad.Batch()
        batch.provisional = [StoryEntry(story: early, readState: ReadState())]
        XCTAssertEqual(state.update(.loaded(batch)), [.loadStory(index: 0, summary: early.summary)])
        var final = ParallelLoad.Batch(entries: [StoryEntry(story: whole, readState: ReadState())], finished: true)
        final.provisional = []
        XCTAssertEqual(state.update(.loaded(final)), [.loadStory(index: 0, summary: whole.summary)])
        _ = state.update(.storyParsed(index: 0, result: .success(early), summary: early.summary))
        XCTAssertNotNil(state.loadingStory, "still waiting for the whole thread")
        _ = state.update(.storyParsed(index: 0, result: .success(whole), summary: whole.summary))
        XCTAssertEqual(state.currentStory?.comments.count, 2)
        XCTAssertEqual(state.entries[0].summary.commentCount, 2)
    }
}
