import TidingsModel
import TidingsUI
import XCTest
@testable import tidings

/// Every setting of the config file, and every kind of mistake in it: each mistake is one message at its
/// line, and the rest of the file still applies.
final class ConfigReaderTests: XCTestCase {
    func messages(_ text: String) -> [String] {
        ConfigReader(text).problems.map { $0.message(path: "config.toml") }
    }

    func testEverySettingApplies() {
        let reader = ConfigReader("""
            side_by_side_width = 140
            sort = "newest"
            hide_read = true
            mouse = false

            [colors]
            plain = "white"
            accent = 208
            fresh = "#00ff87"
            guide = "bright-black"
            warning = "default"
            marker = "RED"

            [keys.list]
            toggle-read = ["x"]
            """)
        XCTAssertEqual(reader.problems, [])
        let settings = reader.settings
        XCTAssertEqual(settings.sideBySideWidth, 140)
        XCTAssertEqual(settings.sort, .newest)
        XCTAssertTrue(settings.hidesRead)
        XCTAssertFalse(settings.mouse)
        XCTAssertEqual(settings.theme.colors, [.plain: .white, .accent: .palette(208), .fresh: .rgb(red: 0, green: 255, blue: 135),
                                               .guide: .palette(8), .marker: .red, .match: .yellow], "default takes the role's colour away")
        XCTAssertEqual(settings.keyMap.resolve([.character("x")], in: .storyList), .command(.toggleRead))
        XCTAssertEqual(settings.keyMap.resolve([.character("r")], in: .storyList), .unbound, "r no longer marks in the list")
        XCTAssertEqual(settings.keyMap.resolve([.character("r")], in: .comments), .command(.toggleRead), "elsewhere r still does")
    }

    func testAnEmptyFileIsTheDefaults() {
        for text in ["", "\n\n", "# nothing but a comment\n"] {
            let reader = ConfigReader(text)
            XCTAssertEqual(reader.problems, [])
            XCTAssertEqual(reader.settings, .standard)
        }
    }

    func testEachBadSettingIsOneMessageAtItsLineAndTheRestApplies() {
        let text = """
            side_by_side_width = 50
            sort = "random"
            hide_read = 1
            mouse = "yes"
            colour = 3
            [colors]
            accent = "#12345"
            fresh = 300
            guide = "bright-red"
            bogus = "red"
            warning = 2.5
            [keys.list]
            fly = ["x"]
            quit = ["Ctrl-x"]
            sort-next = "x"
            toggle-fold = ["z"]
            open-link = [1]
            undo = 5
            [keys.nowhere]
            quit = ["x"]
            [keys.help]
            close-page = []
            quit-now = []
            """
        XCTAssertEqual(messages(text), [
            "config.toml line 1: side_by_side_width must be from 60 to 10000, not 50",
            "config.toml line 2: sort must be one of path, newest, comments, unread, title, not 'random'",
            "config.toml line 3: hide_read must be true or false, not a whole number",
            "config.toml line 4: mouse must be true or false, not text",
            "config.toml line 5: unknown setting 'colour' (the settings are side_by_side_width, sort, hide_read, mouse, colors, keys)",
            "config.toml line 7: bad colour \"#12345\" for accent: give a name (black, red, green, yellow, blue, magenta, cyan, white, bright-red…, default), a number 0-255 or \"#rrggbb\"",
            "config.toml line 8: bad colour 300 for fresh: give a name (black, red, green, yellow, blue, magenta, cyan, white, bright-red…, default), a number 0-255 or \"#rrggbb\"",
            "config.toml line 10: unknown colour element 'bogus' (the elements are plain, accent, fresh, guide, warning, marker, match)",
            "config.toml line 11: bad colour 2.5 for warning: give a name (black, red, green, yellow, blue, magenta, cyan, white, bright-red…, default), a number 0-255 or \"#rrggbb\"",
            "config.toml line 13: unknown operation 'fly' (`tidings --print-config` lists them)",
            "config.toml line 14: bad key name 'Ctrl-x' for quit: write keys as the help does (Up, PgDn, Enter, Space, Esc, Tab, S-Tab, C-l, M-x, F1, or one character)",
            "config.toml line 16: toggle-fold does nothing in the story list",
            "config.toml line 17: the keys of open-link must be text, like \"x\", not a whole number",
            "config.toml line 18: undo must be a list of keys, like [\"x\", \"C-x\"], not a whole number",
            "config.toml line 19: unknown place 'nowhere' for keys (the places are all, list, text, comments, help, problems)",
            "config.toml line 23: quit-now not changed: the help would have no key to close it",
        ])
        // What was right still applies.
        let settings = ConfigReader(text).settings
        XCTAssertEqual(settings.sideBySideWidth, 100)
        XCTAssertEqual(settings.theme.colors[.guide], .palette(9))
        XCTAssertEqual(settings.theme.colors[.accent], .cyan, "a bad colour leaves the default")
        XCTAssertEqual(settings.keyMap.resolve([.character("x")], in: .storyList), .command(.sortNext), "one key as a plain string")
        XCTAssertEqual(settings.keyMap.keys(for: .closePage, in: .help), [], "unbound: C-c still leaves the help")
        XCTAssertEqual(settings.keyMap.keys(for: .quitNow, in: .help), [.control("c")])
        XCTAssertEqual(settings.keyMap.keys(for: .quit, in: .storyList), [.character("q")], "a bad key name changes nothing")
    }

    func testASyntaxErrorAppliesNothingAndNamesItsLine() {
        XCTAssertEqual(messages("hide_read = true\nsort = \n"), [
            "config.toml line 2: error while parsing key-value pair: expected value, saw '\\n'; nothing in the file was applied, the defaults are used",
        ])
        XCTAssertEqual(ConfigReader("hide_read = true\nsort = \n").settings, .standard)
        XCTAssertEqual(messages("x = [1,\n2\n"), [
            "config.toml line 2: error while parsing array: encountered end-of-file; nothing in the file was applied, the defaults are used",
        ])
        XCTAssertEqual(messages("[keys.list]\nquit = [\"q\"]\n[[keys]]\n"), [
            "config.toml line 3: error while parsing table header: cannot redefine existing table 'keys' as array-of-tables; nothing in the file was applied, the defaults are used",
        ])
    }

    func testKeysAreFoundWhereverTOMLAllowsThemToBeWritten() {
        let text = """
            colors = { accent = 'nope' }
            [keys]
            "text" = { "focus-stories" = "no such key" }
            list.quit = 5
            """
        XCTAssertEqual(messages(text), [
            "config.toml line 1: bad colour \"nope\" for accent: give a name (black, red, green, yellow, blue, magenta, cyan, white, bright-red…, default), a number 0-255 or \"#rrggbb\"",
            "config.toml line 3: bad key name 'no such key' for focus-stories: write keys as the help does (Up, PgDn, Enter, Space, Esc, Tab, S-Tab, C-l, M-x, F1, or one character)",
            "config.toml line 4: quit must be a list of keys, like [\"x\", \"C-x\"], not a whole number",
        ])
        XCTAssertEqual(messages("hide_read = 3\nkeys.list.quit = 5\n"), [
            "config.toml line 1: hide_read must be true or false, not a whole number",
            "config.toml line 2: quit must be a list of keys, like [\"x\", \"C-x\"], not a whole number",
        ])
    }

    func testUnknownOperationsInEveryPlace() {
        for place in ConfigReader.keyPlaces.map(\.name) {
            XCTAssertEqual(messages("\n[keys.\(place)]\nmove-up = [\"k\"]\nfold-everything = [\"F\"]\n"),
                           ["config.toml line 4: unknown operation 'fold-everything' (`tidings --print-config` lists them)"], place)
        }
        // Names are the command table's: the case and the spelling count.
        XCTAssertEqual(messages("[keys.all]\nQuit = [\"q\"]\ntoggle_read = [\"r\"]\n"), [
            "config.toml line 2: unknown operation 'Quit' (`tidings --print-config` lists them)",
            "config.toml line 3: unknown operation 'toggle_read' (`tidings --print-config` lists them)",
        ])
    }

    func testTheLastWayToQuitOrToTheHelpIsKept() {
        XCTAssertEqual(messages("[keys.all]\nquit-now = []\nquit = []\n"),
                       ["config.toml line 3: quit not changed: the story list would have no key to quit"])
        XCTAssertEqual(messages("[keys.comments]\nshow-help = []\n"),
                       ["config.toml line 2: show-help not changed: the comments would have no key for the help"])
        // Moving the help to another key is fine, and so is giving `?` to something else once it has one.
        let reader = ConfigReader("[keys.all]\nshow-help = [\"F1\"]\nsort-next = [\"?\"]\n")
        XCTAssertEqual(reader.problems, [])
        XCTAssertEqual(reader.settings.keyMap.keys(for: .showHelp, in: .comments), [KeyPress(.function(1))])
        XCTAssertEqual(reader.settings.keyMap.resolve([.character("?")], in: .storyList), .command(.sortNext))
    }

    func testLaterLinesWinAndAPlaceWinsOverAll() {
        let reader = ConfigReader("""
            [keys.list]
            sort-previous = ["z"]
            [keys.all]
            sort-next = ["z"]
            """)
        XCTAssertEqual(reader.problems, [])
        XCTAssertEqual(reader.settings.keyMap.resolve([.character("z")], in: .storyList), .command(.sortPrevious),
                       "[keys.list] comes after [keys.all], wherever it is written")
        XCTAssertEqual(reader.settings.keyMap.resolve([.character("z")], in: .comments), .command(.sortNext))
        let later = ConfigReader("[keys.list]\nsort-previous = [\"z\"]\nsort-next = [\"z\"]\n")
        XCTAssertEqual(later.settings.keyMap.resolve([.character("z")], in: .storyList), .command(.sortNext))
        XCTAssertEqual(later.settings.keyMap.keys(for: .sortPrevious, in: .storyList), [])
    }

    func testNamesFromTheFileAreSanitisedAndCutShort() {
        let long = String(repeating: "a", count: 5000)
        XCTAssertEqual(messages("\"\(long)\" = 1\n\"bell\\u0007\" = 2\n"), [
            "config.toml line 1: unknown setting '\(String(repeating: "a", count: 39))…' (the settings are side_by_side_width, sort, hide_read, mouse, colors, keys)",
            "config.toml line 2: unknown setting 'bell␇' (the settings are side_by_side_width, sort, hide_read, mouse, colors, keys)",
        ])
        XCTAssertEqual(ConfigProblem(line: 3, text: "x").message(path: "/tmp/\u{1B}[2Jevil.toml"), "/tmp/␛evil.toml line 3: x")
    }
}

/// Keys the terminal never reports as themselves are refused with what to write instead.
final class ConfigTerminalKeyTests: XCTestCase {
    func testKeysThatNeverArrive() {
        let text = """
            [keys.list]
            sort-next = ["C-i"]
            sort-previous = ["C-m"]
            undo = ["S-Up"]
            redraw = ["C-1"]
            open-link = ["\\u0001"]
            quit = ["M-q", "S-Tab", "F12", "Del", "C-x", "é"]
            """
        XCTAssertEqual(ConfigReader(text).problems.map { $0.message(path: "c.toml") }, [
            "c.toml line 2: sort-next: the terminal sends C-i as Tab: write \"Tab\"",
            "c.toml line 3: sort-previous: the terminal sends C-m as Enter: write \"Enter\"",
            "c.toml line 4: undo: the terminal does not report S-Up as a key of its own",
            "c.toml line 5: redraw: the terminal has no C-1: Ctrl goes with a letter",
            "c.toml line 6: open-link: a control character arrives as C- and its letter, or as the key it is (Tab, Enter, Esc, Bksp)",
        ])
        XCTAssertEqual(ConfigReader(text).settings.keyMap.keys(for: .quit, in: .storyList),
                       [KeyPress(.character("q"), modifiers: .alt), .backTab, KeyPress(.function(12)), KeyPress(.delete), .control("x"),
                        .character("é")])
    }
}
