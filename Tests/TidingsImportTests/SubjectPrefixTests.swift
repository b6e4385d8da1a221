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
        XCTAssertEqual(SubjectPrefix.stripped("答复: 回复：会议安排"), "会议安排")
        XCTAssertEqual(SubjectPrefix.stripped("Re : TR : Réunion"), "Réunion", "French clients' space before the colon")
        XCTAssertEqual(SubjectPrefix.stripped("Re: AW: Fwd: Re: Notes", keepingForwards: true), "Fwd: Re: Notes", "a forward says something")
        // Outlook's forwards and replies in other languages, as a comment's subject is compared without them.
        XCTAssertEqual(SubjectPrefix.stripped("WG: Budget plan"), "Budget plan")
        XCTAssertEqual(SubjectPrefix.stripped("RES: Reunião"), "Reunião")
        XCTAssertEqual(SubjectPrefix.stripped("Vá: TR: RV: Enc: Doorst: VL: Rif: Viaje"), "Viaje")
        XCTAssertEqual(SubjectPrefix.stripped("Trip: to Rome"), "Trip: to Rome")
    }
}
