import Foundation
import XCTest
import TidingsTestSupport
@testable import TidingsModel
@testable import TidingsUI

/// `s` and `S` order the story list; the selection stays on its story, stories arriving while sorted go to
/// their place, and hide read filters the sorted rows. At a usual size and at the smallest.
final class SortTests: XCTestCase, StoryListProbes {
    static let sizes = [(80, 24), (30, 8)]
    static let day: TimeInterval = 86_400

    /// Load order: alpha, bravo, charlie, delta, echo. Dates: charlie newest, alpha, echo; bravo and delta none.
    /// Comments: delta 4, bravo 3, echo 3, alpha 1, charlie 0. Titles out of alphabetical order and case.
    static let stories: [Story] = {
        let specs: [(id: String, title: String, comments: Int, days: Double?)] = [
            ("alpha", "mango", 1, 3), ("bravo", "Apple", 3, nil), ("charlie", "zebra", 0, 1),
            ("delta", "banana", 4, nil), ("echo", "apple pie", 3, 5),
        ]
        return specs.map { spec in
            var story = StoryBuilder.story(spec.id, comments: (0..<spec.comments).map { (0, "comment \($0) on \(spec.id)") })
            story.header.title = spec.title
            story.header.date = spec.days.map { Date(timeIntervalSince1970: 1_700_000_000 - $0 * day) }
            return story
        }
    }()

    func testEachSortOrder() {
        var read = ReadState()
        // Read: alpha whole, and one of echo's comments: echo has 2 unread, bravo 3, delta 4.
        _ = read.setStory("alpha", read: true)
        _ = read.setComments(Self.stories[0].comments.map(\.id), in: "alpha", read: true)
        _ = read.setComments([Self.stories[4].comments[0].id], in: "echo", read: true)
        let expected: [(StorySort, [String], String, String?)] = [
            (.newest, ["charlie", "alpha", "echo", "bravo", "delta"], "Sorted newest first", "newest"),
            (.comments, ["delta", "bravo", "echo", "alpha", "charlie"], "Sorted by most comments", "most comments"),
            // charlie and alpha have no unread comment: charlie, not opened, first.
            (.unread, ["delta", "bravo", "echo", "charlie", "alpha"], "Sorted by most unread", "most unread"),
            (.title, ["bravo", "echo", "delta", "alpha", "charlie"], "Sorted by title", "title"),
            (.path, ["alpha", "bravo", "charlie", "delta", "echo"], "Sorted by path (load order)", nil),
        ]
        for (width, height) in Self.sizes {
            let size = "\(width)x\(height)"
            var state = AppState(stories: Self.stories, readState: read, width: width, height: height)
            for (sort, order, message, label) in expected {
                state.press(.character("s"))
                XCTAssertEqual(state.sort, sort, size)
                XCTAssertEqual(listed(state), order, "\(size) \(sort)")
                XCTAssertEqual(state.message, message, size)
                XCTAssertTrue(state.render().text.contains(message), "\(size): the message fits")
                XCTAssertEqual(selected(state), "alpha", "\(size) \(sort): the selection stays on its story")
                let row = order.firstIndex(of: "alpha")! + 1
                if let label {
                    if width >= 80 { XCTAssertEqual(title(&state), "Stories \(row)/5 · \(label)", size) }
                    XCTAssertTrue(title(&state).hasPrefix("Stories \(row)/5"), size)
                } else {
                    XCTAssertEqual(title(&state), "Stories 1/5", size)
                }
            }
            // S goes back round the other way.
            state.press(.character("S"))
            XCTAssertEqual(state.sort, .title, size)
            state.press(.character("S"))
            XCTAssertEqual(state.sort, .unread, size)
        }
    }

    /// The title shows the sort at 30 columns too, where the count in all goes first.
    func testTheSortFitsTheTitleAtThirtyColumns() {
        var state = AppState(stories: Self.stories, width: 30, height: 8)
        state.press(.character("s"))
        XCTAssertEqual(title(&state), "Stories 2/5 · newest")
        state.press(.character("H"))
        XCTAssertEqual(title(&state), "Stories 2/5 · newest", "nothing read: nothing hidden, the count in all dropped")
    }

    /// Moving and sorting: the selection stays on the story, and on the same row of the screen when it can.
    func testTheSelectionKeepsItsStoryAndItsRowOnScreen() {
        let many = (0..<40).map { number -> Story in
            var story = StoryBuilder.story(String(format: "story%02d", number), comments: [])
            // Dates run backwards every other story, so newest first reorders the whole list.
            story.header.date = Date(timeIntervalSince1970: Double(number % 2 == 0 ? number : 100 - number) * Self.day)
            return story
        }
        var state = AppState(stories: many, width: 80, height: 24)
        for _ in 0..<25 { state.press(.down) }
        let story = selected(state)
        let screenRow = state.rows.row(ofEntry: state.selectedStory)! - state.storyListTop
        state.press(.character("s"))
        XCTAssertEqual(selected(state), story)
        XCTAssertEqual(state.rows.row(ofEntry: state.selectedStory)! - state.storyListTop, screenRow)
        state.press(.down, .up)
        XCTAssertEqual(selected(state), story, "moves go by the sorted rows")
    }

    /// Stories arriving from the loader while sorted go to their place; what is on screen above the selection
    /// shifts, the selection stays on its story and its row.
    func testStoriesArrivingWhileSortedAreInsertedInPlace() {
        func batch(_ names: [String]) -> ParallelLoad.Batch {
            var batch = ParallelLoad.Batch()
            batch.entries = names.map { name in StoryEntry(story: Self.stories.first { $0.id == name }!, readState: ReadState()) }
            return batch
        }
        for (width, height) in Self.sizes {
            let size = "\(width)x\(height)"
            var runner = HeadlessRunner(state: AppState(readState: ReadState(), width: width, height: height)) { summary in
                .success(Self.stories.first { $0.id == summary.id }!)
            }
            runner.send(.key(.character("s")))
            XCTAssertEqual(runner.state.sort, .newest)
            runner.send(.loaded(batch(["alpha", "bravo"])))
            XCTAssertEqual(listed(runner.state), ["alpha", "bravo"], size)
            runner.send(.key(.down))
            runner.send(.loaded(batch(["charlie", "delta", "echo"])))
            XCTAssertEqual(listed(runner.state), ["charlie", "alpha", "echo", "bravo", "delta"], size)
            XCTAssertEqual(selected(runner.state), "bravo", size)
            XCTAssertEqual(runner.state.entries.map(\.summary.id), ["alpha", "bravo", "charlie", "delta", "echo"],
                           "\(size): entries keep load order")
        }
    }

    /// Untouched, the reader stays on the first row, which a newer story may take.
    func testUntouchedTheFirstRowStaysSelectedWhileSorted() {
        var runner = HeadlessRunner(state: AppState(readState: ReadState(), width: 80, height: 24)) { summary in
            .success(Self.stories.first { $0.id == summary.id }!)
        }
        _ = runner.state.run(.sortNext)
        var first = ParallelLoad.Batch()
        first.entries = [StoryEntry(story: Self.stories[0], readState: ReadState())]
        runner.send(.loaded(first))
        XCTAssertEqual(selected(runner.state), "alpha")
        var second = ParallelLoad.Batch()
        second.entries = [StoryEntry(story: Self.stories[2], readState: ReadState())]
        runner.send(.loaded(second))
        XCTAssertEqual(selected(runner.state), "charlie")
        XCTAssertEqual(runner.state.currentStory?.id, "charlie")
    }

    /// Hide read and a sort together: the rows are the unread stories, sorted; the selection stays listed.
    func testHideReadWithASort() {
        var read = ReadState()
        for story in Self.stories where ["charlie", "delta"].contains(story.id) {
            _ = read.setStory(story.id, read: true)
            _ = read.setComments(story.comments.map(\.id), in: story.id, read: true)
        }
        for (width, height) in Self.sizes {
            let size = "\(width)x\(height)"
            var state = AppState(stories: Self.stories, readState: read, width: width, height: height)
            state.press(.character("s"), .character("s"), .character("H"))
            XCTAssertEqual(listed(state), ["bravo", "echo", "alpha"], size)
            state.press(.character("s"))
            XCTAssertEqual(listed(state), ["bravo", "echo", "alpha"], "\(size): by most unread, 3, 3, 1")
            state.press(.character("s"))
            XCTAssertEqual(listed(state), ["bravo", "echo", "alpha"], "\(size): by title")
            state.press(.character("H"), .character("s"))
            XCTAssertEqual(listed(state), ["alpha", "bravo", "charlie", "delta", "echo"], size)
            // A read story selected while hidden stays, in its sorted place.
            state.press(.character("s"), .character("H"))
            XCTAssertEqual(listed(state), ["alpha", "echo", "bravo"], "\(size): newest first, read ones hidden")
            XCTAssertEqual(selected(state), "alpha", size)
        }
    }
}

/// Ages as the native format and saved pages write them, for newest first.
final class RelativeAgeTests: XCTestCase {
    func testAges() {
        XCTAssertEqual(RelativeAge.seconds(in: "6 hours ago"), 6 * 3_600)
        XCTAssertEqual(RelativeAge.seconds(in: "two weeks ago"), 14 * 86_400)
        XCTAssertEqual(RelativeAge.seconds(in: "one month ago"), 30 * 86_400)
        XCTAssertEqual(RelativeAge.seconds(in: "an hour ago"), 3_600)
        XCTAssertEqual(RelativeAge.seconds(in: "1 day ago"), 86_400)
        XCTAssertEqual(RelativeAge.seconds(in: "Yesterday"), 86_400)
        XCTAssertEqual(RelativeAge.seconds(in: "just now"), 0)
        XCTAssertNil(RelativeAge.seconds(in: "2024-06-01"))
        XCTAssertNil(RelativeAge.seconds(in: "-3 days ago"))
        XCTAssertNil(RelativeAge.seconds(in: "many moons ago"))
    }

    /// Stories with an age only sort among dated ones as that long before now.
    func testNewestFirstWithAges() {
        func story(_ id: String, age: String?, date: Date?) -> Story {
            var story = StoryBuilder.story(id, comments: [])
            story.header.dateText = age
            story.header.date = date
            return story
        }
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let stories = [story("old", age: "two weeks ago", date: nil), story("none", age: "sometime", date: nil),
                       story("dated", age: nil, date: now - 3 * 86_400), story("fresh", age: "6 hours ago", date: nil)]
        var state = AppState(stories: stories, width: 80, height: 24, now: now)
        state.press(.character("s"))
        XCTAssertEqual((0..<4).map { state.entries[state.rows.entry(atRow: $0)].summary.id }, ["fresh", "dated", "old", "none"])
    }
}

/// The quick reading of ASCII ages and the general one agree, whatever the spacing and case.
final class RelativeAgeAgreementTests: XCTestCase {
    func testQuickAndGeneralAgree() {
        let texts = ["6 hours ago", "  6   HOURS\tago ", "two weeks ago", "An hour ago", "yesterday", "Just  now", "now",
                     "today", "3 mins ago", "1 sec ago", "12 years ago", "-1 days ago", "+2 days ago", "x days ago",
                     "6 hours", "6 hours ago now", "", "   ", "sixteen hours ago", "Yesterday ", "5 hrs ago",
                     "2 décennies ago", "3 дня ago", "İ hours ago"]
        for text in texts {
            XCTAssertEqual(RelativeAge.seconds(in: text), RelativeAge.generalSecondsForTests(in: text), text)
        }
        XCTAssertEqual(RelativeAge.seconds(in: "  6   HOURS\tago "), 6 * 3_600)
    }
}

extension SortTests {
    /// Most comments orders by the count the list shows and `comments:` filters by: a listing with none
    /// saved (an Ask HN page) by the count it claims.
    func testMostCommentsCountsAListingByTheCountItClaims() {
        var listing = StoryBuilder.story("listing", comments: [])
        listing.header.declaredComments = 925
        var small = StoryBuilder.story("small", comments: [])
        small.header.declaredComments = 3
        let saved = StoryBuilder.story("saved", comments: (0..<45).map { (0, "c\($0)") })
        var state = AppState(stories: [small, saved, listing], readState: ReadState(), width: 80, height: 24)
        state.press(.character("s"), .character("s"))
        XCTAssertEqual((0..<state.rows.count).map { state.entries[state.rows.entry(atRow: $0)].summary.id }, ["listing", "saved", "small"])
    }
}
