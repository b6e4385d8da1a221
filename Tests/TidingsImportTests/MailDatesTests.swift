import Foundation
import XCTest
@testable import TidingsModel

/// Dates in every form mail and news wrote them, and what does not read.
final class MailDatesTests: XCTestCase {
    func date(_ text: String) -> Date? { MailDates.parse(Substring(text)) }
    func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Date {
        MailFixture.utc(year, month, day, hour, minute, second)
    }

    func testRFC5322() {
        XCTAssertEqual(date("Tue, 17 Nov 2009 10:52:49 +0100"), utc(2009, 11, 17, 9, 52, 49))
        XCTAssertEqual(date("17 Nov 2009 10:52:49 -0530"), utc(2009, 11, 17, 16, 22, 49))
        XCTAssertEqual(date("Tue,17 Nov 2009 10:52 +0000"), utc(2009, 11, 17, 10, 52))
        XCTAssertEqual(date("  Tue,   17  Nov   2009   10:52:49   +0100  (CET) "), utc(2009, 11, 17, 9, 52, 49))
        XCTAssertEqual(date("Tue, 17 Nov 2009 10:52:49 +0100 (Central (European) Time)"), utc(2009, 11, 17, 9, 52, 49))
        XCTAssertEqual(date("Thu, 1 Jan 1970 00:00:00 GMT"), Date(timeIntervalSince1970: 0))
        XCTAssertEqual(date("29 Feb 2024 23:59:60 +0000"), utc(2024, 3, 1, 0, 0, 0), "a leap second")
    }

    func testObsoleteZones() {
        XCTAssertEqual(date("Wed, 12 Jun 1991 13:26:45 EDT"), utc(1991, 6, 12, 17, 26, 45))
        XCTAssertEqual(date("12 Jun 1991 13:26:45 EST"), utc(1991, 6, 12, 18, 26, 45))
        XCTAssertEqual(date("12 Jun 1991 13:26:45 CST"), utc(1991, 6, 12, 19, 26, 45))
        XCTAssertEqual(date("12 Jun 1991 13:26:45 CDT"), utc(1991, 6, 12, 18, 26, 45))
        XCTAssertEqual(date("12 Jun 1991 13:26:45 MST"), utc(1991, 6, 12, 20, 26, 45))
        XCTAssertEqual(date("12 Jun 1991 13:26:45 MDT"), utc(1991, 6, 12, 19, 26, 45))
        XCTAssertEqual(date("12 Jun 1991 13:26:45 PST"), utc(1991, 6, 12, 21, 26, 45))
        XCTAssertEqual(date("12 Jun 1991 13:26:45 PDT"), utc(1991, 6, 12, 20, 26, 45))
        XCTAssertEqual(date("12 Jun 1991 13:26:45 UT"), utc(1991, 6, 12, 13, 26, 45))
        XCTAssertEqual(date("12 Jun 1991 13:26:45 UTC"), utc(1991, 6, 12, 13, 26, 45))
        // Military letters mean -0000 (RFC 5322 §4.3).
        XCTAssertEqual(date("12 Jun 1991 13:26:45 Q"), utc(1991, 6, 12, 13, 26, 45))
        XCTAssertEqual(date("12 Jun 1991 13:26:45 Z"), utc(1991, 6, 12, 13, 26, 45))
        XCTAssertEqual(date("12 Jun 1991 13:26:45 MET DST"), utc(1991, 6, 12, 11, 26, 45))
        // A numeric zone is the whole offset: `DST` after it adds nothing, also after a name it replaced.
        XCTAssertEqual(date("12 Jun 1991 13:26:45 +0200 DST"), utc(1991, 6, 12, 11, 26, 45))
        XCTAssertEqual(date("12 Jun 1991 13:26:45 MET +0200 DST"), utc(1991, 6, 12, 11, 26, 45))
        XCTAssertEqual(date("12 Jun 1991 13:26:45 DST"), utc(1991, 6, 12, 12, 26, 45), "no zone: an hour east of UTC, as before")
        // Names written east of Europe: Asia's and Australasia's, India's half hour.
        XCTAssertEqual(date("Mon, 3 Feb 2025 09:00:00 AEST"), utc(2025, 2, 2, 23, 0, 0))
        XCTAssertEqual(date("Mon, 3 Feb 2025 09:00:00 NZDT"), utc(2025, 2, 2, 20, 0, 0))
        XCTAssertEqual(date("Mon, 3 Feb 2025 09:00:00 IST"), utc(2025, 2, 3, 3, 30, 0))
        XCTAssertEqual(date("Mon, 3 Feb 2025 09:00:00 akst"), utc(2025, 2, 3, 18, 0, 0))
    }

    /// Offsets as ISO 8601 writes them, which hand-made mail and news software puts in an RFC 5322 date.
    func testOffsetsWithAColonOrHoursAlone() {
        XCTAssertEqual(date("Thu, 26 Nov 2026 10:00:00 +02:00"), utc(2026, 11, 26, 8, 0, 0))
        XCTAssertEqual(date("Thu, 26 Nov 2026 10:00:00 -05:30"), utc(2026, 11, 26, 15, 30, 0))
        XCTAssertEqual(date("Thu, 26 Nov 2026 10:00:00 +02"), utc(2026, 11, 26, 8, 0, 0))
        XCTAssertEqual(date("Thu, 26 Nov 2026 10:00:00 -03 (ART)"), utc(2026, 11, 26, 13, 0, 0))
        XCTAssertEqual(date("Thu, 26 Nov 2026 10:00 +02:00"), utc(2026, 11, 26, 8, 0, 0))
        XCTAssertEqual(date("Thu, 26 Nov 2026 10:00:00 +2"), utc(2026, 11, 26, 8, 0, 0))
        XCTAssertEqual(date("Thu, 26 Nov 2026 10:00:00 +2:00"), utc(2026, 11, 26, 8, 0, 0))
        XCTAssertEqual(date("Thu, 26 Nov 2026 10:00:00 -5:30"), utc(2026, 11, 26, 15, 30, 0))
        XCTAssertEqual(date("Thu, 26 Nov 2026 10:00:00 UTC+2"), utc(2026, 11, 26, 8, 0, 0))
        XCTAssertEqual(date("2026-11-26T10:00:00+02:00"), utc(2026, 11, 26, 8, 0, 0), "ISO 8601")
        XCTAssertEqual(date(" 2026-11-26T10:00:00Z "), utc(2026, 11, 26, 10, 0, 0))
        XCTAssertNil(date("2024-02-30T10:00:00Z"), "no 30th of February, in ISO 8601 as in RFC 5322")
        XCTAssertEqual(date("2024-02-29T10:00:00Z"), utc(2024, 2, 29, 10, 0, 0))
        // A zone that cannot be read loses the zone, not the date.
        for zone in ["+02:0", "+02:", "+24:00", "+02:60", "+99:99", "+020", "+02000", "+0260", "--02:00", "+-02:00", "+", "-2400", "+9999", "+2500"] {
            XCTAssertEqual(date("Thu, 26 Nov 2026 10:00:00 \(zone)"), utc(2026, 11, 26, 10, 0, 0), zone)
        }
        XCTAssertEqual(date("12-Jun-91 13:26:45 GMT"), utc(1991, 6, 12, 13, 26, 45), "a day's dash is no zone")
    }

    func testTwoAndThreeDigitYears() {
        XCTAssertEqual(date("21 Jun 91 02:56:59 GMT"), utc(1991, 6, 21, 2, 56, 59))
        XCTAssertEqual(date("1 Jan 49 00:00 +0000"), utc(2049, 1, 1, 0, 0))
        XCTAssertEqual(date("1 Jan 50 00:00 +0000"), utc(1950, 1, 1, 0, 0))
        XCTAssertEqual(date("1 Jan 103 00:00 +0000"), utc(2003, 1, 1, 0, 0))
    }

    func testAsctimeAndUsenetForms() {
        XCTAssertEqual(date("Thu Nov 26 00:16:58 2026"), utc(2026, 11, 26, 0, 16, 58))
        XCTAssertEqual(date("Wed Jun 12 13:26:45 1991"), utc(1991, 6, 12, 13, 26, 45))
        XCTAssertEqual(date("Sun Jan  3 01:52:45 1982"), utc(1982, 1, 3, 1, 52, 45))
        XCTAssertEqual(date("Wed Jun 12 13:26:45 EDT 1991"), utc(1991, 6, 12, 17, 26, 45))
        XCTAssertEqual(date("12-Jun-91 13:26:45 GMT"), utc(1991, 6, 12, 13, 26, 45))
        XCTAssertEqual(date("Wednesday, 12-Jun-91 13:26:45 GMT"), utc(1991, 6, 12, 13, 26, 45))
        XCTAssertEqual(date("12-Jun-1991 13:26:45 -0400"), utc(1991, 6, 12, 17, 26, 45))
        XCTAssertEqual(date("Jun 12, 1991 1:26 PM"), utc(1991, 6, 12, 13, 26))
    }

    func testUnreadable() {
        for text in ["Mon, 01 Jan 2024 10.00:00 +0000", "Mon, 01 Jan 2024 1O:00:00 +0000", "Mon, 01 Jan 2024 10.00.00 GMT"] {
            XCTAssertNil(date(text), "a time written some other way is no midnight: \(text)")
        }
        XCTAssertEqual(date("Tue, 3rd Apr 2007 10:00:00 +0200"), utc(2007, 4, 3, 8, 0, 0), "an ordinal day")
        XCTAssertNil(date(""))
        XCTAssertNil(date("yesterday"))
        XCTAssertNil(date("Tue, 17 2009 10:52:49 +0100"), "no month")
        XCTAssertNil(date("Tue, 31 Nov 2009 10:52:49 +0100"), "no 31st of November")
        XCTAssertNil(date("29 Feb 2023 10:00 +0000"))
        XCTAssertNil(date("17 Nov 2009 25:52:49 +0100"))
        XCTAssertNil(date("17 Nov 2009 10:61:49 +0100"))
        XCTAssertNil(date("17 Nov 99999999999 10:52:49"))
        XCTAssertNil(date("Nov 2009"))
        XCTAssertNil(date("17 Nov 2009 10:52:49 10:52:49"))
    }

    /// The standard shape is read straight off (`parse`); what it makes of any text must be what the general
    /// reading makes of it, valid or not, with and without weekdays, comments and odd digits.
    func testStandardShapeReadsAsTheGeneralReading() {
        let weekdays = ["", "Sat, ", "sun, ", "Sat,", "Jun, ", "Est, "]
        let days = ["1", "01", "31", "0", "123"]
        let months = ["Jun", "feb", "Nov", "June", "Est"]
        let years = ["2024", "0001", "24", "20245"]
        let times = ["07:35:00", "23:59:60", "24:00:00", "7:35:00", "07:35", "07:35:00.5"]
        let zones = ["+0000", "-0530", "+0160", "+00000", "GMT", "+0100 (CET)", "+0100 (a (b))", "+0100 (x", "-0800  ", "+0000\r\n", "+0000 x"]
        var checked = 0
        for weekday in weekdays {
            for day in days {
                for month in months {
                    for year in years {
                        for time in times {
                            for zone in zones {
                                let text = "\(weekday)\(day) \(month) \(year) \(time) \(zone)"
                                let bytes = Array(text.utf8)
                                XCTAssertEqual(MailDates.parse(bytes: bytes), MailDates.parseAnyShape(bytes), text)
                                checked += 1
                            }
                        }
                    }
                }
            }
        }
        XCTAssertEqual(checked, 6 * 5 * 5 * 4 * 6 * 11)
        XCTAssertEqual(date("Sat, 01 Jun 2024 07:35:00 +0000"), utc(2024, 6, 1, 7, 35, 0))
    }
}
