import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// PgDn through a story's comments shows every comment once at least, whatever their heights and the pane's:
/// a comment passed over would never be seen, and would be marked read all the same.
final class CommentPagingTests: XCTestCase {
    /// Comments of every height, some as tall as a small pane or taller, nested up to three levels.
    static func story(seed: UInt64) -> Story {
        var generator = SeededRandom(seed: seed)
        var depth = 0
        let comments = (0..<80).map { index -> (depth: Int, text: String) in
            let words = [1, 3, 8, 20, 45, 90][Int.random(in: 0..<6, using: &generator)]
            let text = (0..<words).map { "w\(index)x\($0)" }.joined(separator: " ")
            depth = index == 0 ? 0 : Int.random(in: 0...min(3, depth + 1), using: &generator)
            return (depth: depth, text: text)
        }
        return UIFixtures.story("paged", comments: comments)
    }

    func testPageDownAndSpaceShowEveryComment() {
        let cases = (1...4 as ClosedRange<UInt64>).flatMap { seed in [KeyPress.pageDown, .character(" ")].map { (seed, $0) } }
        for (seed, key) in cases {
            let story = Self.story(seed: seed)
            for (width, height) in [(120, 40), (80, 24), (60, 20), (40, 10), (30, 8)] {
                var state = AppState(stories: [story], width: width, height: height)
                state.press(.enter)
                XCTAssertEqual(state.focus, .comments)
                var presses = 0
                while presses < 2_000 {
                    let before = (state.selectedComment, state.commentPane.top, state.commentPane.topLine)
                    state.press(key)
                    presses += 1
                    if (state.selectedComment, state.commentPane.top, state.commentPane.topLine) == before { break }
                }
                let unseen = Set(story.comments.indices).subtracting(state.commentPane.shown)
                XCTAssertEqual(unseen, [], "seed \(seed) at \(width)x\(height): comments \(key) passed over")
                XCTAssertTrue(story.comments.allSatisfy { state.readState.isCommentRead($0.id, in: story.id) },
                              "seed \(seed) at \(width)x\(height): all read once all shown")
            }
        }
    }
}
