import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// The update function: events in, effects out; keys as values; the mouse through the layout's hit test.
final class UpdateAndEffectsTests: XCTestCase {
    func testKeysPrintAndParseAsTheHelpWritesThem() {
        for (key, text) in [(KeyPress.control("c"), "C-c"), (.backTab, "S-Tab"), (.pageDown, "PgDn"), (.character(" "), "Space"),
                            (.character("G"), "G"), (KeyPress(.character("x"), modifiers: .alt), "M-x"), (.escape, "Esc"),
                            (KeyPress(.function(5)), "F5"), (KeyPress(.delete), "Del")] {
            XCTAssertEqual(key.description, text)
            XCTAssertEqual(KeyPress(parsing: text), key, text)
        }
        XCTAssertEqual(KeyPress(parsing: "C-L"), .control("l"), "Ctrl with a letter is one key whatever its case")
        XCTAssertNil(KeyPress(parsing: "Q-x"))
        XCTAssertNil(KeyPress(parsing: "nonsense"))
    }

    func testEveryCommandIsInTheTableAndEveryBindingResolves() {
        for command in Command.allCases {
            XCTAssertFalse(command.spec.summary.isEmpty)
            XCTAssertEqual(command.name, command.name.lowercased())
        }
        for binding in KeyMap.standard.bindings {
            for context in binding.contexts {
                for sequence in binding.sequences {
                    guard case .command = KeyMap.standard.resolve(sequence, in: context) else {
                        return XCTFail("\(sequence) in \(context) resolves to nothing")
                    }
                }
            }
        }
        XCTAssertEqual(KeyMap.standard.resolve([.character("q")], in: .comments), .command(.quit))
        XCTAssertEqual(KeyMap.standard.resolve([.character("q")], in: .help), .command(.closePage))
        XCTAssertEqual(KeyMap.standard.resolve([.character("Z")], in: .comments), .unbound)
    }

    func testAMultiKeySequenceWaitsForItsSecondKey() {
        var map = KeyMap.standard
        map.bindings.append(KeyMap.Binding([.character("x")], .nextUnread))
        map.bindings[map.bindings.count - 1].sequences = [[.character("g"), .character("u")]]
        XCTAssertEqual(map.resolve([.character("g")], in: .storyList), .command(.goTop), "a complete binding wins")
        XCTAssertEqual(map.resolve([.character("g"), .character("u")], in: .storyList), .command(.nextUnread))
        map.bindings.removeAll { $0.command == .goTop }
        XCTAssertEqual(map.resolve([.character("g")], in: .storyList), .pending)
    }

    func testStoriesParsedLaterNeverHoldUpKeys() {
        let stories = (0..<3).map { StoryBuilder.story("story \($0)", comments: [(0, "first of \($0)"), (1, "reply of \($0)")]) }
        var state = AppState(readState: ReadState(), width: 120, height: 30)
        var batch = ParallelLoad.Batch()
        batch.entries = stories.map { StoryEntry(story: $0, readState: ReadState()) }
        batch.finished = true
        var effects: [AppState.Effect] = state.update(.loaded(batch))
        XCTAssertEqual(effects, [.loadStory(index: 0, summary: stories[0].summary)], "the first story is asked for")
        XCTAssertTrue(state.render().text.contains("Loading…"))
        // Keys go on while it is parsed; only the latest request matters to the executable.
        effects = state.update(.key(.down))
        XCTAssertEqual(effects, [.loadStory(index: 1, summary: stories[1].summary)])
        effects = state.update(.key(.enter))  // opening before it arrived: marked opened at once
        XCTAssertTrue(state.readState.isStoryRead(stories[1].id))
        XCTAssertEqual(state.focus, .comments)
        // A late answer for a story passed over is kept for later but not shown.
        _ = state.update(.storyParsed(index: 0, result: .success(stories[0])))
        XCTAssertNil(state.currentStory)
        _ = state.update(.storyParsed(index: 1, result: .success(stories[1])))
        XCTAssertEqual(state.currentStory?.id, stories[1].id)
        XCTAssertTrue(state.render().text.contains("first of 1"))
        // Back to the first story: it was parsed already, so no effect is needed.
        _ = state.update(.key(.escape))
        effects = state.update(.key(.up))
        XCTAssertEqual(effects, [])
        XCTAssertEqual(state.currentStory?.id, stories[0].id)
        // A file that cannot be read again: the reason, and the list's header as the story.
        _ = state.update(.key(.end))
        _ = state.update(.storyParsed(index: 2, result: .failure(LoadProblem(path: "story 2", failure: .vanished))))
        XCTAssertEqual(state.message, "story 2: file disappeared")
        XCTAssertEqual(state.currentStory?.title, "story 2")
    }

    func testSavingIsScheduledByTicksAndQuittingSavesFirst() {
        var runner = HeadlessRunner(state: UIFixtures.state(width: 120, height: 30), parse: { _ in .failure(LoadProblem(path: "", reason: "")) })
        var saved: [[ReadState.Change]] = []
        runner.save = { changes, _ in saved.append(changes); return nil }
        let start = Date(timeIntervalSince1970: 1_000)
        runner.send(.tick(start))
        XCTAssertEqual(runner.saves, 0, "nothing changed")
        runner.press(.enter)
        runner.send(.tick(start.addingTimeInterval(0.1)))
        XCTAssertEqual(runner.saves, 1, "the first change is saved at once")
        runner.press(.down, .character("r"))
        runner.send(.tick(start.addingTimeInterval(0.3)))
        XCTAssertEqual(runner.saves, 1, "then at most every half second")
        runner.send(.tick(start.addingTimeInterval(0.7)))
        XCTAssertEqual(runner.saves, 2)
        runner.press(.character("r"), .character("q"))
        XCTAssertTrue(runner.quit)
        XCTAssertEqual(runner.saves, 3, "quitting saves what is left first")
        XCTAssertFalse(saved.last!.isEmpty)
    }

    func testAFailedSaveIsReportedAndRetried() {
        var runner = HeadlessRunner(state: UIFixtures.state(width: 120, height: 30), parse: { _ in .failure(LoadProblem(path: "", reason: "")) })
        runner.save = { _, _ in .other("read-only file system") }
        runner.press(.enter)
        let start = Date(timeIntervalSince1970: 1_000)
        runner.send(.tick(start))
        XCTAssertEqual(runner.state.sessionProblems, ["Cannot save read state (read-only file system); will retry"])
        runner.send(.tick(start.addingTimeInterval(1)))
        XCTAssertEqual(runner.saves, 1)
        runner.send(.tick(start.addingTimeInterval(3.5)))
        XCTAssertEqual(runner.saves, 2, "retried after three seconds")
        // Saving works again (the file made writable): its failure leaves the problem list, and it says so.
        runner.save = { _, _ in nil }
        runner.press(.character("r"))
        runner.send(.tick(start.addingTimeInterval(10)))
        XCTAssertEqual(runner.saves, 3)
        XCTAssertEqual(runner.state.sessionProblems, [])
        XCTAssertEqual(runner.state.message, "Read state saved again")
    }

    func testClicksSelectAndTheWheelScrolls() {
        var state = UIFixtures.state(width: 120, height: 30)
        let layout = state.layout
        let list = layout.storyList!
        _ = state.update(.mouse(MouseEvent(.click, x: list.x + 3, y: list.y + 2)))
        XCTAssertEqual(state.selectedStory, 2)
        XCTAssertEqual(state.focus, .stories)
        _ = state.update(.mouse(MouseEvent(.click, x: list.x + 3, y: list.y)))
        XCTAssertEqual(state.selectedStory, 0)
        let comments = layout.comments!
        // Row 2 of the comment pane is the first reply's header (row 0 and 1 are the first comment).
        _ = state.update(.mouse(MouseEvent(.click, x: comments.x + 6, y: comments.y + 2)))
        XCTAssertEqual(state.focus, .comments)
        XCTAssertEqual(state.selectedComment, 1)
        _ = state.update(.mouse(MouseEvent(.wheelDown, x: comments.x + 6, y: comments.y + 2)))
        XCTAssertEqual(state.selectedComment, 4)
        XCTAssertEqual(layout.region(x: layout.divider!.x, y: 3), nil, "the divider is nothing")
        XCTAssertEqual(layout.region(x: 0, y: 29), .status)
        // While too small, the mouse does nothing.
        state.resize(width: 20, height: 5)
        _ = state.update(.mouse(MouseEvent(.click, x: 1, y: 1)))
        XCTAssertEqual(state.selectedComment, 4)
    }
}
