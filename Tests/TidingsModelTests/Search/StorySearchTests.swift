import Foundation
import XCTest
@testable import TidingsModel

final class StorySearchTests: XCTestCase {
    static let native = """
    Harbour Ferry returns
    Category: Local
    Via: tidewatcher • 2 hours ago • 4 comments
    By: Story by Ines Calloway

    The old harbour ferry is back in service.
    - Tickets keep last year's prices until June.

    @@ mira • 1 hour ago @@ Finally, my commute is back. Ferry!
      @@ jon @@ Does the night ferry run too?
        Yes, until midnight in Москва time.
      @@ Ferry Fan @@ The ramp is new.
    Good news, but the timetable is old.
    """

    private func both(_ text: String, in document: String = native) throws -> StoryMatch {
        let query = try StoryQuery.parse(text).textQuery
        let bytes = Array(document.utf8)
        let story = try XCTUnwrap(NativeImporter().stories(in: bytes, path: "/s.txt").first)
        let parsed = query.match(story)
        let raw = try NativeImporter.search(bytes, query: query)
        XCTAssertEqual(raw, parsed, "the raw scan and the parsed story disagree on \(text)")
        return parsed
    }

    func testCommentsHoldingEveryWordAreCounted() throws {
        XCTAssertEqual(try both("ferry"), StoryMatch(matches: true, comments: [0, 1, 3]), "authors count as a comment's text")
        XCTAssertEqual(try both("ferry night"), StoryMatch(matches: true, comments: [1]))
        XCTAssertEqual(try both("\"night ferry\""), StoryMatch(matches: true, comments: [1]))
        XCTAssertEqual(try both("\"ferry night\""), StoryMatch(matches: false, comments: []))
    }

    func testStoryFieldsMatchWithoutComments() throws {
        XCTAssertEqual(try both("calloway"), StoryMatch(matches: true, comments: []), "the byline")
        XCTAssertEqual(try both("tidewatcher"), StoryMatch(matches: true, comments: []), "the submitter")
        XCTAssertEqual(try both("\"tickets keep\""), StoryMatch(matches: true, comments: []), "a list item, without its dash")
        XCTAssertEqual(try both("\"- tickets\""), StoryMatch(matches: false, comments: []))
        XCTAssertEqual(try both("harbour midnight"), StoryMatch(matches: true, comments: []), "words anywhere in the story")
        XCTAssertEqual(try both("москва"), StoryMatch(matches: true, comments: [2]))
        XCTAssertEqual(try both("МОСКВА"), StoryMatch(matches: true, comments: [2]))
    }

    func testExcludedWordsRuleOutTheStory() throws {
        XCTAssertEqual(try both("ferry -midnight").matches, false)
        XCTAssertEqual(try both("ferry -submarine"), StoryMatch(matches: true, comments: [0, 1, 3]))
        XCTAssertEqual(try both("-submarine"), StoryMatch(matches: true, comments: []))
        XCTAssertEqual(try both("submarine").matches, false)
    }

    /// The category (a feed's title, a subreddit, a mailing list) is searched as the title is: a word of a
    /// feed's name finds its items, in a native file's bytes and in a parsed story alike.
    func testTheCategoryIsSearchedAsTheTitleIs() throws {
        XCTAssertEqual(try both("Local"), StoryMatch(matches: true, comments: []))
        XCTAssertEqual(try both("local ferry"), StoryMatch(matches: true, comments: []), "no comment holds both words")
        XCTAssertEqual(try both("ferry -local").matches, false)
        let feed = Array("""
            <rss><channel><title>Mixed &amp; Matched</title>
            <item><title>First</title><link>https://mm.example/1</link></item></channel></rss>
            """.utf8)
        let story = try XCTUnwrap(FeedImporter().stories(in: feed, path: "/f.xml").first)
        XCTAssertTrue(try StoryQuery.parse("Matched").textQuery.match(story).matches)
        XCTAssertTrue(try StoryQuery.parse("\"mixed & matched\" first").textQuery.match(story).matches)
        XCTAssertFalse(try StoryQuery.parse("unmatched").textQuery.match(story).matches)
    }

    func testOtherEncodingsAgree() throws {
        // CRLF line ends and a Windows-1252 file are read the same way by both.
        XCTAssertEqual(try both("ferry", in: Self.native.replacingOccurrences(of: "\n", with: "\r\n")).comments, [0, 1, 3])
        let latin = "Caf\u{e9} story\n\nBody\n\nthe caf\u{e9} is open\n"
        let bytes = latin.unicodeScalars.map { UInt8($0.value) }
        let query = try StoryQuery.parse("café").textQuery
        let story = try XCTUnwrap(NativeImporter().stories(in: bytes, path: "/l.txt").first)
        XCTAssertEqual(query.match(story), StoryMatch(matches: true, comments: [0]))
        XCTAssertEqual(try NativeImporter.search(bytes, query: query), query.match(story))
    }

    func testCollectionSearchFindsStoriesOfEveryKindInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("search-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.native.write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        try "Nothing here\n\nA body.\n\nno match at all\n".write(toFile: folder + "/b.txt", atomically: true, encoding: .utf8)
        let mbox = """
        From a@x Mon Jan  1 00:00:00 2024
        From: Ann <a@x>
        Subject: Ferry plans
        Message-ID: <1@x>

        The ferry is late.

        From b@x Mon Jan  1 01:00:00 2024
        From: Bo <b@x>
        Subject: Re: Ferry plans
        Message-ID: <2@x>
        In-Reply-To: <1@x>
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Take the fer=
        ry.

        From c@x Mon Jan  1 02:00:00 2024
        From: Cy <c@x>
        Subject: Buses
        Message-ID: <3@x>

        Buses only.

        """
        try mbox.write(toFile: folder + "/c.mbox", atomically: true, encoding: .utf8)
        let (stories, problems) = CollectionLoader().loadAll([folder])
        XCTAssertEqual(problems, [])
        let entries = stories.map { StoryEntry(summary: $0.summary, unreadComments: 0) }
        let order = Array(entries.indices)
        XCTAssertEqual(stories.map(\.title), ["Harbour Ferry returns", "Nothing here", "Ferry plans", "Buses"])

        let search = CollectionSearch()
        search.start(generation: 1, query: try StoryQuery.parse("ferry").textQuery, entries: entries, order: order)
        var hits: [CollectionSearch.Hit] = []
        var last: CollectionSearch.Batch?
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let batch = search.take() {
                XCTAssertEqual(batch.generation, 1)
                hits += batch.hits
                last = batch
                if batch.finished { break }
            }
            usleep(1000)
        }
        XCTAssertEqual(last?.finished, true)
        XCTAssertEqual(last?.searched, 4)
        XCTAssertEqual(last?.unreadable, 0)
        // The reply's quoted-printable soft break is decoded before searching: "fer=\nry" is "ferry".
        XCTAssertEqual(hits.sorted { $0.entry < $1.entry }, [.init(entry: 0, id: stories[0].id, comments: 3), .init(entry: 2, id: stories[2].id, comments: 1)])
        XCTAssertNil(search.take(), "a finished search is reported once")

        // A new search replaces the old; a cancelled one reports nothing more.
        search.start(generation: 2, query: try StoryQuery.parse("buses").textQuery, entries: entries, order: order)
        search.cancel()
        usleep(100_000)
        XCTAssertTrue(search.take().map { $0.generation != 2 || $0.hits.isEmpty } ?? true)
        // Searches replaced one after another, without waiting: the last one runs to its end.
        for generation in 3...6 {
            search.start(generation: generation, query: try StoryQuery.parse(generation == 6 ? "buses" : "ferry").textQuery,
                         entries: entries, order: order)
        }
        var final: CollectionSearch.Batch?
        var found: [CollectionSearch.Hit] = []
        let end = Date().addingTimeInterval(10)
        while Date() < end {
            if let batch = search.take(), batch.generation == 6 {
                found += batch.hits
                if batch.finished { final = batch; break }
            }
            usleep(1000)
        }
        XCTAssertEqual(final?.searched, 4)
        XCTAssertEqual(found.map(\.entry), [3])
    }

    func testTheRepliesOfAMaildirThreadAreSearched() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("search-maildir-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for sub in ["cur", "new", "tmp"] { try FileManager.default.createDirectory(atPath: folder + "/box/" + sub, withIntermediateDirectories: true) }
        func message(_ id: Int, _ from: String, _ body: String, replyTo: Int? = nil) -> String {
            "From: \(from) <\(from)@x>\nSubject: \(replyTo == nil ? "" : "Re: ")Ferry times\nMessage-ID: <\(id)@x>\n"
                + (replyTo.map { "In-Reply-To: <\($0)@x>\n" } ?? "") + "Date: Mon, 1 Jan 2024 0\(id):00:00 +0000\n\n\(body)\n"
        }
        try message(1, "alice", "Shall we discuss the timetable?").write(toFile: folder + "/box/cur/1.host:2,S", atomically: true, encoding: .utf8)
        try message(2, "bob", "Thursday works for me.", replyTo: 1).write(toFile: folder + "/box/new/2.host", atomically: true, encoding: .utf8)
        try message(3, "carol", "Thursday, with the draft.", replyTo: 2).write(toFile: folder + "/box/new/3.host", atomically: true, encoding: .utf8)
        let (stories, problems) = CollectionLoader().loadAll([folder + "/box"])
        XCTAssertEqual(problems, [])
        XCTAssertEqual(stories.count, 1)
        XCTAssertEqual(stories.first?.comments.count, 2)
        let entries = stories.map { StoryEntry(summary: $0.summary, unreadComments: 0) }
        for (word, comments) in [("thursday", 2), ("draft", 1), ("carol", 1)] {
            let search = CollectionSearch()
            search.start(generation: 1, query: try StoryQuery.parse(word).textQuery, entries: entries, order: [0])
            var hits: [CollectionSearch.Hit] = []
            let end = Date().addingTimeInterval(10)
            while Date() < end {
                if let batch = search.take() {
                    hits += batch.hits
                    if batch.finished { break }
                }
                usleep(1000)
            }
            XCTAssertEqual(hits.map(\.comments), [comments], word)
        }
    }
}
