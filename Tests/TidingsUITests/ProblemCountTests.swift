import TidingsModel
import TidingsUI
import XCTest

/// The status line counts files that failed, not files skipped as not stories.
final class ProblemCountTests: XCTestCase {
    func testSkippedFilesAreNotCountedAsProblems() {
        let failed = LoadProblem(path: "bad.txt", reason: "binary file, not text")
        let skipped = LoadProblem(path: "README.md", failure: .notAStory("not a story (.md)"))
        var counted = AppState(stories: UIFixtures.stories, problems: [failed, skipped, skipped], width: 120, height: 30)
        let status = counted.render().row(29)
        XCTAssertTrue(status.contains("1 problem: p"), status)
        var onlySkipped = AppState(stories: UIFixtures.stories, problems: [skipped], width: 120, height: 30)
        let quiet = onlySkipped.render().row(29)
        XCTAssertFalse(quiet.contains("problem"), quiet)
    }
}
