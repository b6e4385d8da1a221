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

    /// On the narrowest screen the count of problems outranks the help and quit hints: it is the one sign
    /// that a file failed. A file read in part has a heading of its own on the problem page.
    func testAProblemShowsOnATinyScreenAndAPartReadFileSaysSo() {
        let cut = LoadProblem(path: "cut.xml", failure: .readInPart("truncated XML: the file ends inside the feed"))
        var state = AppState(stories: UIFixtures.stories, problems: [cut], width: 30, height: 8)
        let status = state.render().row(7)
        XCTAssertTrue(status.contains("1 problem: p"), status)
        _ = state.update(.key(.character("p")))
        let page = state.render().text
        XCTAssertTrue(page.contains("1 file read in part"), page)
        XCTAssertFalse(page.contains("could not be loaded"), page)
    }

    /// Failures the heading does not name are one group, whatever their kind, each with its reason; a name
    /// holding a line break is one line.
    func testFilesThatCouldNotBeLoadedAreOneGroup() {
        let problems = [LoadProblem(path: "bomb.xml", failure: .unsafeXML("declares entities")),
                        LoadProblem(path: "a.bin", failure: .binary),
                        LoadProblem(path: "cut.json", failure: .malformed("truncated JSON")),
                        LoadProblem(path: "nl\nname.json", failure: .readError("I/O error"))]
        var state = AppState(stories: UIFixtures.stories, problems: problems, width: 80, height: 30)
        _ = state.update(.key(.character("p")))
        let page = state.render().text
        XCTAssertEqual(page.components(separatedBy: "could not be loaded").count, 2, page)
        XCTAssertTrue(page.contains("3 files could not be loaded"), page)
        XCTAssertTrue(page.contains("nl name.json"), page)
        XCTAssertTrue(page.contains("1 binary file"), page)
    }
}
