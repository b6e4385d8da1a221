import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// The reader with settings from a config file: rebound keys work and are what the help and the hints
/// show, the side-by-side width moves, read stories start hidden, the sort applies unless a session has
/// one, and problems in the file are shown and listed.
final class ConfigScreenTests: XCTestCase, StoryListProbes {
    static let names = ["charlie", "alpha", "bravo"]
    static let stories = names.map { UIFixtures.story($0, comments: [(0, "a word on \($0)")]) }

    static var rebound: ReaderSettings {
        var settings = ReaderSettings.standard
        settings.keyMap.bind([.character("x")], to: .toggleRead, in: [.storyList])
        return settings
    }

    func reader(_ settings: ReaderSettings, readState: ReadState = ReadState(), width: Int = 80, height: Int = 24) -> AppState {
        var state = AppState(readState: readState, width: width, height: height)
        state.apply(settings)
        state.append(entries: Self.stories.map { StoryEntry(story: $0, readState: readState) })
        return state
    }

    func statusLine(_ state: inout AppState) -> String {
        let screen = state.render()
        return screen.row(screen.height - 1)
    }

    func testAReboundKeyWorksAndTheOldOneSaysSo() {
        var runner = HeadlessRunner(state: AppState(stories: Self.stories), parse: { _ in .failure(LoadProblem(path: "", failure: .empty)) })
        runner.state.apply(Self.rebound)
        runner.press(.character("x"))
        XCTAssertTrue(runner.state.readState.isStoryRead("charlie"), "x marks the story in the list")
        runner.press(.character("r"))
        XCTAssertEqual(runner.state.message, "r does nothing in the story list: ? shows the keys")
        runner.press(.tab, .character("r"))
        XCTAssertFalse(runner.state.readState.isStoryRead("charlie"), "r still marks (here: unmarks) in the story text")
    }

    func testTheHelpAndTheHintsShowTheReboundKey() {
        var state = reader(Self.rebound)
        XCTAssertTrue(statusLine(&state).contains("x read"), statusLine(&state))
        XCTAssertFalse(statusLine(&state).contains("r read"))
        state.press(.character("?"))
        // The whole help, as it scrolls (a screen shows its first rows).
        let help = state.pageLines().map { $0.text.trimmingCharacters(in: .whitespaces) }
        let section = try? XCTUnwrap(help.firstIndex(of: "In the story list"))
        XCTAssertNotNil(section, help.joined(separator: "\n"))
        if let section {
            XCTAssertTrue(help[section + 1].hasPrefix("x "), help[section + 1])
            XCTAssertTrue(help[section + 1].contains("Mark read"), help[section + 1])
        }
        XCTAssertTrue(help.contains { $0.hasPrefix("r ") && $0.contains("Mark read") }, "r in the other panes")
        // The standard map's section for the story list alone has no marking key.
        var standard = reader(.standard)
        standard.press(.character("?"))
        let standardHelp = standard.pageLines().map { $0.text.trimmingCharacters(in: .whitespaces) }
        if let listSection = standardHelp.firstIndex(of: "In the story list") {
            XCTAssertFalse(standardHelp[listSection...].prefix { !$0.isEmpty }.contains { $0.contains("Mark read") })
        }
    }

    func testTheSideBySideWidth() {
        var state = reader(.standard, width: 90)
        XCTAssertEqual(state.layout.arrangement, .single)
        var settings = ReaderSettings.standard
        settings.sideBySideWidth = 80
        state.apply(settings)
        XCTAssertEqual(state.layout.arrangement, .sideBySide)
        XCTAssertTrue(state.render().text.contains("│"), "the divider is drawn")
        state.resize(width: 79, height: 24)
        XCTAssertEqual(state.layout.arrangement, .single)
        settings.sideBySideWidth = 140
        state.apply(settings)
        state.resize(width: 120, height: 24)
        XCTAssertEqual(state.layout.arrangement, .single, "120 columns: still one pane at a time")
        state.resize(width: 140, height: 24)
        XCTAssertEqual(state.layout.arrangement, .sideBySide)
    }

    func testReadStoriesStartHidden() {
        var readState = ReadState()
        let bravo = Self.stories[2]
        _ = readState.setStory(bravo.id, read: true)
        _ = readState.setComments(bravo.comments.map(\.id), in: bravo.id, read: true)
        var settings = ReaderSettings.standard
        settings.hidesRead = true
        var state = reader(settings, readState: readState)
        XCTAssertTrue(state.hidesRead)
        XCTAssertEqual(listed(state), ["charlie", "alpha"])
        XCTAssertEqual(title(&state), "Stories 1/2 (3 in all)")
        state.press(.character("H"))
        XCTAssertEqual(listed(state), ["charlie", "alpha", "bravo"], "H shows them all again")
    }

    func testTheConfiguredSortAppliesUnlessASessionHasOne() {
        var settings = ReaderSettings.standard
        settings.sort = .title
        var state = reader(settings)
        XCTAssertEqual(listed(state), ["alpha", "bravo", "charlie"])
        XCTAssertEqual(title(&state), "Stories 1/3 · title")
        // As the executable starts: settings first, then the session, whose sort wins.
        state = AppState(width: 80, height: 24)
        state.apply(settings)
        state.restore(SavedSession(sort: .path))
        state.append(entries: Self.stories.map { StoryEntry(story: $0, readState: ReadState()) })
        XCTAssertEqual(listed(state), ["charlie", "alpha", "bravo"])
    }

    func testConfigProblemsAreShownAndListed() {
        var state = reader(.standard)
        state.reportConfigProblems(["config.toml line 2: unknown setting 'colour'", "config.toml line 5: bad key name 'Ctrl-x' for quit"])
        XCTAssertEqual(statusLine(&state).trimmingCharacters(in: .whitespaces),
                       "config.toml line 2: unknown setting 'colour' (and 1 more)")
        state.press(.down)
        XCTAssertTrue(statusLine(&state).contains("2 problems: p"), statusLine(&state))
        state.press(.character("p"))
        let page = state.render().text
        let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let heading = lines.firstIndex(of: "Config file")
        XCTAssertNotNil(heading, page)
        if let heading {
            XCTAssertEqual(lines[heading + 1], "config.toml line 2: unknown setting 'colour'")
            XCTAssertEqual(lines[heading + 2], "config.toml line 5: bad key name 'Ctrl-x' for quit")
        }
    }
}
