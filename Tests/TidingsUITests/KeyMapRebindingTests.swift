import XCTest
@testable import TidingsUI

/// The config file's key bindings on the key map: a key given to a command in a place takes it from what
/// it did there and nowhere else; a command given keys loses its others there; no keys unbinds it.
final class KeyMapRebindingTests: XCTestCase {
    func testAKeyGivenInOnePlaceChangesOnlyThatPlace() {
        var map = KeyMap.standard
        map.bind([.character("x"), .character("j")], to: .toggleRead, in: [.storyList])
        XCTAssertEqual(map.resolve([.character("x")], in: .storyList), .command(.toggleRead))
        XCTAssertEqual(map.resolve([.character("j")], in: .storyList), .command(.toggleRead), "j taken from move-down here")
        XCTAssertEqual(map.resolve([.character("r")], in: .storyList), .unbound, "r no longer marks here")
        XCTAssertEqual(map.keys(for: .moveDown, in: .storyList), [.down])
        XCTAssertEqual(map.keys(for: .moveDown, in: .comments), [.down, .character("j")], "elsewhere j still moves")
        XCTAssertEqual(map.keys(for: .toggleRead, in: .comments), [.character("r")])
        XCTAssertEqual(map.resolve([.character("x")], in: .comments), .unbound)
    }

    func testAllPlacesAndNoKeys() {
        var map = KeyMap.standard
        map.bind([.character("Q")], to: .quit, in: Set(InputContext.allCases))
        for context in InputContext.reader {
            XCTAssertEqual(map.keys(for: .quit, in: context), [.character("Q")], context.rawValue)
            XCTAssertEqual(map.resolve([.character("q")], in: context), .unbound, context.rawValue)
        }
        XCTAssertEqual(map.resolve([.character("q")], in: .help), .command(.closePage), "quit applies to no page: q still closes it")
        map.bind([], to: .undo, in: [.comments])
        XCTAssertEqual(map.keys(for: .undo, in: .comments), [])
        XCTAssertEqual(map.keys(for: .undo, in: .storyList), [.character("u")])
    }

    func testGivingTheKeysACommandHasChangesNothing() {
        var map = KeyMap.standard
        for context in InputContext.allCases {
            for command in Command.allCases where command.spec.contexts.contains(context) {
                map.bind(KeyMap.standard.keys(for: command, in: context).reversed(), to: command, in: [context])
            }
        }
        XCTAssertEqual(map.bindings, KeyMap.standard.bindings, "the same bindings, so the help keeps its sections")
    }

    func testTheHelpShowsTheKeysAsBound() {
        var map = KeyMap.standard
        map.bind([.character("x")], to: .toggleRead, in: [.storyList])
        let sections = map.helpSections()
        let list = sections.first { $0.title == "In the story list" }
        XCTAssertEqual(list?.entries.first?.keys, "x")
        XCTAssertEqual(list?.entries.first?.summary, Command.toggleRead.spec.summary)
        XCTAssertEqual(sections.first { $0.title == "In the story text and comments" }?.entries.first?.keys, "r")
    }

    func testWhatMustAlwaysHaveAKey() {
        XCTAssertNil(KeyMap.standard.missingEssential)
        var map = KeyMap.standard
        map.bind([], to: .quit, in: [.storyText])
        XCTAssertNil(map.missingEssential, "C-c still quits")
        map.bind([], to: .quitNow, in: [.storyText])
        XCTAssertEqual(map.missingEssential, "the story text would have no key to quit")
        map = .standard
        map.bind([.character("?")], to: .sortNext, in: [.comments])
        XCTAssertEqual(map.missingEssential, "the comments would have no key for the help")
        map = .standard
        map.bind([], to: .closePage, in: [.problems])
        map.bind([], to: .quitNow, in: [.problems])
        XCTAssertEqual(map.missingEssential, "the problem list would have no key to close it")
    }
}
