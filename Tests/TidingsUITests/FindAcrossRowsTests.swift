import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// A phrase the story text pane wraps over two rows is found by `/` and stepped to by `>` `<`, and both of
/// its parts are marked; at a width where it fits on one row it is found there as before.
final class FindAcrossRowsTests: XCTestCase {
    static let body = StoryBody(paragraphs: [
        "Opening words of the story that fill a row or two before the phrase.",
        (1...30).map { "filler\($0)" }.joined(separator: " ") + " harbour lights shine " + (31...60).map { "filler\($0)" }.joined(separator: " "),
        "Closing words.",
    ])

    func state(width: Int, height: Int) -> AppState {
        var state = AppState(stories: [UIFixtures.story("tale", body: Self.body, comments: [(0, "a comment")])], width: width, height: height)
        state.press(.character(" "))
        XCTAssertEqual(state.focus, .text)
        return state
    }

    /// The text of each row of the text pane marked as a match, in order.
    func marked(_ state: inout AppState) -> [String] {
        let screen = state.render()
        guard let pane = state.layout.storyTextBody else { return [] }
        var words: [String] = []
        for y in pane.y..<pane.maxY {
            var word = ""
            for x in pane.x..<pane.maxX where screen[x, y].style.color == .match { word += screen[x, y].text }
            if !word.isEmpty { words.append(word.trimmingCharacters(in: .whitespaces)) }
        }
        return words
    }

    func testAPhraseOverARowBreakIsFoundAndMarked() {
        var splitSomewhere = false
        for width in [30, 33, 41, 47, 52, 60, 80, 120] {
            var state = state(width: width, height: 20)
            guard let pane = state.layout.storyTextBody else { return XCTFail("\(width): no text pane") }
            let lines = state.storyTextLines(width: pane.width).map(\.text)
            guard let row = lines.firstIndex(where: { $0.contains("harbour") }) else { return XCTFail("\(width): no harbour") }
            let split = !lines[row].contains("harbour lights")
            splitSomewhere = splitSomewhere || split
            state.press(.character("/"))
            for character in "harbour lights" { state.press(.character(character)) }
            XCTAssertNil(state.promptProblem, "\(width): found")
            XCTAssertTrue(state.storyTextLines(width: pane.width)[state.textTop...].prefix(pane.height).contains { $0.text.contains("harbour") },
                          "\(width): in view")
            state.press(.enter)
            XCTAssertEqual(marked(&state), split ? ["harbour", "lights"] : ["harbour lights"], "\(width)")
            // `>` from the top comes back to the same row: the only match.
            state.press(.character("g"))
            state.press(.character(">"))
            XCTAssertTrue(state.storyTextLines(width: pane.width)[state.textTop...].prefix(pane.height).contains { $0.text.contains("harbour") },
                          "\(width): > finds it")
            if state.textTop == row {
                state.press(.character(">"))
                XCTAssertEqual(state.message, "The only match in this story's text", "\(width): found once, not again in the next row")
            }
        }
        XCTAssertTrue(splitSomewhere, "some width splits the phrase")
    }

    func testAMatchWhollyInTheNextRowIsThatRowsOwn() {
        let needle = SearchNeedle("lights shine")
        XCTAssertFalse(RowSpanMatch.holds(needle, row: "filler9 harbour", next: "lights shine filler31", width: 30))
        XCTAssertTrue(RowSpanMatch.holds(needle, row: "filler9 harbour lights", next: "shine filler31", width: 30))
        XCTAssertTrue(RowSpanMatch.holds(needle, row: "harbour lights   ", next: "   shine", width: 30))
        XCTAssertFalse(RowSpanMatch.holds(needle, row: "lights", next: nil, width: 30))
        XCTAssertFalse(RowSpanMatch.holds(SearchNeedle("ab"), row: "xa", next: "cb", width: 30))
        XCTAssertTrue(RowSpanMatch.holds(SearchNeedle("héllo wörld"), row: "say HÉLLO", next: "WÖRLD", width: 30))
    }

    /// Quote bars and the selected comment's bar start a row without being text; a row that is one word
    /// filling the pane was broken inside the word, and goes on with no space.
    func testRowMarksAndWordsBrokenInTwo() {
        XCTAssertTrue(RowSpanMatch.holds(SearchNeedle("message which was"), row: "│ quoted text from the earlier message which",
                                         next: "│ was written by someone", width: 60))
        XCTAssertTrue(RowSpanMatch.holds(SearchNeedle("this code"), row: "▌ so when I compile this", next: "▌ code, I get this:", width: 60))
        XCTAssertTrue(RowSpanMatch.holds(SearchNeedle("移動しながら"), row: "東京から大阪まで新幹線で移動", next: "しながら富士山", width: 29))
        XCTAssertFalse(RowSpanMatch.holds(SearchNeedle("移動 しながら"), row: "東京から大阪まで新幹線で移動", next: "しながら富士山", width: 29))
        XCTAssertTrue(RowSpanMatch.holds(SearchNeedle("silicovolcano"), row: "pneumonoultramicroscopicsili", next: "covolcanoconiosis", width: 28))
        XCTAssertFalse(RowSpanMatch.holds(SearchNeedle("extraordina rily"), row: "covolcanoconiosisextraordina", next: "rily appears", width: 28))
        XCTAssertFalse(RowSpanMatch.holds(SearchNeedle("harbourlights"), row: "the harbour", next: "lights", width: 30), "broken at a space")
    }

    /// Both parts of a split phrase are marked on screen, also when one part is just outside the pane.
    func testBothPartsAreMarkedAlsoAtThePanesEdge() {
        // A width at which "harbour" ends a row and "lights" begins the next.
        var found: (state: AppState, row: Int)?
        for width in 30...90 where found == nil {
            var state = state(width: width, height: 12)
            guard let pane = state.layout.storyTextBody else { continue }
            let lines = state.storyTextLines(width: pane.width).map(\.text)
            if let row = lines.indices.dropLast().first(where: { lines[$0].hasSuffix("harbour") && lines[$0 + 1].hasPrefix("lights") }),
               row + pane.height + 1 < lines.count {
                found = (state, row)
            }
        }
        guard let match = found, let pane = match.state.layout.storyTextBody else { return XCTFail("no width splits the phrase") }
        var state = match.state
        let row = match.row
        state.press(.character("/"))
        for character in "harbour lights" { state.press(.character(character)) }
        state.press(.enter)
        XCTAssertEqual(marked(&state), ["harbour", "lights"])
        // The pane scrolled so the first part is just above it: the second part is marked still.
        while state.textTop <= row { state.press(.down) }
        XCTAssertEqual(state.textTop, row + 1)
        XCTAssertEqual(marked(&state), ["lights"])
        // And the first part alone at the bottom.
        while state.textTop + pane.height > row + 1 { state.press(.up) }
        XCTAssertEqual(marked(&state), ["harbour"])
    }

    /// In a text that fits the pane `>` cannot bring a match to the top: it says where the match is.
    func testAMatchInATextThatFitsIsNamedByItsRow() {
        var state = AppState(stories: [UIFixtures.story("short", body: ["First paragraph.", "A second one with the harbour."],
                                                        comments: [(0, "a comment")])], width: 80, height: 24)
        state.press(.character(" "))
        state.press(.character("/"))
        for character in "harbour" { state.press(.character(character)) }
        state.press(.enter)
        state.press(.home)
        state.press(.character(">"))
        XCTAssertEqual(state.textTop, 0)
        XCTAssertTrue(state.message?.contains("is on row") == true, state.message ?? "no message")
    }

    /// `>` and `<` step from one match to the next in a text that fits, as they do in a longer one; moving
    /// the pane starts the steps again from its top row.
    func testMatchesInATextThatFitsAreSteppedThrough() {
        var state = AppState(stories: [UIFixtures.story("short", body: ["The harbour at dawn.", "Nothing here.", "Another harbour, later.",
                                                                        "And the last harbour."],
                                                        comments: [(0, "a comment")])], width: 80, height: 24)
        state.press(.character(" "))
        state.press(.character("/"))
        for character in "harbour" { state.press(.character(character)) }
        state.press(.enter)
        XCTAssertEqual(state.textTop, 0)
        var rows: [String] = []
        for _ in 0..<3 {
            state.press(.character(">"))
            rows.append(state.message ?? "")
        }
        XCTAssertTrue(rows[0].contains("is on row 8 of the pane"), rows[0])
        XCTAssertTrue(rows[1].contains("is on row 10 of the pane"), rows[1])
        XCTAssertTrue(rows[2].hasPrefix("Find went round to the top"), rows[2])
        state.press(.character("<"))
        XCTAssertTrue(state.message?.hasPrefix("Find went round to the end: “harbour” is on row 10") == true, state.message ?? "")
        state.press(.character("<"))
        XCTAssertTrue(state.message?.contains("is on row 8 of the pane") == true, state.message ?? "")
        state.press(.character("<"))
        XCTAssertTrue(state.message?.contains("is on row 4 of the pane") == true, state.message ?? "")
        // Another key in between: the steps start again from the pane's top row.
        state.press(.home)
        state.press(.character(">"))
        XCTAssertTrue(state.message?.contains("is on row 4 of the pane") == true, state.message ?? "")
    }

    /// A find typed composed finds and marks text whose accents are written apart, and the other way round.
    func testAccentsWrittenApartAreFoundAndMarked() {
        var state = AppState(stories: [UIFixtures.story("menu", body: ["Coffee at the cafe\u{301} near the station."],
                                                        comments: [(0, "a comment")])], width: 80, height: 24)
        state.press(.character(" "))
        state.press(.character("/"))
        for character in "café" { state.press(.character(character)) }
        XCTAssertNil(state.promptProblem)
        state.press(.enter)
        XCTAssertEqual(marked(&state).map { $0.precomposedStringWithCanonicalMapping }, ["café"])
        state.press(.character("/"))
        for character in "cafe near" { state.press(.character(character)) }
        XCTAssertEqual(state.promptProblem, "not found")
    }

    /// A letter with an accent apart and no composed form is not the bare letter: not marked for it.
    func testALetterWithAnAccentApartIsNotMarkedAsTheBareLetter() {
        var state = AppState(stories: [UIFixtures.story("letters", body: ["A q\u{301} and a plain q here."],
                                                        comments: [(0, "a comment")])], width: 80, height: 24)
        state.press(.character(" "))
        state.press(.character("/"))
        state.press(.character("q"))
        state.press(.enter)
        XCTAssertEqual(marked(&state), ["q"], "only the plain q")
    }

    /// Every step in a short text says where it went, also back to the pane's top row; a key that does
    /// nothing, or a resize, starts the steps again (and a message naming a row goes with the resize).
    func testStepsInAShortTextAlwaysSayWhereAndStartAgainAfterOtherKeys() {
        var state = AppState(stories: [UIFixtures.story("zebra", body: ["Paragraph with a zebra.", "Another zebra.", "A last zebra."],
                                                        comments: [(0, "a comment")])], width: 80, height: 24)
        state.press(.character(" "))
        state.press(.character("/"))
        for character in "zebra" { state.press(.character(character)) }
        state.press(.enter)
        let first = state.textStepStart
        state.press(.character(">"))
        let second = state.textStepStart
        XCTAssertNotEqual(second, first)
        state.press(.character("<"))
        XCTAssertTrue(state.message?.contains("is on row \(first - state.textTop + 1) of the pane") == true, state.message ?? "no message")
        state.press(.character(">"))
        state.press(.character("x"))
        state.press(.character(">"))
        // From the pane's top row again (the title, which holds the word too), not on from the second match.
        XCTAssertTrue(state.message?.contains("is on row \(second - state.textTop + 1) of the pane") == true, "started again: \(state.message ?? "")")
        state.resize(width: 70, height: 24)
        XCTAssertNil(state.message)
        XCTAssertEqual(state.textStepStart, state.textTop)
    }
}
