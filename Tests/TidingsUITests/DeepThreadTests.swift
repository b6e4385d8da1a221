import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// A thread nested deeper than the comment pane has columns for: the guides stop at a third of the pane,
/// deeper comments are drawn there with their depth written in the guides, and the lines stay unbroken.
final class DeepThreadTests: XCTestCase {
    /// Thirty levels, a reply at 25 after the deepest ones, and a comment back at level three under them.
    static let story: Story = {
        var comments: [(depth: Int, text: String)] = (0..<30).map { ($0, "level \($0) words of a reply that goes on for a while") }
        comments.append((25, "a sibling at 25"))
        comments.append((3, "back at three"))
        return UIFixtures.story("deep", comments: comments)
    }()

    /// The comment pane's widths at 120x40 (beside the story text), 80x24, 60x20 and 30x8, and narrower.
    static let widths = [72, 80, 60, 30, 20]

    func testTheGuidesLeaveTwoThirdsOfThePaneToTheText() {
        let thread = CommentThread(comments: Self.story.comments)
        for width in Self.widths {
            var layout = CommentLayout(width: width)
            for index in thread.comments.indices {
                for line in layout.lines(for: index, in: thread) where line.kind != .spacer {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(line.guide), width / 3, "\(width): comment \(index)")
                }
            }
        }
    }

    /// Level three has a later reply: its line runs down past every deeper comment to it, at the same
    /// column, and each comment below the last column says its depth there.
    func testDeeperCommentsSayTheirDepthAndKeepTheLinesAboveThem() {
        let thread = CommentThread(comments: Self.story.comments)
        for width in Self.widths {
            var layout = CommentLayout(width: width)
            let levels = layout.levels
            XCTAssertGreaterThanOrEqual(levels, 1, "\(width)")
            for index in thread.comments.indices {
                let depth = thread.comments[index].depth
                let lines = layout.lines(for: index, in: thread)
                let first = Array(lines[0].guide)
                if depth > levels {
                    XCTAssertEqual(String(first.dropFirst(2 * levels)), "[\(depth)]", "\(width): comment \(index)")
                    XCTAssertTrue(lines.dropFirst().allSatisfy { $0.guide.count == first.count }, "\(width): rows line up")
                } else {
                    XCTAssertEqual(first.count, 2 * depth, "\(width): comment \(index)")
                }
                guard levels >= 3, (3...31).contains(index) else { continue }
                for (row, line) in lines.enumerated() {
                    let mark = Array(line.guide)[4]
                    let expected: Character = index == 3 && row == 0 ? "├" : index == 31 && row == 0 ? "└" : index == 31 ? " " : "│"
                    XCTAssertEqual(mark, expected, "\(width): comment \(index), row \(row)")
                }
            }
        }
    }

    func testScreensOfADeepThread() {
        let expected: [String: [String]] = [
            "60x20": ["    │           [21]● level 21 words of a reply that goes on",
                      "    │                 for a while"],
            "30x8": ["    │ [21]● level 21 words of ", "    │       a reply that goes "],
        ]
        for (width, height) in [(120, 40), (80, 24), (60, 20), (30, 8)] {
            var state = AppState(stories: [Self.story], width: width, height: height)
            state.press(.enter)
            for _ in 0..<22 { state.press(.down) }
            let screen = state.render()
            Snapshot.assertRowsFit(screen)
            let rows = screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            XCTAssertTrue(rows.contains { $0.contains("[22]● level 22 words") }, "\(width)x\(height)")
            for row in expected["\(width)x\(height)"] ?? [] {
                XCTAssertTrue(rows.contains { $0.hasPrefix(row) }, "\(width)x\(height): \(row)\n\(screen.text)")
            }
        }
    }
}
