import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// A resized terminal lays the story text out anew: the text pane goes on from the words it showed at the
/// top, not from the same row number, and resizing back and forth without scrolling comes back to the same
/// row.
final class StoryTextResizeTests: XCTestCase {
    /// Paragraphs of words that say where they are (`p3w7`), long enough to wrap differently at each width.
    static let body = StoryBody(paragraphs: (1...12).map { paragraph in
        (1...40).map { "p\(paragraph)w\($0)" }.joined(separator: " ")
    })

    func topRow(_ state: inout AppState) -> String {
        guard let body = state.layout.storyTextBody else { return "" }
        let lines = state.storyTextLines(width: body.width)
        return state.textTop < lines.count ? lines[state.textTop].spans.map(\.text).joined() : ""
    }

    func firstWord(_ row: String) -> String {
        String(row.split(separator: " ").first ?? "")
    }

    func testTheTopWordStaysAtTheTopThroughResizes() {
        var state = AppState(stories: [UIFixtures.story("long", body: Self.body, comments: [(0, "a comment")])], width: 120, height: 40)
        state.press(.character(" "))
        XCTAssertEqual(state.focus, .text)
        for _ in 0..<13 { state.press(.down) }
        let start = state.textTop
        let word = firstWord(topRow(&state))
        XCTAssertTrue(word.hasPrefix("p"), "the top row is inside the text: \(word)")
        for (width, height) in [(60, 20), (30, 8), (80, 24), (47, 15)] {
            state.resize(width: width, height: height)
            _ = state.render()
            let row = topRow(&state)
            XCTAssertTrue(row.split(separator: " ").contains(Substring(word)), "\(width)x\(height): \(word) is on the top row \(row)")
        }
        state.resize(width: 120, height: 40)
        _ = state.render()
        XCTAssertEqual(state.textTop, start, "back at the first size, the same row")
        XCTAssertEqual(firstWord(topRow(&state)), word)
        // Scrolling at another size makes a new place to keep.
        state.resize(width: 60, height: 20)
        state.press(.down)
        let moved = firstWord(topRow(&state))
        state.resize(width: 30, height: 8)
        _ = state.render()
        XCTAssertTrue(topRow(&state).split(separator: " ").contains(Substring(moved)), "\(moved) on \(topRow(&state))")
    }

    func testBlankRowsAboveAParagraphStayAbove() {
        var state = AppState(stories: [UIFixtures.story("long", body: Self.body, comments: [(0, "a comment")])], width: 120, height: 40)
        state.press(.character(" "))
        guard let body = state.layout.storyTextBody else { return XCTFail("no text pane") }
        let lines = state.storyTextLines(width: body.width)
        guard let blank = lines.indices.dropFirst(8).first(where: { WrapAnchor.wordCharacters(lines[$0]) == 0 }) else {
            return XCTFail("no blank row")
        }
        for _ in 0..<blank { state.press(.down) }
        XCTAssertEqual(state.textTop, blank)
        state.resize(width: 60, height: 20)
        _ = state.render()
        let narrow = state.storyTextLines(width: state.layout.storyTextBody!.width)
        XCTAssertEqual(WrapAnchor.wordCharacters(narrow[state.textTop]), 0, "a blank row at the top still")
        XCTAssertTrue(narrow[state.textTop + 1].spans.map(\.text).joined().hasPrefix(firstWord(lines[blank + 1].spans.map(\.text).joined())))
    }
}
