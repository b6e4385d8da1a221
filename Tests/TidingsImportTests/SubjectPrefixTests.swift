import XCTest
@testable import TidingsModel

/// The prefixes taken off a reply's subject to title a thread whose first message is missing.
final class SubjectPrefixTests: XCTestCase {
    func testCountedAndNationalPrefixesGo() {
        XCTAssertEqual(SubjectPrefix.stripped("Re^2: Ynt: The plan"), "The plan")
        XCTAssertEqual(SubjectPrefix.stripped("R: Odp: AW: Riunione"), "Riunione")
        XCTAssertEqual(SubjectPrefix.stripped("Re[2]: Vs: Sv: Antw: Møde"), "Møde")
        XCTAssertEqual(SubjectPrefix.stripped("Re^x: kept"), "Re^x: kept")
        XCTAssertEqual(SubjectPrefix.stripped("Rome: a city"), "Rome: a city")
    }
}
