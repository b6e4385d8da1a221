import Foundation
import XCTest
import TidingsModel
@testable import TidingsUI

/// A message on the status line clears itself a few seconds after it is first drawn; the problem list keeps
/// it among the recent messages.
final class StatusMessageTests: XCTestCase {
    func testAMessageClearsItselfAfterAFewSeconds() {
        let start = Date(timeIntervalSince1970: 1_000_000)
        var state = UIFixtures.state(width: 80, height: 24)
        _ = state.update(.tick(start))
        state.press(.character("H"))
        let shown = state.message
        XCTAssertNotNil(shown)
        _ = state.update(.tick(start.addingTimeInterval(1)))
        _ = state.update(.tick(start.addingTimeInterval(1 + AppState.messageLifetime - 0.5)))
        XCTAssertEqual(state.message, shown, "not yet")
        _ = state.update(.tick(start.addingTimeInterval(1 + AppState.messageLifetime)))
        XCTAssertNil(state.message)
        XCTAssertTrue(state.needsFrame, "the cleared line is drawn")
        XCTAssertEqual(state.recentMessages.last, shown, "kept for the problem list")
    }

    /// A key that does nothing where it is pressed says so on the status line, but the problem list's recent
    /// messages do not keep it: keys typed on the problem page filled the list with them.
    func testAKeyThatDoesNothingIsNotKeptInRecentMessages() {
        var state = UIFixtures.state(width: 80, height: 24)
        state.press(.character("H"))
        let kept = state.recentMessages
        state.press(.character("p"), .character("x"), .character("T"))
        XCTAssertEqual(state.recentMessages, kept)
        state.press(.character("q"), .character("X"))
        XCTAssertTrue(state.message?.contains("does nothing") == true, "\(String(describing: state.message))")
        XCTAssertEqual(state.recentMessages, kept)
        // Too long for a narrow status line, it is kept: its `(p: all)` leads to it.
        var narrow = UIFixtures.state(width: 30, height: 8)
        narrow.press(.character("x"))
        XCTAssertTrue(narrow.recentMessages.last?.contains("does nothing") == true, "\(narrow.recentMessages)")
    }
}
