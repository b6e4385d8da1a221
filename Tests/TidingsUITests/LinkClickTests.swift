import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// A click on a link's number opens exactly that link, with the rules of the keys: in the story text and in
/// the comments, on the number after the linked text and on the number before a listed target, `[0]` for
/// the story's own link; refused links say what the key says; a click beside a number only selects.
final class LinkClickTests: XCTestCase {
    static let storyURL = "https://example.com/story"
    static let textLinks = ["https://example.com/one", "https://example.com/two", "javascript:alert(1)"]
    static let commentLinks = ["https://example.com/first", "mailto:editor@example.com"]

    static func story() -> Story {
        let text = StoryBody(blocks: [.init(.paragraph, [.init("One", link: 0), .init(" and "), .init("two", link: 1), .init(" and "),
                                                         .init("three", link: 2), .init(".")])],
                             links: textLinks)
        var story = StoryBuilder.story("links", body: text, comments: [(0, "no link"), (0, "two links")])
        story.url = storyURL
        story.comments[1].body = StoryBody(blocks: [.init(.paragraph, [.init("alpha", link: 0), .init(" beta", link: 1)])],
                                           links: commentLinks)
        return story
    }

    func reader(width: Int, height: Int) -> AppState {
        AppState(stories: [Self.story()], width: width, height: height)
    }

    /// The screen cell of the `index`th (from 0) occurrence of `text` on a row that also holds `context`.
    func cell(_ state: inout AppState, of text: String, on context: String, occurrence index: Int = 0) -> (x: Int, y: Int)? {
        let screen = state.render()
        for y in 0..<screen.height {
            let row = screen.row(y)
            guard row.contains(context) else { continue }
            var found = 0
            var search = row.startIndex
            while let range = row.range(of: text, range: search..<row.endIndex) {
                if found == index { return (DisplayWidth.of(String(row[..<range.lowerBound])), y) }
                found += 1
                search = range.upperBound
            }
        }
        return nil
    }

    func click(_ state: inout AppState, _ at: (x: Int, y: Int)?) -> [AppState.Effect] {
        guard let at else {
            XCTFail("nothing to click")
            return []
        }
        return state.update(.mouse(MouseEvent(.click, x: at.x, y: at.y)))
    }

    func testNumbersInTheStoryTextOpenTheirLinks() {
        for (width, height) in [(80, 24), (120, 40), (40, 30)] {
            let size = "\(width)x\(height)"
            var state = reader(width: width, height: height)
            XCTAssertEqual(click(&state, cell(&state, of: "[2]", on: "two")), [.openURL(Self.textLinks[1])], size)
            XCTAssertEqual(state.focus, .text, "\(size): the click focused the story text")
            XCTAssertEqual(state.message, "Opening \(Self.textLinks[1])")
            // The listed target's number, and the second cell of a number.
            XCTAssertEqual(click(&state, cell(&state, of: "[1] https", on: "example.com/one")), [.openURL(Self.textLinks[0])], size)
            let second = cell(&state, of: "[1]", on: "One").map { (x: $0.x + 1, y: $0.y) }
            XCTAssertEqual(click(&state, second), [.openURL(Self.textLinks[0])], size)
            // The story's own link is [0].
            XCTAssertEqual(click(&state, cell(&state, of: "[0]", on: "example.com/story")), [.openURL(Self.storyURL)], size)
            // Beside a number: nothing opens.
            let before = cell(&state, of: "[2]", on: "two").map { (x: $0.x - 1, y: $0.y) }
            XCTAssertEqual(click(&state, before), [], size)
            XCTAssertNil(state.message, size)
        }
    }

    func testARefusedLinkSaysWhatTheKeySays() {
        var state = reader(width: 80, height: 24)
        XCTAssertEqual(click(&state, cell(&state, of: "[3]", on: "three")), [])
        let clicked = state.message
        XCTAssertEqual(clicked, "Not opened (only http, https and mailto links open): javascript:alert(1)")
        state.press(.escape, .tab)
        XCTAssertEqual(state.update(.key(.character("3"))), [])
        XCTAssertEqual(state.message, clicked)
    }

    func testNumbersInACommentOpenThatCommentsLinks() {
        for (width, height) in [(80, 24), (120, 40)] {
            let size = "\(width)x\(height)"
            var state = reader(width: width, height: height)
            state.press(.enter)
            XCTAssertEqual(state.selectedComment, 0, size)
            // The second comment's [2], clicked while the first is selected: it is selected and its link opens.
            XCTAssertEqual(click(&state, cell(&state, of: "[2]", on: "beta")), [.openURL(Self.commentLinks[1])], size)
            XCTAssertEqual(state.selectedComment, 1, size)
            XCTAssertEqual(state.focus, .comments, size)
            XCTAssertEqual(click(&state, cell(&state, of: "[1] https", on: "example.com/first")), [.openURL(Self.commentLinks[0])], size)
        }
    }

    /// A link in a table cell has its number written in the cell: a click on it opens the link too.
    func testANumberInATableCellOpensItsLink() {
        var story = Self.story()
        story.comments[1].body = HTMLText.body(#"<table><tr><td>site</td><td><a href="https://cell.example/">cell link</a> and [x]</td></tr></table>"#)
        for (width, height) in [(80, 24), (120, 40)] {
            var state = AppState(stories: [story], width: width, height: height)
            state.press(.enter)
            XCTAssertEqual(click(&state, cell(&state, of: "[1]", on: "cell link")), [.openURL("https://cell.example/")], "\(width)x\(height)")
            XCTAssertEqual(click(&state, cell(&state, of: "[x]", on: "cell link")), [], "not a number")
        }
        XCTAssertEqual(BodyLayout.numberedLinks(in: "a [12] b [] c [1234] [0]").compactMap(\.link), [12])
    }

    func testLinkNumbersAreRecordedInTheLaidOutRows() {
        let story = Self.story()
        let lines = StoryText.lines(for: story, width: 60, timeZone: TimeZone(identifier: "UTC")!)
        let numbered = lines.flatMap { $0.spans.compactMap { span in span.link.map { (span.text, $0) } } }
        XCTAssertEqual(numbered.map(\.0), ["[0] ", "[1]", "[2]", "[3]", "[1] ", "[2] ", "[3] "])
        XCTAssertEqual(numbered.map(\.1), [0, 1, 2, 3, 1, 2, 3])
        // A number is never merged with the text beside it, even in the same style.
        let code = StoryBody(blocks: [.init(.paragraph, [.init("x", emphasis: .code, link: 0)])], links: ["https://example.com/"])
        let row = BodyLayout.lines(code.blocks, width: 40, separateFirst: false)[0]
        XCTAssertEqual(row.spans.map(\.text), ["x", "[1]"])
        XCTAssertEqual(row.link(atCell: 0), nil)
        XCTAssertEqual(row.link(atCell: 1), 1)
        XCTAssertEqual(row.link(atCell: 3), 1)
        XCTAssertEqual(row.link(atCell: 4), nil)
    }
}
