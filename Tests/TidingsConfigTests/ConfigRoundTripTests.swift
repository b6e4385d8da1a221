import TidingsModel
import TidingsUI
import XCTest
@testable import tidings

/// `--print-config` prints every setting at its default with a comment for each, and the printed file read
/// back is exactly the defaults, key map bindings and all (so the help keeps its sections).
final class ConfigRoundTripTests: XCTestCase {
    func testThePrintedDefaultsReadBackAsTheDefaults() {
        let reader = ConfigReader(DefaultConfig.text())
        XCTAssertEqual(reader.problems, [])
        XCTAssertEqual(reader.settings, ReaderSettings.standard)
        XCTAssertEqual(reader.settings.keyMap.bindings, KeyMap.standard.bindings)
        XCTAssertEqual(reader.settings.keyMap.markdownTable(), KeyMap.standard.markdownTable())
    }

    func testEveryOperationIsPrintedWithItsKeysInEveryPlaceItAppliesIn() throws {
        let text = DefaultConfig.text()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (name, contexts) in ConfigReader.keyPlaces {
            guard let context = contexts?.first else { continue }
            let header = try XCTUnwrap(lines.firstIndex(of: "[keys.\(name)]"), name)
            let end = lines[(header + 1)...].firstIndex { $0.hasPrefix("[") } ?? lines.count
            let table = Array(lines[(header + 1)..<end])
            for command in Command.allCases where command.spec.contexts.contains(context) {
                let keys = KeyMap.standard.keys(for: command, in: context).map { "\"\($0)\"" }.joined(separator: ", ")
                let line = try XCTUnwrap(table.firstIndex(of: "\(command.name) = [\(keys)]"), "\(command.name) in [keys.\(name)]")
                XCTAssertEqual(table[line - 1], "# \(command.spec.summary)", "a comment above \(command.name)")
            }
        }
        XCTAssertTrue(lines.contains("quit = [\"q\"]"))
        XCTAssertTrue(lines.contains("open-numbered-link = [\"0\", \"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"8\", \"9\"]"))
        XCTAssertTrue(lines.contains("read-on = [\"Space\"]"))
        // Every top-level setting and colour has its line, with a comment just above it.
        for setting in ["side_by_side_width = 100", "sort = \"path\"", "hide_read = false", "mouse = true", "plain = \"default\"",
                        "accent = \"cyan\"", "fresh = \"green\"", "guide = \"blue\"", "warning = \"yellow\"", "marker = \"magenta\""] {
            let line = try XCTUnwrap(lines.firstIndex(of: setting), setting)
            XCTAssertTrue(lines[line - 1].hasPrefix("#"), setting)
        }
    }

    func testChangedSettingsPrintAndReadBackTheSame() {
        var settings = ReaderSettings(sideBySideWidth: 9999, sort: .title, hidesRead: true, mouse: false)
        settings.theme.colors = [.plain: .palette(250), .accent: .rgb(red: 1, green: 0xAB, blue: 0xFF), .fresh: .palette(12)]
        settings.keyMap.bind([.character("\""), .character("\\"), .control("x")], to: .quit, in: [.storyList])
        let reader = ConfigReader(DefaultConfig.text(settings))
        XCTAssertEqual(reader.problems, [])
        XCTAssertEqual(reader.settings.sideBySideWidth, 9999)
        XCTAssertEqual(reader.settings.sort, .title)
        XCTAssertTrue(reader.settings.hidesRead)
        XCTAssertFalse(reader.settings.mouse)
        XCTAssertEqual(reader.settings.theme, settings.theme)
        for context in InputContext.allCases {
            for command in Command.allCases {
                XCTAssertEqual(Set(reader.settings.keyMap.keys(for: command, in: context)), Set(settings.keyMap.keys(for: command, in: context)),
                               "\(command.name) in the \(context.rawValue)")
            }
        }
    }
}
