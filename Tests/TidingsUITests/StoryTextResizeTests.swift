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
        guard let blank = lines.indices.dropFirst(8).first(where: { WrapAnchor.wordCharacters(lines[$0]).isEmpty }) else {
            return XCTFail("no blank row")
        }
        for _ in 0..<blank { state.press(.down) }
        XCTAssertEqual(state.textTop, blank)
        state.resize(width: 60, height: 20)
        _ = state.render()
        let narrow = state.storyTextLines(width: state.layout.storyTextBody!.width)
        XCTAssertTrue(WrapAnchor.wordCharacters(narrow[state.textTop]).isEmpty, "a blank row at the top still")
        XCTAssertTrue(narrow[state.textTop + 1].spans.map(\.text).joined().hasPrefix(firstWord(lines[blank + 1].spans.map(\.text).joined())))
    }

    func testAPlaceHeldAtTheEndByOneSizeComesBackAtTheNext() {
        var state = AppState(stories: [UIFixtures.story("long", body: Self.body, comments: [(0, "a comment")])], width: 30, height: 8)
        state.press(.character(" "))
        state.press(.end)
        for _ in 0..<10 { state.press(.up) }
        let start = state.textTop
        let place = WrapAnchor(top: start, in: state.storyTextLines(width: state.layout.storyTextBody!.width))
        state.resize(width: 120, height: 40)
        _ = state.render()
        let wideLines = state.storyTextLines(width: state.layout.storyTextBody!.width)
        XCTAssertLessThan(state.textTop, place.row(in: wideLines), "held at the end, above the place")
        state.resize(width: 30, height: 8)
        _ = state.render()
        XCTAssertEqual(state.textTop, start, "the end of the wide text held the pane; the narrow one goes back to its place")
    }

    func testAFindCancelledAfterAResizeGoesBackToTheSameWords() {
        var state = AppState(stories: [UIFixtures.story("long", body: Self.body, comments: [(0, "a comment")])], width: 80, height: 24)
        state.press(.character(" "))
        for _ in 0..<25 { state.press(.down) }
        let word = firstWord(topRow(&state))
        state.press(.character("/"))
        for character in "p2w3 " { state.press(.character(character)) }
        XCTAssertNotEqual(firstWord(topRow(&state)), word, "the find moved the pane")
        state.resize(width: 30, height: 8)
        _ = state.render()
        state.press(.escape)
        XCTAssertTrue(topRow(&state).split(separator: " ").contains(Substring(word)), "\(word) on \(topRow(&state))")
    }

    /// A quote folded at one width and shown at another, and a code row cut short, hide letters: the place is
    /// found by its words, the nearest copy of them.
    func testThePlaceIsFoundByItsWordsWhenLettersAreHiddenAbove() {
        func lines(_ texts: [String]) -> [StyledLine] { texts.map { StyledLine(text: $0, style: .plain) } }
        let wide = lines(["Intro words here", "│ quoted one", "│ quoted two", "│ quoted three", "", "Target words begin here", "and go on", "Target words begin here"])
        let folded = lines(["Intro words", "here", "… 3 more quoted lines", "", "Target words", "begin here and", "go on", "Target words", "begin here"])
        let place = WrapAnchor(top: 5, in: wide)
        XCTAssertEqual(place.row(in: folded), 4, "the first copy of the words")
        XCTAssertEqual(WrapAnchor(top: 4, in: wide).row(in: folded), 3, "the blank row above them")
        let second = WrapAnchor(top: 7, in: wide)
        XCTAssertEqual(second.row(in: folded), 7, "the copy nearest the count")
        let cut = lines(["let value = compute(argument_one, argu…", "Target words begin here"])
        let whole = lines(["let value =", "compute(argument_one,", "argument_two, argument_three)", "Target words", "begin here"])
        XCTAssertEqual(WrapAnchor(top: 1, in: cut).row(in: whole), 3)
        XCTAssertEqual(WrapAnchor(top: 3, in: whole).row(in: cut), 1)
    }
}
