import Foundation
import XCTest
@testable import TidingsModel

/// Dates in the forms feeds and mail write them.
final class FeedDateTests: XCTestCase {
    func seconds(_ text: String) -> Double? { FeedDates.date(text)?.timeIntervalSince1970 }

    func testRFC822Forms() {
        let expected = 1_166_650_926.0  // 2006-12-20 21:42:06 UTC
        XCTAssertEqual(seconds("Wed, 20 Dec 2006 21:42:06 +0000"), expected)
        XCTAssertEqual(seconds("Wed, 20 Dec 2006 21:42:06 GMT"), expected)
        XCTAssertEqual(seconds("20 Dec 2006 21:42:06 Z"), expected)
        XCTAssertEqual(seconds("Wed, 20 Dec 06 21:42:06 UT"), expected, "a two-digit year")
        XCTAssertEqual(seconds("Wednesday, 20 December 2006 22:42:06 +0100"), expected)
        XCTAssertEqual(seconds("Wed, 20 Dec 2006 16:42:06 EST"), expected)
        XCTAssertEqual(seconds("Wed, 20 Dec 2006 14:42:06 PDT"), expected)
        XCTAssertEqual(seconds("Wed, 20 Dec 2006 16:42:06 -0500 (EST)"), expected)
        XCTAssertEqual(seconds("Thu, 21 Dec 2006 00:12:06 +02:30"), expected)
        XCTAssertEqual(seconds("20-Dec-2006 21:42:06 +0000"), expected)
        XCTAssertEqual(seconds("Wed Dec 20 21:42:06 2006"), expected, "asctime")
        XCTAssertEqual(seconds("  Wed,  20 Dec 2006   21:42:06 +0000\n"), expected)
        XCTAssertEqual(seconds("Wed, 20 Dec 2006 21:42 +0000"), expected - 6, "no seconds")
        XCTAssertEqual(seconds("Wed, 20 Dec 2006"), 1_166_572_800, "no time")
        XCTAssertEqual(seconds("Wed, 20 Dec 2006 21:42:06 -"), expected, "a sign alone is no zone")
        XCTAssertEqual(seconds("2006-12-20T19:12:06-02:30"), expected)
        XCTAssertEqual(seconds("Thu, 21 Dec 2006 06:42:06 JST"), expected, "the zone names mail knows")
        XCTAssertEqual(seconds("Thu, 21 Dec 2006 08:42:06 AEDT"), expected, "Australasian names")
        XCTAssertEqual(seconds("Thu, 21 Dec 2006 03:12:06 IST"), expected, "India's, with its half hour")
        XCTAssertEqual(seconds("Thu, 21 Dec 2006 07:12:06 ACST"), expected)
    }

    func testISOAndUnreadable() throws {
        XCTAssertEqual(seconds("2006-12-20T21:42:06Z"), 1_166_650_926)
        XCTAssertEqual(try XCTUnwrap(seconds("2006-12-20T22:42:06.090+01:00")), 1_166_650_926.09, accuracy: 0.001)
        XCTAssertEqual(seconds("2006-12-20"), 1_166_572_800)
        for bad in ["", "soon", "Wed, 32 Dec 2006 21:42:06 +0000", "Wed, 20 Foo 2006", "20 Dec", "Wed, 20 Dec 2006 25:00:00 +0000",
                    "Wed, 20 Dec 200600 21:42:06", "99999999999999999999 Dec 2006", "Wed, 31 Feb 2024 10:00:00 GMT", "Thu, 29 Feb 2023 10:00:00 GMT", "2024-02-30",
                    // Zones no place has, and a time written with dots: not read, rather than hours off or midnight.
                    "2026-11-27T10:00:00+25:00", "2026-11-27T10:00:00-10:75", "Fri, 27 Nov 2026 10:00:00 +9999",
                    "Fri, 27 Nov 2026 10:00:00 -2400", "Fri, 27 Nov 2026 10.00.00 GMT", "Mon, 03 Jun 2024 10.00:00 +0000",
                    "Mon, 03 Jun 2024 1O:00:00 +0000", "Mon, 03 Jun 2024 10 +0000"] {
            XCTAssertNil(FeedDates.date(bad), bad)
        }
        let picked = FeedDates.pick(nil, "  yesterday ", "2006-12-20", nil)
        XCTAssertEqual(picked.date?.timeIntervalSince1970, 1_166_572_800)
        XCTAssertNil(picked.text)
        let unread = FeedDates.pick("  yesterday ", nil, "later", nil)
        XCTAssertNil(unread.date)
        XCTAssertEqual(unread.text, "yesterday")
    }
}
