import TidingsModel
import TidingsUI
import XCTest
@testable import tidings

/// `--print-config` prints every setting at its default, and the printed file read back is the defaults.
final class ConfigRoundTripTests: XCTestCase {
    func testThePrintedDefaultsReadBackAsTheDefaults() {
        let reader = ConfigReader(DefaultConfig.text())
        XCTAssertEqual(reader.problems, [])
        XCTAssertEqual(reader.settings, ReaderSettings.standard)
        XCTAssertEqual(reader.settings.keyMap.bindings, KeyMap.standard.bindings)
    }
}
