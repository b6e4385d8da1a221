import TidingsModel
import TidingsTestSupport
import XCTest
@testable import TidingsUI

/// `n` and `N` go round the end of the list to find what is unread, and say so when they do.
final class UnreadWrapTests: XCTestCase {
    func testGoingRoundTheListIsAnnounced() {
        var state = AppState(stories: UIFixtures.stories, width: 80, height: 24)
        state.press(.character("N"))
        XCTAssertEqual(state.selectedStory, UIFixtures.stories.count - 1)
        XCTAssertTrue(state.message?.hasSuffix("(from the end of the list)") == true, state.message ?? "none")
        state.press(.character("n"))
        XCTAssertEqual(state.selectedStory, 0)
        XCTAssertTrue(state.message?.hasSuffix("(from the top of the list)") == true, state.message ?? "none")
        // An ordinary step forward says nothing of the list's ends.
        state.press(.escape, .character("n"))
        XCTAssertFalse(state.message?.contains("of the list") == true, state.message ?? "none")
    }
}
