import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// `H` hides the stories with nothing unread: the selected story stays listed until the selection moves off
/// it, stories arriving from the loader are filtered as they come, and turning it off keeps the selection.
/// At a usual size and at the smallest, where the list is two rows high.
final class HideReadTests: XCTestCase, StoryListProbes {
    static let sizes = [(80, 24), (30, 8)]
    static let names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]
    static let stories = names.map { UIFixtures.story($0, comments: [(0, "a word on \($0)")]) }

    /// Every story unread but those named.
    static func readState(reading read: [String]) -> ReadState {
        var state = ReadState()
        for story in stories where read.contains(story.id) {
            _ = state.setStory(story.id, read: true)
            _ = state.setComments(story.comments.map(\.id), in: story.id, read: true)
        }
        return state
    }

    /// The titles in the story list's rows, as drawn (a row's title starts two cells in).
    func drawnRows(_ state: inout AppState) -> [String] {
        let screen = state.render()
        let list = state.layout.storyList!
        return (list.y..<list.maxY).map { screen.row($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func testTheSelectedStoryStaysUntilTheSelectionMovesOff() {
        for (width, height) in Self.sizes {
            let size = "\(width)x\(height)"
            var state = AppState(stories: Self.stories, readState: Self.readState(reading: ["bravo", "delta"]),
                                 width: width, height: height)
            state.press(.character("H"))
            XCTAssertEqual(state.message, "2 read stories hidden", size)
            XCTAssertTrue(state.render().text.contains("2 read stories hidden"), "\(size): the status line has room for it")
            XCTAssertEqual(listed(state), ["alpha", "charlie", "echo", "foxtrot"], size)
            XCTAssertEqual(title(&state), "Stories 1/4 (6 in all)", size)
            XCTAssertFalse(drawnRows(&state).contains { $0.contains("bravo") }, size)
            // Read under the cursor: it stays listed and selected.
            state.press(.enter, .escape)
            XCTAssertTrue(state.readState.isStoryRead("alpha"), size)
            XCTAssertEqual(state.readState.unreadCount(of: Self.stories[0]), 0, size)
            XCTAssertEqual(listed(state), ["alpha", "charlie", "echo", "foxtrot"], size)
            XCTAssertEqual(title(&state), "Stories 1/4 (6 in all)", size)
            XCTAssertTrue(drawnRows(&state)[0].hasPrefix("alpha"), "\(size): \(drawnRows(&state))")
            // Moving off it: it goes, and the selection stays on the story it moved to.
            state.press(.down)
            XCTAssertEqual(selected(state), "charlie", size)
            XCTAssertEqual(listed(state), ["charlie", "echo", "foxtrot"], size)
            XCTAssertEqual(title(&state), "Stories 1/3 (6 in all)", size)
            XCTAssertTrue(drawnRows(&state)[0].hasPrefix("● charlie"), "\(size): \(drawnRows(&state))")
            state.press(.up)
            XCTAssertEqual(selected(state), "charlie", "\(size): nothing above it now")
            // End is the last row, and a click picks the row under it.
            state.press(.end)
            XCTAssertEqual(selected(state), "foxtrot", size)
            XCTAssertEqual(title(&state), "Stories 3/3 (6 in all)", size)
            state.press(.home)
            let list = state.layout.storyList!
            _ = state.update(.mouse(MouseEvent(.click, x: list.x + 3, y: list.y + 1)))
            XCTAssertEqual(selected(state), "echo", "\(size): the second row shown")
            // Turning it off: every story again, the selection on the same story.
            state.press(.character("H"))
            XCTAssertEqual(state.message, "Every story shown", size)
            XCTAssertEqual(listed(state), Self.names, size)
            XCTAssertEqual(selected(state), "echo", size)
            XCTAssertEqual(title(&state), "Stories 5/6", size)
            XCTAssertTrue(drawnRows(&state).contains { $0.contains("echo") }, size)
            // The story read and moved off while hidden is back too, read.
            state.press(.home)
            XCTAssertEqual(selected(state), "alpha", size)
        }
    }

    /// `n` and `N` walk the rows shown; with `H` on, the stories left out have nothing unread anyway.
    func testHidingWhenOnlyTheSelectedStoryIsReadSaysWhenItGoes() {
        var state = AppState(stories: Self.stories, readState: Self.readState(reading: ["alpha"]), width: 80, height: 24)
        state.press(.character("H"))
        XCTAssertTrue(state.hidesRead)
        XCTAssertEqual(state.message, "This read story goes on a move")
        state.press(.down)
        XCTAssertFalse(listed(state).contains("alpha"))
    }

    func testNextUnreadFromAReadStoryGoesToTheNextRow() {
        for (width, height) in Self.sizes {
            var state = AppState(stories: Self.stories, readState: Self.readState(reading: ["alpha", "bravo", "delta"]),
                                 width: width, height: height)
            state.press(.character("H"))
            XCTAssertEqual(listed(state), ["alpha", "charlie", "echo", "foxtrot"], "the selected read story stays")
            state.press(.character("n"))
            XCTAssertEqual(selected(state), "charlie")
            XCTAssertEqual(state.message, "Next story with unread comments")
            XCTAssertEqual(listed(state), ["charlie", "echo", "foxtrot"])
            // Unread, it opened at its text; the next `n` goes on to its comments, and reads them.
            XCTAssertEqual(state.focus, .text)
            state.press(.character("n"))
            XCTAssertEqual(state.focus, .comments)
            state.press(.character("N"))
            XCTAssertEqual(selected(state), "foxtrot", "back round: charlie is read now, and gone from the list")
            XCTAssertEqual(listed(state), ["echo", "foxtrot"])
        }
    }

    func testEverythingReadAndHiddenSaysSo() {
        for (width, height) in Self.sizes {
            let size = "\(width)x\(height)"
            var state = AppState(stories: Self.stories, readState: Self.readState(reading: Self.names), width: width, height: height)
            state.press(.down, .character("H"))
            XCTAssertEqual(state.message, "5 read stories hidden", size)
            XCTAssertEqual(listed(state), ["bravo"], "\(size): only the selection")
            XCTAssertEqual(title(&state), "Stories 1/1 (6 in all)", size)
            XCTAssertEqual(drawnRows(&state).last, "No unread stories: H shows all", size)
            state.press(.down, .end, .up)
            XCTAssertEqual(selected(state), "bravo", size)
            state.press(.character("n"))
            XCTAssertEqual(state.message, "Nothing unread left in the collection", size)
            state.press(.character("H"))
            XCTAssertEqual(listed(state), Self.names, size)
            XCTAssertEqual(title(&state), "Stories 2/6", size)
            XCTAssertFalse(state.render().text.contains("No unread stories"), size)
            // Space to the end of a story when everything else is read: the same message, the same list.
            state.press(.character("H"), .character(" "))
            for _ in 0..<6 { state.press(.character(" ")) }
            XCTAssertEqual(state.message, "Nothing unread left in the collection", size)
            state.press(.escape)
            XCTAssertEqual(drawnRows(&state).last, "No unread stories: H shows all", size)
        }
    }

    func testStoriesArrivingWhileLoadingAreFilteredInPlace() {
        func batch(_ names: [String], provisional: [String]? = nil, finished: Bool = false, read: [String]) -> ParallelLoad.Batch {
            let readState = Self.readState(reading: read)
            func entries(_ names: [String]) -> [StoryEntry] {
                names.map { name in StoryEntry(story: Self.stories.first { $0.id == name }!, readState: readState) }
            }
            var batch = ParallelLoad.Batch()
            batch.entries = entries(names)
            batch.provisional = provisional.map(entries)
            batch.finished = finished
            return batch
        }
        func parsed(_ state: inout AppState, _ name: String) {
            _ = state.update(.storyParsed(index: state.selectedStory, result: .success(Self.stories.first { $0.id == name }!)))
        }
        let read = ["bravo", "charlie", "foxtrot"]
        for (width, height) in Self.sizes {
            let size = "\(width)x\(height)"
            var state = AppState(readState: Self.readState(reading: read), width: width, height: height)
            _ = state.update(.key(.character("H")))
            XCTAssertEqual(state.message, "Read stories hidden: none yet", size)
            _ = state.update(.loaded(batch(["alpha", "bravo"], read: read)))
            XCTAssertEqual(listed(state), ["alpha"], size)
            XCTAssertEqual(title(&state), "Stories 1/1 (2 in all)", size)
            parsed(&state, "alpha")
            // Read while selected, then more stories arrive: it stays; the read one among them does not show.
            _ = state.update(.key(.enter))
            _ = state.update(.key(.escape))
            _ = state.update(.loaded(batch(["charlie", "delta"], read: read)))
            XCTAssertEqual(listed(state), ["alpha", "delta"], size)
            XCTAssertEqual(selected(state), "alpha", size)
            XCTAssertEqual(title(&state), "Stories 1/2 (4 in all)", size)
            _ = state.update(.key(.down))
            parsed(&state, "delta")
            XCTAssertEqual(listed(state), ["delta"], size)
            // Threads listed provisionally at the end, then replaced: filtered each time.
            _ = state.update(.loaded(batch([], provisional: ["echo"], read: read)))
            XCTAssertEqual(listed(state), ["delta", "echo"], size)
            _ = state.update(.key(.down))
            parsed(&state, "echo")
            _ = state.update(.key(.enter))
            _ = state.update(.key(.escape))
            XCTAssertTrue(state.readState.isStoryRead("echo"), size)
            _ = state.update(.loaded(batch(["echo", "foxtrot"], provisional: [], finished: true, read: read)))
            XCTAssertEqual(state.entries.map(\.summary.id), Self.names, size)
            XCTAssertEqual(selected(state), "echo", "\(size): the selection kept its story")
            XCTAssertEqual(listed(state), ["delta", "echo"], "\(size): read under the cursor, still listed")
            XCTAssertEqual(title(&state), "Stories 2/2 (6 in all)", size)
            _ = state.update(.key(.up))
            XCTAssertEqual(listed(state), ["delta"], size)
            _ = state.update(.key(.character("H")))
            XCTAssertEqual(listed(state), Self.names, size)
            XCTAssertEqual(selected(state), "delta", size)
        }
    }
}
