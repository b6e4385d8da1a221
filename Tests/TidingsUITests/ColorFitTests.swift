import XCTest
@testable import TidingsUI

/// Colours as the config file names them, and how each becomes a colour the terminal has: `#rrggbb` set in
/// the palette where the terminal can change it, else the nearest of its 256 or 8 colours.
final class ColorFitTests: XCTestCase {
    func testNamesNumbersAndHexReadAndPrint() {
        XCTAssertEqual(TerminalColor(name: "cyan"), .cyan)
        XCTAssertEqual(TerminalColor(name: "Bright-Red"), .palette(9))
        XCTAssertEqual(TerminalColor(name: "default"), .terminalDefault)
        XCTAssertEqual(TerminalColor(name: "#FF8700"), .rgb(red: 255, green: 135, blue: 0))
        for bad in ["", "bright-", "bright-orange", "orange", "#ff870", "#ff87001", "#gg8700", "#+f8700", "# ff870", "#ｆｆ8700", "208"] {
            XCTAssertNil(TerminalColor(name: bad), bad)
        }
        let printed: [(TerminalColor, String)] = [(.terminalDefault, "\"default\""), (.white, "\"white\""), (.palette(8), "\"bright-black\""),
                                                  (.palette(208), "208"), (.rgb(red: 1, green: 0xAB, blue: 255), "\"#01abff\"")]
        for (color, text) in printed { XCTAssertEqual(color.configValue, text) }
    }

    func testPaletteNumbersTheTerminalHasAreUsedAsTheyAre() {
        let theme = Theme(colors: [.accent: .palette(208), .fresh: .green, .warning: .terminalDefault])
        let fit = ColorFit(theme: theme, colors: 256, canChange: false)
        XCTAssertEqual(fit.foregrounds, [.accent: 208, .fresh: 2, .warning: -1])
        XCTAssertEqual(fit.definitions, [])
    }

    func testOnEightColoursTheNearestBasicOne() {
        let theme = Theme(colors: [.accent: .palette(208), .fresh: .palette(10), .guide: .rgb(red: 0, green: 0, blue: 200),
                                   .marker: .palette(8), .warning: .palette(231)])
        let fit = ColorFit(theme: theme, colors: 8, canChange: true)
        XCTAssertEqual(fit.foregrounds, [.accent: 3, .fresh: 2, .guide: 4, .marker: 0, .warning: 7],
                       "orange is nearest yellow; bright green is green; bright black is black")
        XCTAssertEqual(fit.definitions, [], "8 colours are never redefined")
        XCTAssertEqual(ColorFit(theme: theme, colors: 16, canChange: false).foregrounds[.fresh], 10, "16 colours have the bright ones")
        XCTAssertEqual(ColorFit(theme: theme, colors: 0, canChange: false).foregrounds[.accent], -1)
    }

    func testHexOnA256ColourTerminal() {
        let theme = Theme(colors: [.accent: .rgb(red: 255, green: 135, blue: 0), .fresh: .rgb(red: 0x80, green: 0x80, blue: 0x80),
                                   .guide: .palette(255)])
        let nearest = ColorFit(theme: theme, colors: 256, canChange: false)
        XCTAssertEqual(nearest.foregrounds, [.accent: 208, .fresh: 244, .guide: 255], "the cube's orange and the grey ramp")
        XCTAssertEqual(nearest.definitions, [])
        let exact = ColorFit(theme: theme, colors: 256, canChange: true)
        XCTAssertEqual(exact.definitions, [.init(slot: 254, red: 1000, green: 529, blue: 0), .init(slot: 253, red: 501, green: 501, blue: 501)],
                       "slots from the top down, past 255 which the theme uses by number")
        XCTAssertEqual(exact.foregrounds, [.accent: 254, .fresh: 253, .guide: 255])
    }

    func testDirectColourTerminalsGetBasicColours() {
        let theme = Theme(colors: [.accent: .rgb(red: 255, green: 0, blue: 0), .fresh: .palette(120)])
        let fit = ColorFit(theme: theme, colors: 1 << 24, canChange: false)
        XCTAssertEqual(fit.foregrounds, [.accent: 1, .fresh: 7], "light green (135, 255, 135) is nearest white")
    }

    func testTheStandardThemeIsUnchanged() {
        let fit = ColorFit(theme: .standard, colors: 256, canChange: true)
        XCTAssertEqual(fit.foregrounds, [.accent: 6, .fresh: 2, .guide: 4, .warning: 3, .marker: 5, .match: 3])
        XCTAssertEqual(fit.definitions, [])
    }
}
