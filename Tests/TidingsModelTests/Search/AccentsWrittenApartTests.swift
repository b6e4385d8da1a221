import Foundation
import XCTest
@testable import TidingsModel

/// Text may write an accented letter as one character (`é`) or as the letter and a combining accent
/// (`e` U+0301), as files from some systems do: search finds either with either, and never counts a match
/// that ends inside a letter.
final class AccentsWrittenApartTests: XCTestCase {
    let composed = "Le café de la Défense"
    let apart = "Le cafe\u{301} de la De\u{301}fense"

    func testEitherWritingFindsTheOther() {
        for text in [composed, apart] {
            for word in ["café", "cafe\u{301}", "DÉFENSE", "De\u{301}fense"] {
                XCTAssertTrue(SearchNeedle(word).occurs(in: text), "\(word.unicodeScalars.map(\.value)) in \(text.unicodeScalars.map(\.value))")
            }
        }
    }

    func testAMatchNeverEndsInsideALetter() {
        // `cafe` is not in `café`, however it is written; `caf` is, and so is `la de` before `é` starts.
        for text in [composed, apart] {
            XCTAssertFalse(SearchNeedle("cafe").occurs(in: text), text)
            XCTAssertFalse(SearchNeedle("la de").occurs(in: text), text)
            XCTAssertTrue(SearchNeedle("caf").occurs(in: text), text)
            XCTAssertTrue(SearchNeedle("la d").occurs(in: text), text)
        }
        // A letter with no composed form keeps its accent apart: still not a match for the bare letter.
        XCTAssertFalse(SearchNeedle("q").occurs(in: "q\u{301}"))
        XCTAssertTrue(SearchNeedle("q\u{301}").occurs(in: "Q\u{301}"))
        // The match goes on past a later `e`: the first place failing does not stop the search.
        XCTAssertTrue(SearchNeedle("cafe").occurs(in: apart + " and a cafe"))
    }

    /// Joiners and selectors only shape what is drawn: a word before one is whole (Persian writes U+200C
    /// after a prefix, an emoji may carry U+FE0F).
    func testAWordBeforeAJoinerOrSelectorIsFound() {
        let persian = "من می\u{200C}خواهم بروم. این کتاب\u{200C}ها خوب است."
        XCTAssertTrue(SearchNeedle("کتاب").occurs(in: persian))
        XCTAssertTrue(SearchNeedle("می").occurs(in: persian))
        XCTAssertTrue(SearchNeedle("❤").occurs(in: "I \u{2764}\u{FE0F} NY"))
        XCTAssertTrue(SearchNeedle("I").occurs(in: "I\u{FE0F}"))
    }

    func testHangulWrittenAsJamo() {
        let syllables = "한국어 사전"
        let jamo = syllables.decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(jamo.utf8), Array(syllables.utf8))
        XCTAssertTrue(SearchNeedle("국어").occurs(in: jamo))
        XCTAssertTrue(SearchNeedle(jamo).occurs(in: syllables))
    }

    func testFoldedBytesAreTheSameForBothWritings() {
        XCTAssertEqual(SearchFold.bytes(apart), SearchFold.bytes(composed))
        XCTAssertEqual(SearchFold.bytes("ÉCOLE"), SearchFold.bytes("e\u{301}cole"))
        // Text with nothing to compose is folded as it was.
        XCTAssertFalse(SearchFold.hasMarksToCompose("naïve 日本語 ✓"))
        XCTAssertTrue(SearchFold.hasMarksToCompose("nai\u{308}ve"))
    }
}
