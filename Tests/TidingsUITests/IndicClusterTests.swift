import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Clusters of several characters that each take a cell (a Devanagari consonant with its vowel sign, a
/// conjunct, Thai, Tamil) are drawn as their parts, a cell each, as terminals draw them: nothing of them is
/// dropped (`किताब` showed as `कतब`), and each row's width is the terminal's.
final class IndicClusterTests: XCTestCase {
    func cells(_ text: String, width: Int = 40) -> [String] {
        var screen = ScreenBuffer(width: width, height: 1)
        screen.write(text, x: 0, y: 0, style: .plain)
        Snapshot.assertRowsFit(screen)
        return (0..<width).map { screen[$0, 0] }.filter { !$0.isContinuation }.map(\.text).filter { $0 != " " }
    }

    func testVowelSignsAndConjunctsKeepEveryCharacter() {
        XCTAssertEqual(cells("किताब"), ["क", "ि", "त", "ा", "ब"])
        XCTAssertEqual(cells("क्षमा"), ["क्", "ष", "म", "ा"], "the virama stays on its consonant")
        XCTAssertEqual(cells("नमस्ते"), ["न", "म", "स्", "ते"], "a vowel sign above stays on its consonant")
        var screen = ScreenBuffer(width: 20, height: 1)
        screen.write("किताब क्षमा नमस्ते", x: 0, y: 0, style: .plain)
        XCTAssertEqual(screen.row(0).trimmingCharacters(in: .whitespaces), "किताब क्षमा नमस्ते", "the text as written")
    }

    /// Widths as the C library's `wcwidth` sums them, the terminal's measure: a spacing vowel sign takes a
    /// cell, a virama or a mark above none.
    func testWidthsAreTheTerminals() {
        XCTAssertEqual(DisplayWidth.of("किताब"), 5)
        XCTAssertEqual(DisplayWidth.of("क्षमा"), 4)
        XCTAssertEqual(DisplayWidth.of("नमस्ते"), 4)
        XCTAssertEqual(DisplayWidth.of("กำลัง"), 4, "Thai: sara am takes a cell, mai han-akat none")
        XCTAssertEqual(DisplayWidth.of("கை"), 2)
        XCTAssertEqual(DisplayWidth.of("ক্ষমা"), 4)
    }

    /// What was drawn whole stays whole: a flag, a keycap, a character with its variation selector, a
    /// letter with combining accents, a Hangul syllable written in jamo.
    func testClustersOfOneSpacingCharacterStayWhole() {
        for whole in ["🇯🇵", "1️⃣", "❤️", "e\u{301}\u{323}", "\u{1112}\u{1161}\u{11AB}"] {
            XCTAssertNil(ClusterParts.of(Character(whole)), whole)
        }
        XCTAssertEqual(DisplayWidth.of("\u{1112}\u{1161}\u{11AB}"), 2)
    }

    /// A joiner after an Indic syllable (as in some Sinhala and Malayalam spellings) leaves its letters apart.
    func testAJoinerAfterASyllableKeepsItsLettersApart() {
        XCTAssertEqual(ClusterParts.of(Character("\u{0928}\u{093F}\u{200D}")), ["न", "ि"])
        XCTAssertEqual(DisplayWidth.of("\u{0928}\u{093F}\u{200D}"), 2)
    }
}

extension IndicClusterTests {
    /// A title cut short keeps the parts of its last cluster that fit, as a wrapped row does: no blank is
    /// left before the `…` where part of the cluster would go.
    func testACutKeepsThePartsThatFit() {
        XCTAssertEqual(TextWrap.truncate("ab👨‍👩‍👧‍👦", width: 7), "ab👨👩…")
        XCTAssertEqual(TextWrap.truncate("xyน้ำz", width: 4), "xyน้…")
        XCTAssertEqual(DisplayWidth.of(TextWrap.truncate("xyน้ำz", width: 4)), 4)
    }
}
