import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Comments as the HTML and Markdown importers make them, on screen at 80x24 and in a narrow pane.
final class RichCommentScreenTests: XCTestCase {
    static let sizes = [(80, 24), (34, 24)]

    /// The comment pane focused with comment `index` selected, reached with the arrow keys.
    func screen(selecting index: Int, width: Int, height: Int) -> ScreenBuffer {
        var state = RichFixtures.state(width: width, height: height)
        state.press(.enter)
        for _ in 0..<40 where state.selectedComment != index { state.press(.down) }
        XCTAssertEqual(state.selectedComment, index)
        return state.render()
    }

    func testParagraphsEmphasisAndTheirLinks() {
        for (width, height) in Self.sizes {
            let screen = screen(selecting: 0, width: width, height: height)
            Snapshot.assert(screen, named: "rich-\(width)x\(height)-paragraphs-links")
        }
        let text = screen(selecting: 0, width: 80, height: 24).text
        XCTAssertTrue(text.contains("alice · 3 hours ago · 12 points"))
        XCTAssertTrue(text.contains("The docs[1] are bad good."))
        XCTAssertTrue(text.contains("[1] https://example.com/docs"))
        XCTAssertTrue(text.contains("[2] https://example.com/releases/2007/changelog-for-the-first-version.html"))
    }

    func testNestedQuotesAndLists() {
        for (width, height) in Self.sizes {
            Snapshot.assert(screen(selecting: 1, width: width, height: height), named: "rich-\(width)x\(height)-quote-list")
        }
        let text = screen(selecting: 1, width: 80, height: 24).text
        XCTAssertTrue(text.contains("bob · 1 minute ago"))
        XCTAssertTrue(text.contains("│ │ Are they?"))
        XCTAssertTrue(text.contains("• press ? for the keys"))
        XCTAssertTrue(text.contains("  1. the README has a table"))
    }

    func testCodeWiderThanThePaneWrapsInMarkedRows() {
        for (width, height) in Self.sizes {
            let screen = screen(selecting: 2, width: width, height: height)
            Snapshot.assert(screen, named: "rich-\(width)x\(height)-code")
            let rows = screen.text.split(separator: "\n")
            XCTAssertFalse(rows.contains { $0.contains("return \"Hello") && $0.hasSuffix("…") }, "the long line is not cut")
            XCTAssertTrue(rows.contains { $0.contains("↪ ") && $0.contains("threads\"") }, "its end is on a marked row")
        }
    }

    func testTableColumns() {
        for (width, height) in Self.sizes {
            Snapshot.assert(screen(selecting: 3, width: width, height: height), named: "rich-\(width)x\(height)-table")
        }
        let text = screen(selecting: 3, width: 80, height: 24).text
        XCTAssertTrue(text.contains("machine       │ stories │ first screen"))
        XCTAssertTrue(text.contains("laptop        │ 1,000   │ 0.05 s"))
        XCTAssertTrue(text.contains("dave · 4 months ago · 3 points"))
    }

    func testDeletedCommentWithRepliesAndStubs() throws {
        for (width, height) in Self.sizes {
            // The last comment selected: the deleted one, its reply and the stubs above it.
            Snapshot.assert(screen(selecting: 8, width: width, height: height), named: "rich-\(width)x\(height)-deleted-stubs")
        }
        let screen = screen(selecting: 8, width: 80, height: 24)
        let text = screen.text
        XCTAssertTrue(text.contains("erin · 11 years ago"))
        XCTAssertTrue(text.contains("frank · Thu 2007-04-05 17:46 +02:00 · 1 point"), "a date in the future is shown in full")
        // The stub: no read marker, dimmed.
        let row = try XCTUnwrap(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("3 more replies not saved") })
        let line = screen.row(row)
        XCTAssertFalse(line.contains("●") || line.contains("·"), line)
        let column = line.distance(from: line.startIndex, to: line.range(of: "3 more")!.lowerBound)
        XCTAssertTrue(screen[column, row].style.dim)
    }

    func testStoryHeaderWithLinkZeroAndLocalDate() {
        for (width, height) in Self.sizes {
            var state = RichFixtures.state(width: width, height: height)
            state.press(.tab)
            XCTAssertEqual(state.focus, .text)
            let screen = state.render()
            Snapshot.assert(screen, named: "rich-\(width)x\(height)-story-header")
        }
        var state = RichFixtures.state(width: 80, height: 24)
        state.press(.tab)
        let text = state.render().text
        XCTAssertTrue(text.contains("Hacker News · pg · Tue 2007-04-03 14:21 +02:00"))
        XCTAssertTrue(text.contains("[0] https://example.com/articles/2007/04/a-newsreader-for-the-terminal?ref=hn"))
        XCTAssertTrue(text.contains("120 points · 7 comments (the page said 12)"), "stubs are not comments")
        XCTAssertTrue(text.contains("see the manual[1]."))
        XCTAssertTrue(text.contains("[1] https://example.com/manual"))
    }

    func testTheSameStoryInAnotherTimeZone() {
        var state = AppState(stories: [RichFixtures.story], width: 80, height: 24, now: RichFixtures.now,
                             timeZone: TimeZone(identifier: "America/New_York")!)
        state.press(.tab)
        XCTAssertTrue(state.render().text.contains("Tue 2007-04-03 08:21 -04:00"))
        state.timeZone = TimeZone(identifier: "UTC")!
        XCTAssertTrue(state.render().text.contains("Tue 2007-04-03 12:21 +00:00"))
    }

    func testCollapsedSummaryUsesTheFirstLineAndCountsComments() {
        var state = RichFixtures.state(width: 80, height: 24)
        state.press(.enter, .left)  // alice's thread folded
        XCTAssertTrue(state.render().text.contains("[+1] alice · 3 hours ago · 12 points: This is really nice. The docs are"))
        for _ in 0..<10 where state.selectedComment != 4 { state.press(.down) }
        XCTAssertEqual(state.selectedComment, 4)
        state.press(.left)  // the deleted comment's thread: one reply and two stubs, one of them nested
        let text = state.render().text
        XCTAssertTrue(text.contains("[+1] 5 hours ago: [deleted]"), text)
        XCTAssertTrue(text.contains("Comments 4/5 (7 in all)"), text)
    }

    func testRichStoriesFitAtEveryWidth() {
        for width in [1, 2, 3, 30, 31, 33, 47, 99, 100, 101, 160] {
            var state = RichFixtures.state(width: width, height: 24)
            state.press(.enter)
            for _ in 0..<12 {
                Snapshot.assertRowsFit(state.render())
                state.press(.down)
            }
            state.press(.tab)
            Snapshot.assertRowsFit(state.render())
        }
    }
}
