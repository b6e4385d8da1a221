import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Enter opens a story at its comments, and a story without comments saved at its text: an empty comment
/// pane in focus would say "No comments." with the text out of sight (80 columns) or squeezed beside it.
final class OpenStoryTests: XCTestCase {
    static let body = StoryBody(paragraphs: ["An article from a feed, with no comments at all: the text is the story."])

    /// A story whose only entries are stubs for replies that were not saved.
    static var onlyStubs: Story {
        var story = StoryBuilder.story("stubs", body: body, comments: [(0, "3 more replies not saved")])
        story.comments[0].kind = .unsaved
        return story
    }

    func testEnterOnAStoryWithoutCommentsShowsItsText() {
        let stories = [StoryBuilder.story("bare", body: Self.body, comments: []), Self.onlyStubs]
        for story in stories {
            for (width, height) in [(80, 24), (120, 40)] {
                var state = AppState(stories: [story], width: width, height: height)
                state.press(.enter)
                XCTAssertEqual(state.focus, .text, "\(story.id) at \(width)x\(height)")
                let screen = state.render().text
                XCTAssertTrue(screen.contains("the text is the story"), "\(story.id) at \(width)x\(height):\n\(screen)")
                XCTAssertTrue(state.readState.isStoryRead(story.id), "opened")
                // Enter again in the text has nowhere else to go, and says why.
                state.press(.enter)
                XCTAssertEqual(state.focus, .text)
                XCTAssertEqual(state.message, "No comments.")
            }
        }
    }

    func testEnterOnAStoryWithCommentsStillFocusesThem() {
        var state = AppState(stories: [StoryBuilder.story("talk", body: Self.body, comments: [(0, "first"), (1, "reply")])],
                             width: 80, height: 24)
        state.press(.enter)
        XCTAssertEqual(state.focus, .comments)
        state.press(.escape, .tab, .enter)
        XCTAssertEqual(state.focus, .comments, "from the text too")
    }

    func testBeforeTheStoryIsParsedItsListEntryDecides() {
        let stories = [StoryBuilder.story("talk", comments: [(0, "first")]), StoryBuilder.story("bare", body: Self.body, comments: [])]
        for (index, expected) in [(0, Focus.comments), (1, .text)] {
            var state = AppState(readState: ReadState(), width: 80, height: 24)
            var batch = ParallelLoad.Batch()
            batch.entries = stories.map { StoryEntry(story: $0, readState: ReadState()) }
            batch.finished = true
            _ = state.update(.loaded(batch))
            if index > 0 { _ = state.update(.key(.down)) }
            XCTAssertNil(state.currentStory, "still being parsed")
            _ = state.update(.key(.enter))
            XCTAssertEqual(state.focus, expected, stories[index].id)
        }
    }
}
