import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Ages of comments against the reader's now, and dates in full in the reader's time zone.
final class DateTextTests: XCTestCase {
    let now = RichFixtures.now
    let utc = TimeZone(identifier: "UTC")!

    func age(_ seconds: Double) -> String { DateText.age(of: now.addingTimeInterval(-seconds), now: now, in: utc) }

    func testAges() {
        XCTAssertEqual(age(0), "just now")
        XCTAssertEqual(age(59), "just now")
        XCTAssertEqual(age(30 - 60), "just now", "a clock a little ahead is not the future")
        XCTAssertEqual(age(60), "1 minute ago")
        XCTAssertEqual(age(5 * 60 + 59), "5 minutes ago")
        XCTAssertEqual(age(3600), "1 hour ago")
        XCTAssertEqual(age(3 * 3600 + 10), "3 hours ago")
        XCTAssertEqual(age(86_400), "1 day ago")
        XCTAssertEqual(age(2 * 86_400), "2 days ago")
        XCTAssertEqual(age(29 * 86_400), "29 days ago")
        XCTAssertEqual(age(30 * 86_400), "1 month ago")
        XCTAssertEqual(age(125 * 86_400), "4 months ago")
        XCTAssertEqual(age(364 * 86_400), "11 months ago")
        XCTAssertEqual(age(365 * 86_400), "1 year ago")
        XCTAssertEqual(age(11 * 365 * 86_400 + 5), "11 years ago")
    }

    func testAFutureDateIsShownInFull() {
        XCTAssertEqual(age(-2 * 86_400), "Thu 2007-04-05 15:46 +00:00")
    }

    func testFullDatesInTheReadersTimeZone() {
        let posted = RichFixtures.posted
        XCTAssertEqual(DateText.full(posted, in: RichFixtures.berlin), "Tue 2007-04-03 14:21 +02:00")
        XCTAssertEqual(DateText.full(posted, in: TimeZone(identifier: "Asia/Kolkata")!), "Tue 2007-04-03 17:51 +05:30")
        XCTAssertEqual(DateText.full(posted, in: TimeZone(identifier: "America/St_Johns")!), "Tue 2007-04-03 09:51 -02:30")
        XCTAssertEqual(DateText.full(Date(timeIntervalSince1970: 0), in: utc), "Thu 1970-01-01 00:00 +00:00")
        // Every date is read in the proleptic Gregorian calendar, and written in it (not turned Julian).
        XCTAssertEqual(DateText.full(Date(timeIntervalSince1970: -62_135_596_800), in: utc), "Mon 0001-01-01 00:00 +00:00")
        XCTAssertEqual(DateText.full(Date(timeIntervalSince1970: -12_219_292_801), in: utc), "Thu 1582-10-14 23:59 +00:00")
        XCTAssertEqual(DateText.full(Date(timeIntervalSince1970: -1), in: utc), "Wed 1969-12-31 23:59 +00:00")
        XCTAssertTrue(DateText.full(Date(timeIntervalSince1970: -62_167_219_200), in: TimeZone(secondsFromGMT: -4 * 3600)!)
            .hasPrefix("Fri -0001-12-31 20:00"), "year 0 at UTC-4 is the last day of year -1")
    }

    func testAgesMoveOnWithTicksAndRedrawOncePerMinute() {
        var comments = [RichFixtures.comment(1, depth: 0, parent: nil, author: "ann", date: now.addingTimeInterval(-30), body: ["hi"])]
        Story.countDescendants(&comments)
        let story = Story(id: "t", path: "t", format: "test", title: "T", comments: comments)
        var state = AppState(stories: [story], width: 120, height: 20, now: now, timeZone: utc)
        state.press(.enter)
        XCTAssertTrue(state.render().text.contains("ann · just now"))
        _ = state.update(.tick(now.addingTimeInterval(1)))
        XCTAssertFalse(state.needsFrame, "an idle reader draws nothing within the minute")
        _ = state.update(.tick(now.addingTimeInterval(31 + 3600)))
        XCTAssertTrue(state.needsFrame)
        XCTAssertTrue(state.render().text.contains("ann · 1 hour ago"))
    }

    func testTheHeadlessRunnerKeepsTheClockItIsGiven() {
        let story = RichFixtures.story
        var runner = HeadlessRunner(state: RichFixtures.state(width: 120, height: 40, stories: []), parse: { _ in .success(story) })
        runner.send(.loaded(ParallelLoad.Batch(entries: [StoryEntry(story: story, readState: ReadState())], problems: [],
                                               done: 1, total: 1, finished: true)))
        runner.press(.enter)
        XCTAssertTrue(runner.state.render().text.contains("alice · 3 hours ago · 12 points"))
    }
}
