import Foundation
import XCTest
@testable import TidingsModel

final class StoryQueryTests: XCTestCase {
    func testWordsPhrasesAndNegation() throws {
        let query = try StoryQuery.parse(#"Rust  "Exact Phrase" -java -"go home" unread -new"#)
        XCTAssertEqual(query.words, ["rust", "exact phrase"])
        XCTAssertEqual(query.excludedWords, ["java", "go home"])
        XCTAssertEqual(query.filters, [.unread])
        XCTAssertEqual(query.excludedFilters, [.new])
        XCTAssertTrue(query.readsText)
    }

    func testQuotedFilterNamesAreWordsAndUnknownNamesToo() throws {
        let query = try StoryQuery.parse(#""unread" re:topic http://x.org - "#)
        XCTAssertEqual(query.words, ["unread", "re:topic", "http://x.org"])
        XCTAssertEqual(query.filters, [])
    }

    func testFilters() throws {
        let query = try StoryQuery.parse(#"author:"Ada Lovelace" format:hn,mail since:2d before:2024-06-01 comments:>=100 -comments:<3"#)
        XCTAssertEqual(query.filters, [.author("ada lovelace"), .format(["hn", "mail"]), .since(.ago(seconds: 2 * 86_400)),
                                       .before(.day(year: 2024, month: 6, day: 1)), .comments(.atLeast, 100)])
        XCTAssertEqual(query.excludedFilters, [.comments(.fewer, 3)])
        XCTAssertFalse(query.readsText)
        XCTAssertEqual(try StoryQuery.parse("format:text").filters, [.format(["tidings"])])
        XCTAssertEqual(try StoryQuery.parse("comments:7").filters, [.comments(.exactly, 7)])
    }

    func testBadFiltersSayWhatTheyTake() {
        for (text, start) in [("since:soon", "since: takes an age"), ("before:2024-13-01", "before: takes an age"),
                              ("format:gopher", "format: is one of"), ("comments:>many", "comments: takes a number"),
                              ("author:", "author: needs a name"), ("in:", "in: needs a feed"),
                              ("category:", "category: needs a feed")] {
            XCTAssertThrowsError(try StoryQuery.parse(text), text) { error in
                XCTAssertTrue((error as? StoryQuery.Problem)?.message.hasPrefix(start) == true, "\(text): \(error)")
            }
        }
    }

    func testUnclosedQuoteRunsToTheEnd() throws {
        XCTAssertEqual(try StoryQuery.parse(#"a "b c"#).words, ["a", "b c"])
    }

    func testFoldKeepsCharactersWhoseLowercaseIsASCII() {
        XCTAssertEqual(SearchFold.string("ÄÖÜ Straße ΣΑΣ Москва"), "äöü straße σασ москва")
        // The Kelvin sign and dotted capital I fold to themselves, so raw ASCII search agrees with folding.
        XCTAssertEqual(SearchFold.string("\u{212A}İ"), "\u{212A}İ")
    }

    func testNeedleFindsASCIIAndUnicodeRegardlessOfCase() {
        XCTAssertTrue(SearchNeedle("kubernetes").occurs(in: "We run KuberNetes here"))
        XCTAssertTrue(SearchNeedle("zq").occurs(in: "zq"))
        XCTAssertFalse(SearchNeedle("zq").occurs(in: "z"))
        XCTAssertFalse(SearchNeedle("kubernetes").occurs(in: "kubernete"))
        XCTAssertTrue(SearchNeedle("москва").occurs(in: "В МОСКВА сегодня"))
        XCTAssertTrue(SearchNeedle("Café").occurs(in: "the CAFÉ"))
        XCTAssertFalse(SearchNeedle("café").occurs(in: "the cafe"))
        XCTAssertTrue(SearchNeedle("go home").occurs(in: "Go Home now"))
        XCTAssertTrue(SearchNeedle("").occurs(in: ""))
        // At the very start and end, and where the anchor letter is the first or the last.
        for text in ["xyz", "XYZ abc", "abc xYz"] { XCTAssertTrue(SearchNeedle("xyz").occurs(in: text), text) }
    }

    func testEntryFilter() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        func entry(author: String?, format: String, date: Date?, comments: Int, unread: Int, declared: Int? = nil) -> StoryEntry {
            StoryEntry(summary: StorySummary(id: "x", source: SourceReference(path: "/x"), format: format,
                                             header: StoryHeader(author: author, date: date, declaredComments: declared),
                                             commentCount: comments), unreadComments: unread)
        }
        let recent = entry(author: "Ada Lovelace", format: "hn", date: now.addingTimeInterval(-3600), comments: 150, unread: 2)
        let old = entry(author: "bob", format: "tidings", date: now.addingTimeInterval(-10 * 86_400), comments: 0, unread: 0, declared: 40)
        let undated = entry(author: nil, format: "mail", date: nil, comments: 3, unread: 0)
        func admitted(_ text: String, read: Bool = false) throws -> [Bool] {
            let filter = EntryFilter(try StoryQuery.parse(text), now: now, timeZone: TimeZone(identifier: "UTC")!)
            return [recent, old, undated].map { filter.admits($0, storyRead: read) }
        }
        XCTAssertEqual(try admitted("author:lovelace"), [true, false, false])
        XCTAssertEqual(try admitted("-author:lovelace"), [false, true, true])
        XCTAssertEqual(try admitted("since:2d"), [true, false, false])
        XCTAssertEqual(try admitted("before:2d"), [false, true, false])
        XCTAssertEqual(try admitted("-since:2d"), [false, true, true])
        XCTAssertEqual(try admitted("comments:>100"), [true, false, false])
        XCTAssertEqual(try admitted("comments:>=40"), [true, true, false], "the declared count when none are saved")
        XCTAssertEqual(try admitted("format:mail"), [false, false, true])
        XCTAssertEqual(try admitted("format:news"), [false, false, false], "mail is not news")
        // A thread of articles (its category is its newsgroups) is news, not mail.
        let article = StoryEntry(summary: StorySummary(id: "n", source: SourceReference(path: "/n"), format: "mail",
                                                       header: StoryHeader(category: "comp.lang.swift"), commentCount: 0), unreadComments: 0)
        let news = EntryFilter(try StoryQuery.parse("format:news"), now: now, timeZone: TimeZone(identifier: "UTC")!)
        let mail = EntryFilter(try StoryQuery.parse("format:mail"), now: now, timeZone: TimeZone(identifier: "UTC")!)
        XCTAssertTrue(news.admits(article, storyRead: false))
        XCTAssertFalse(mail.admits(article, storyRead: false))
        XCTAssertEqual(try admitted("unread", read: true), [true, false, false])
        XCTAssertEqual(try admitted("unread", read: false), [true, true, true])
        XCTAssertEqual(try admitted("new", read: true), [true, false, false])
        XCTAssertEqual(try admitted("new", read: false), [true, false, false], "never opened, with new comments: the list's \"12 new\"")
        XCTAssertEqual(try admitted("before:2023-11-14 since:2023-11-01"), [false, true, false])
    }

    /// `in:` (or `category:`) keeps the stories whose category (a feed's title, a subreddit, a mailing list)
    /// holds the word, case-insensitively, decided from the list entry; a story without one never passes.
    func testInFiltersByCategory() throws {
        XCTAssertEqual(try StoryQuery.parse(#"in:Matched category:"Mixed & Matched" -in:rust"#).filters,
                       [.category("matched"), .category("mixed & matched")])
        XCTAssertEqual(try StoryQuery.parse("-in:rust").excludedFilters, [.category("rust")])
        XCTAssertFalse(try StoryQuery.parse("in:rust").readsText, "decided from the list, with no file read")
        func entry(_ category: String?) -> StoryEntry {
            StoryEntry(summary: StorySummary(id: "x", source: SourceReference(path: "/x"), format: "feed",
                                             header: StoryHeader(category: category)), unreadComments: 0)
        }
        let entries = [entry("Mixed & Matched"), entry("rust"), entry("MATCHED UP"), entry(nil)]
        func admitted(_ text: String) throws -> [Bool] {
            let filter = EntryFilter(try StoryQuery.parse(text), now: Date(), timeZone: TimeZone(identifier: "UTC")!)
            return entries.map { filter.admits($0, storyRead: false) }
        }
        XCTAssertEqual(try admitted("in:matched"), [true, false, true, false])
        XCTAssertEqual(try admitted(#"in:"mixed & matched""#), [true, false, false, false])
        XCTAssertEqual(try admitted("category:RUST"), [false, true, false, false])
        XCTAssertEqual(try admitted("-in:matched"), [false, true, false, true], "a story without a category passes the negation")
    }

    /// A story with only an age as the source wrote it (the native format's "6 hours ago") is dated that
    /// long before now, as the newest-first sort dates it; a text that is no age leaves it undated.
    func testAnAgeCountsBackFromNow() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        func entry(_ dateText: String?) -> StoryEntry {
            StoryEntry(summary: StorySummary(id: "x", source: SourceReference(path: "/x"), format: "text",
                                             header: StoryHeader(dateText: dateText)), unreadComments: 0)
        }
        let entries = [entry("6 hours ago"), entry("three weeks ago"), entry("yesterday"), entry("on a rainy day"), entry(nil)]
        func admitted(_ text: String) throws -> [Bool] {
            let filter = EntryFilter(try StoryQuery.parse(text), now: now, timeZone: TimeZone(identifier: "UTC")!)
            // Twice: the filter decides the same each time.
            let first = entries.map { filter.admits($0, storyRead: false) }
            XCTAssertEqual(entries.map { filter.admits($0, storyRead: false) }, first)
            return first
        }
        XCTAssertEqual(try admitted("since:12h"), [true, false, false, false, false])
        XCTAssertEqual(try admitted("since:2d"), [true, false, true, false, false])
        XCTAssertEqual(try admitted("before:1w"), [false, true, false, false, false])
        XCTAssertEqual(try admitted("-since:2d"), [false, true, false, true, true], "undated stories pass the negation")
        XCTAssertEqual(try admitted("before:2023-11-14"), [false, true, true, false, false], "now is 2023-11-14 22:13")
    }
}
