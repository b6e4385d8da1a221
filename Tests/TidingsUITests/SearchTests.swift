import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Searching every story (`/` in the list, `F`), filters, the find in the open story (`/` in its panes),
/// and `>` `<` through the matches, headless: at a usual size and at the smallest.
final class SearchTests: XCTestCase, StoryListProbes {
    static let sizes = [(80, 24), (40, 12), (30, 8)]
    static let stories: [Story] = [
        StoryBuilder.story("alpha", comments: [(0, "the ferry is late"), (1, "no ferry today"), (0, "buses only")]),
        StoryBuilder.story("bravo", comments: [(0, "nothing here")]),
        StoryBuilder.story("charlie", comments: [(0, "about trains"), (1, "night ferry too"), (2, "a ferry at night")]),
        StoryBuilder.story("delta", comments: [(0, "Ferry FERRY ferry")]),
    ]

    func runner(width: Int, height: Int, holding: Bool = true, readState: ReadState = ReadState()) -> HeadlessRunner {
        let stories = Self.stories
        var runner = HeadlessRunner(state: AppState(stories: stories, readState: readState, width: width, height: height),
                                    parse: { summary in
            stories.first { $0.id == summary.id }.map { .success($0) } ?? .failure(LoadProblem(path: summary.path, failure: .vanished))
        })
        runner.holdsSearches = holding
        return runner
    }

    func type(_ text: String, _ runner: inout HeadlessRunner) {
        for character in text { runner.press(.character(character)) }
    }

    func statusLine(_ state: inout AppState) -> String {
        let screen = state.render()
        return screen.row(screen.height - 1).trimmingCharacters(in: .whitespaces)
    }

    func testMatchesArriveAsTheyAreFoundAndAreCounted() throws {
        for (width, height) in Self.sizes {
            let size = "\(width)x\(height)"
            var runner = runner(width: width, height: height)
            runner.press(.down)  // on bravo, which does not match
            runner.press(.character("/"))
            type("ferry", &runner)
            XCTAssertTrue(statusLine(&runner.state).hasPrefix("Search: ferry"), size)
            runner.press(.enter)
            let held = try XCTUnwrap(runner.heldSearch, size)
            XCTAssertEqual(held.words.words, ["ferry"])
            XCTAssertEqual(held.targets.map(\.summary.id), ["alpha", "bravo", "charlie", "delta"], "\(size): in the list's order")
            XCTAssertEqual(listed(runner.state), [], "\(size): nothing listed before it is found")
            XCTAssertTrue(runner.state.render().text.contains("Searching…"), size)
            runner.answerSearch(count: 2, finished: false)
            XCTAssertEqual(listed(runner.state), ["alpha"], size)
            XCTAssertEqual(selected(runner.state), "alpha", "\(size): the selection goes to the first match")
            if width >= 80 {
                XCTAssertEqual(title(&runner.state), "Stories 1/1 (4 in all)", size)
                XCTAssertTrue(statusLine(&runner.state).hasPrefix("/ferry · 1 found, searching 50%"), statusLine(&runner.state))
            }
            runner.answerSearch(count: 2, from: 2, finished: true)
            XCTAssertEqual(listed(runner.state), ["alpha", "charlie", "delta"], size)
            XCTAssertEqual(selected(runner.state), "alpha", size)
            if width >= 80 {
                XCTAssertTrue(statusLine(&runner.state).hasPrefix("/ferry · 3 found"), statusLine(&runner.state))
                let rows = runner.state.render().text
                XCTAssertTrue(rows.contains("2 found · 3 new"), "\(size): alpha's two comments with the word\n\(rows)")
                XCTAssertTrue(rows.contains("1 found · 1 new"), "\(size): delta's one")
            }
            // Esc in the list drops the query: every story again, the selection kept.
            runner.press(.escape)
            XCTAssertEqual(listed(runner.state), ["alpha", "bravo", "charlie", "delta"], size)
            XCTAssertEqual(selected(runner.state), "alpha", size)
            XCTAssertEqual(runner.state.message, "Search cleared", size)
        }
    }

    func testTheSelectedStoryStaysWhenItMatches() {
        var runner = runner(width: 80, height: 24)
        runner.press(.down, .down)  // charlie
        runner.press(.character("/"))
        type("ferry", &runner)
        runner.press(.enter)
        runner.answerSearch(count: 1, finished: false)
        XCTAssertEqual(selected(runner.state), "alpha", "the first match, until charlie is found")
        runner.answerSearch(count: 3, from: 1, finished: true)
        XCTAssertEqual(selected(runner.state), "charlie", "the story selected before the search matches: back on it")
    }

    func testAKeyStopsTheSelectionFollowingTheFirstMatch() {
        var runner = runner(width: 80, height: 24)
        runner.press(.character("/"))
        type("ferry", &runner)
        runner.press(.enter)
        runner.answerSearch(count: 3, finished: false)
        runner.press(.down)
        XCTAssertEqual(selected(runner.state), "charlie")
        runner.answerSearch(count: 1, from: 3, finished: true)
        XCTAssertEqual(selected(runner.state), "charlie", "the user moved: the selection stays")
    }

    func testEscStopsARunningSearchFromAnyPane() {
        var runner = runner(width: 80, height: 24)
        runner.press(.character("/"))
        type("ferry", &runner)
        runner.press(.enter)
        runner.answerSearch(count: 1, finished: false)
        runner.press(.tab)
        XCTAssertEqual(runner.state.focus, .text)
        runner.press(.escape)
        XCTAssertEqual(runner.searchesCancelled, 1)
        XCTAssertEqual(runner.state.focus, .text, "Esc stopped the search instead of leaving the pane")
        XCTAssertEqual(listed(runner.state).count, 4)
        XCTAssertEqual(runner.state.message, "Search stopped")
        // Results of the stopped search are never taken.
        runner.send(.searchFound(CollectionSearch.Batch(generation: 1)))
        XCTAssertEqual(listed(runner.state).count, 4)
    }

    func testFiltersListAtOnceAndABadOneSaysWhy() {
        var read = ReadState()
        _ = read.setStory("bravo", read: true)
        _ = read.setComments(Self.stories[1].comments.map(\.id), in: "bravo", read: true)
        for (width, height) in Self.sizes {
            let size = "\(width)x\(height)"
            var runner = runner(width: width, height: height, readState: read)
            runner.press(.down)  // bravo, which is read
            runner.press(.character("F"))
            type("unread comments:>=2", &runner)
            runner.press(.enter)
            XCTAssertNil(runner.heldSearch, "\(size): filters read no file")
            XCTAssertEqual(listed(runner.state), ["alpha", "charlie"], size)
            XCTAssertEqual(selected(runner.state), "alpha", "\(size): bravo left the list: the first row is selected")
            // `/` again holds the query to change it.
            runner.press(.character("/"))
            // With a space after it for the next word (at 30 columns its start scrolls out for the cursor).
            let reopened = statusLine(&runner.state)
            XCTAssertTrue(reopened.hasPrefix(width > 30 ? "Search: unread comments:>=2" : "Search: …read comments:>=2"), "\(size): \(reopened)")
            runner.press(.control("u"))
            type("since:soon", &runner)
            runner.press(.enter)
            let status = statusLine(&runner.state)
            XCTAssertTrue(status.hasPrefix("Search: since:soon"), "\(size): the line stays open: \(status)")
            // The whole reason beside the line when it fits there, else on the rows just above it.
            let screen = runner.state.render()
            let above = (max(0, height - 4)..<(height - 1)).map { screen.row($0).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            XCTAssertTrue((status + " " + above).contains("since: takes an age (2d, 12h, 3w, 6m, 1y) or a day (2024-06-01)"),
                          "\(size): \(status) / \(above)")
            XCTAssertEqual(listed(runner.state), ["alpha", "charlie"], "\(size): the query in force is kept")
            // Esc leaves the line; an empty line sent clears the query.
            runner.press(.escape)
            XCTAssertEqual(listed(runner.state), ["alpha", "charlie"], size)
            runner.press(.character("/"), .control("u"), .enter)
            XCTAssertEqual(listed(runner.state).count, 4, size)
            Snapshot.assertRowsFit(runner.state.render())
        }
    }

    /// `new` lists the stories whose row says "N new" (unread comments), opened before or never: the list and
    /// the filter mean the same by the word. A story never opened with no comments is `unread`, not `new`;
    /// `"new"` in quotes is the word.
    func testNewListsTheStoriesTheListShowsWithNewComments() {
        var stories = Self.stories
        stories.append(StoryBuilder.story("echo", comments: []))
        var read = ReadState()
        _ = read.setStory("bravo", read: true)
        _ = read.setComments(stories[1].comments.map(\.id), in: "bravo", read: true)
        _ = read.setStory("charlie", read: true)
        _ = read.setComments([stories[2].comments[0].id], in: "charlie", read: true)
        let parsed = stories
        var runner = HeadlessRunner(state: AppState(stories: stories, readState: read, width: 80, height: 24), parse: { summary in
            parsed.first { $0.id == summary.id }.map { .success($0) } ?? .failure(LoadProblem(path: summary.path, failure: .vanished))
        })
        runner.holdsSearches = true
        let rows = runner.state.render()
        let showingNew = stories.map(\.id).filter { id in
            (1...5).contains { rows.row($0).contains(id) && rows.row($0).trimmingCharacters(in: .whitespaces).hasSuffix(" new") }
        }
        XCTAssertEqual(showingNew, ["alpha", "charlie", "delta"], "the rows that say N new")
        runner.press(.character("/"))
        type("new", &runner)
        runner.press(.enter)
        XCTAssertNil(runner.heldSearch, "a filter: no file read")
        XCTAssertEqual(listed(runner.state), showingNew)
        XCTAssertNotEqual(runner.state.message, "No story matches")
        runner.press(.character("/"), .control("u"))
        type("unread", &runner)
        runner.press(.enter)
        XCTAssertEqual(listed(runner.state), ["alpha", "charlie", "delta", "echo"], "unread also takes a story never opened")
        runner.press(.character("/"), .control("u"))
        type("-new", &runner)
        runner.press(.enter)
        XCTAssertEqual(listed(runner.state), ["bravo", "echo"])
        runner.press(.character("/"), .control("u"))
        type(#""new""#, &runner)
        runner.press(.enter)
        XCTAssertEqual(runner.heldSearch?.words.needles.map(\.folded), [Array("new".utf8)], "quoted, the word")
    }

    /// `in:` lists the stories of one feed (or subreddit, or list) at once, from the list entries, with no
    /// file read; `-in:` all the others.
    func testInListsTheStoriesOfOneFeed() {
        var stories = Self.stories
        stories[0].header.category = "Mixed & Matched"
        stories[2].header.category = "mixed & matched"
        stories[3].header.category = "Rust Weekly"
        var runner = HeadlessRunner(state: AppState(stories: stories, readState: ReadState(), width: 80, height: 24),
                                    parse: { summary in .failure(LoadProblem(path: summary.path, failure: .vanished)) })
        runner.holdsSearches = true
        runner.press(.character("/"))
        type(#"in:"Mixed & Matched""#, &runner)
        runner.press(.enter)
        XCTAssertNil(runner.heldSearch, "filters read no file")
        XCTAssertEqual(listed(runner.state), ["alpha", "charlie"])
        runner.press(.character("/"), .control("u"))
        type("-in:matched", &runner)
        runner.press(.enter)
        XCTAssertEqual(listed(runner.state), ["bravo", "delta"])
    }

    func testNegatedWordsAndFiltersTogether() {
        var runner = runner(width: 80, height: 24, holding: false)
        runner.press(.character("/"))
        type("ferry -night -\"is late\"", &runner)
        runner.press(.enter)
        XCTAssertEqual(listed(runner.state), ["delta"])
    }

    func testMatchingCommentsAreSteppedThroughOpeningFoldsAndHighlighted() throws {
        var runner = runner(width: 120, height: 30, holding: false)
        runner.press(.down, .down)  // charlie
        runner.press(.enter)  // its comments
        runner.press(.character("C"))  // every thread folded
        runner.press(.character("/"), .control("u"))
        runner.press(.escape)
        runner.press(.character("F"))
        type("ferry night", &runner)
        runner.press(.enter)
        XCTAssertEqual(listed(runner.state), ["charlie"])
        XCTAssertEqual(runner.state.focus, .comments)
        runner.press(.character(">"))
        XCTAssertEqual(runner.state.selectedComment, 1, "the first comment with both words, its fold opened")
        runner.press(.character(">"))
        XCTAssertEqual(runner.state.selectedComment, 2)
        runner.press(.character(">"))
        XCTAssertEqual(runner.state.selectedComment, 1)
        XCTAssertEqual(runner.state.message, "Search went round to the top")
        runner.press(.character("<"))
        XCTAssertEqual(runner.state.selectedComment, 2)
        let screen = runner.state.render()
        let pane = try XCTUnwrap(runner.state.layout.comments)
        var marked: [String] = []
        for y in pane.y..<pane.maxY {
            var word = ""
            for x in pane.x..<pane.maxX where screen[x, y].style.color == .match { word += screen[x, y].text }
            if !word.isEmpty { marked.append(word) }
        }
        XCTAssertEqual(marked, ["nightferry", "ferrynight"], "each word marked where it stands")
        Snapshot.assert(screen, named: "search-120x30-comments")
    }

    func testFindInTheCommentsAsTypedAndEscGoesBack() {
        for (width, height) in Self.sizes {
            let size = "\(width)x\(height)"
            var runner = runner(width: width, height: height)
            runner.press(.enter)  // alpha's comments, on the first
            XCTAssertEqual(runner.state.selectedComment, 0, size)
            runner.press(.character("/"))
            type("bus", &runner)
            XCTAssertEqual(runner.state.selectedComment, 2, "\(size): found as typed")
            type("x", &runner)
            XCTAssertTrue(statusLine(&runner.state).contains("not found") || width < 40, size)
            runner.press(.backspace)
            runner.press(.escape)
            XCTAssertEqual(runner.state.selectedComment, 0, "\(size): back where the find started")
            XCTAssertNil(runner.state.paneFind, size)
            runner.press(.character("/"))
            type("ferry", &runner)
            runner.press(.enter)
            XCTAssertEqual(runner.state.selectedComment, 0, size)
            runner.press(.character(">"))
            XCTAssertEqual(runner.state.selectedComment, 1, size)
            Snapshot.assertRowsFit(runner.state.render())
        }
    }

    func testFindInTheStoryTextScrollsToTheLine() {
        let long = StoryBuilder.story("long", body: StoryBody(blocks: (0..<60).map { StoryBody.Block(.paragraph, text: "line \($0)") }), comments: [])
        var state = AppState(stories: [long], width: 80, height: 24)
        state.press(.tab)
        XCTAssertEqual(state.focus, .text)
        state.press(.character("/"))
        for character in "line 42" { state.press(.character(character)) }
        state.press(.enter)
        let screen = state.render()
        let body = state.layout.storyTextBody!
        XCTAssertEqual(screen.row(body.y).trimmingCharacters(in: .whitespaces), "line 42")
        state.press(.character("<"))
        XCTAssertEqual(state.render().row(body.y).trimmingCharacters(in: .whitespaces), "line 42", "the only match: it goes round to itself")
        XCTAssertEqual(state.message, "The only match in this story's text")
    }

    func testStoriesArrivingDuringASearchAreSearchedToo() throws {
        var runner = HeadlessRunner(state: AppState(width: 80, height: 24), parse: { summary in
            Self.stories.first { $0.id == summary.id }.map { .success($0) } ?? .failure(LoadProblem(path: summary.path, failure: .vanished))
        })
        runner.holdsSearches = true
        runner.state.append(entries: Self.stories.prefix(2).map { StoryEntry(story: $0, readState: ReadState()) })
        runner.press(.character("/"))
        type("ferry", &runner)
        runner.press(.enter)
        runner.state.append(entries: Self.stories.suffix(2).map { StoryEntry(story: $0, readState: ReadState()) })
        let more = runner.state.takeEffects().compactMap { effect -> [String]? in
            if case .searchMore(_, let entries, let order) = effect { return order.map { entries[$0].summary.id } } else { return nil }
        }
        XCTAssertEqual(more, [["charlie", "delta"]])
    }

    func testNothingMatchedLeavesNothingToActOn() {
        var runner = runner(width: 80, height: 24, holding: false)
        runner.press(.character("/"))
        type("submarine", &runner)
        runner.press(.enter)
        XCTAssertEqual(listed(runner.state), [])
        XCTAssertTrue(title(&runner.state).hasPrefix("Stories 0/0"), title(&runner.state))
        runner.press(.character("r"))
        XCTAssertEqual(runner.state.message, "No story matches the search: Esc shows every story")
        XCTAssertFalse(runner.state.readState.isStoryRead("alpha"))
        runner.press(.enter)
        XCTAssertEqual(runner.state.focus, .stories)
    }

    /// The story selected before a search that matched nothing is not shown, read or marked while the list
    /// is empty, and comes back where it was left when the search is cleared.
    func testNothingMatchedShowsNoStory() throws {
        for (width, height) in Self.sizes {
            let size = "\(width)x\(height)"
            var runner = runner(width: width, height: height, holding: false)
            runner.press(.enter)  // alpha's comments: the first is read
            runner.press(.character("j"))
            let selected = runner.state.selectedComment
            runner.press(.escape)
            runner.press(.character("/"))
            type("submarine", &runner)
            runner.press(.enter)
            XCTAssertNil(runner.state.currentStory, size)
            let screen = runner.state.render()
            let shown = (0..<screen.height).map { screen.row($0) }.joined(separator: "\n")
            for comment in ["ferry is late", "no ferry today", "buses only"] {
                XCTAssertFalse(shown.contains(comment), "\(size): \(comment) is not shown\n\(shown)")
            }
            let readBefore = runner.state.readState.journal.count
            runner.press(.tab)
            XCTAssertEqual(runner.state.focus, .stories, size)
            XCTAssertEqual(runner.state.message, "No story matches the search: Esc shows every story", size)
            runner.press(.character("2"))
            XCTAssertEqual(runner.state.focus, .stories, size)
            XCTAssertEqual(runner.state.readState.journal.count, readBefore, "\(size): nothing was marked")
            runner.press(.escape)
            XCTAssertEqual(runner.state.currentStory?.id, "alpha", size)
            XCTAssertEqual(runner.state.selectedComment, selected, "\(size): back where it was left")
        }
    }

    /// A sort or `H` while a search lists nothing keeps the list empty, and `H` counts only read stories.
    func testSortingOrHidingReadKeepsAnEmptiedListEmpty() {
        var runner = runner(width: 80, height: 24, holding: false)
        runner.press(.down)
        runner.press(.character("/"))
        type("submarine", &runner)
        runner.press(.enter)
        for key in ["s", "S", "H"] {
            runner.press(.character(Character(key)))
            XCTAssertEqual(listed(runner.state), [], key)
            XCTAssertNil(runner.state.currentStory, key)
        }
        XCTAssertEqual(runner.state.message, "Read stories hidden: none yet", "no story is read: the search hides them")
        runner.press(.tab)
        XCTAssertFalse(Self.stories.contains { runner.state.readState.isStoryRead($0.id) })
    }

    /// A search from a pane whose first match is another story selects it in the list: it is not opened, so
    /// not read, until the reader chooses it.
    func testASearchFromAPaneDoesNotReadTheStoryItFinds() {
        var runner = runner(width: 120, height: 30, holding: false)
        runner.press(.down)  // bravo
        runner.press(.enter)  // its comments
        XCTAssertEqual(runner.state.focus, .comments)
        runner.press(.character("F"))
        type("ferry", &runner)
        runner.press(.enter)
        XCTAssertEqual(runner.state.entries[runner.state.selectedStory].summary.id, "alpha")
        XCTAssertEqual(runner.state.focus, .stories)
        XCTAssertFalse(runner.state.readState.isStoryRead("alpha"))
    }

    func testAMatchInAFoldedCommentIsOpened() throws {
        var runner = runner(width: 80, height: 24, holding: false)
        runner.press(.enter)  // alpha's comments
        runner.press(.character("C"), .end)
        let thread = try XCTUnwrap(runner.state.thread)
        XCTAssertTrue(thread.isCollapsed(0))
        runner.press(.character("F"))
        type("ferry", &runner)
        runner.press(.enter)
        runner.press(.character(">"))
        XCTAssertEqual(runner.state.selectedComment, 0)
        XCTAssertEqual(runner.state.thread?.isCollapsed(0), false, "opened, so the word can be seen")
    }

    func testALineOfNothingButADashIsNoQuery() {
        var runner = runner(width: 80, height: 24)
        runner.press(.character("/"))
        type("- \"\"", &runner)
        runner.press(.enter)
        XCTAssertNil(runner.state.activeQuery)
        XCTAssertEqual(listed(runner.state).count, 4)
    }

    func testTheLineGroupsCharactersTypedInParts() {
        var editor = LineEditor()
        for scalar in ["c", "a", "f", "e", "\u{301}"] { _ = editor.handle(.character(Character(scalar))) }
        XCTAssertEqual(editor.text, "cafe\u{301}")
        _ = editor.handle(.left)
        _ = editor.handle(.backspace)
        XCTAssertEqual(editor.text, "cae\u{301}", "the accent stays with its letter")
        var family = LineEditor()
        for scalar in ["A", "\u{1F468}", "\u{200D}", "\u{1F469}", "\u{200D}", "\u{1F467}", "B"] {
            _ = family.handle(.character(Character(scalar)))
        }
        _ = family.handle(.left)
        _ = family.handle(.left)
        _ = family.handle(.character("X"))
        XCTAssertEqual(family.text, "AX\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}B", "one Left crosses the whole emoji")
    }

    func testEscAfterAFindClosesTheThreadsItOpened() throws {
        var runner = runner(width: 80, height: 24)
        runner.press(.enter)  // alpha's comments, on the first
        runner.press(.character("C"))
        XCTAssertEqual(runner.state.thread?.collapsed, [0])
        runner.press(.character("/"))
        type("today", &runner)
        XCTAssertEqual(runner.state.selectedComment, 1, "found inside the folded thread, opened")
        XCTAssertEqual(runner.state.thread?.collapsed, [])
        runner.press(.escape)
        XCTAssertEqual(runner.state.selectedComment, 0)
        XCTAssertEqual(runner.state.thread?.collapsed, [0], "folded again, as before the find")
    }

    func testMessagesNameTheKeysAsBound() {
        var map = KeyMap.standard
        map.bind([.character("f")], to: .search, in: [.storyList, .storyText, .comments])
        var state = AppState(stories: Self.stories, width: 80, height: 24, keyMap: map)
        state.press(.escape)
        XCTAssertEqual(state.message, "No search to clear: f searches every story")
        state.press(.enter, .character(">"))
        XCTAssertEqual(state.message, "Nothing to step through: / finds text here, f searches every story")
    }

    func testAPasteIsTextForTheLineAndNeverKeys() {
        var runner = runner(width: 80, height: 24, holding: false)
        runner.send(.paste("q"))
        XCTAssertFalse(runner.quit, "a paste never quits")
        XCTAssertEqual(runner.state.message, "Pasted text ignored: keys are never taken from a paste")
        runner.press(.character("/"))
        runner.send(.paste("ferry\nr\tnight"))
        XCTAssertEqual(runner.state.prompt?.editor.text, "ferry r night", "line breaks and tabs become spaces")
        XCTAssertFalse(runner.state.readState.isStoryRead("alpha"), "the r after the line break was not run")
        runner.press(.control("u"))
        runner.send(.paste(String(repeating: "x", count: 700)))
        XCTAssertEqual(runner.state.prompt?.editor.text.count, LineEditor.limit)
        XCTAssertEqual(runner.state.promptProblem, "cut at \(LineEditor.limit) characters")
    }

    func testALongLineShowsThatItGoesOnToTheLeft() {
        var editor = LineEditor()
        for character in "abcdefghijklmnopqrstuvwxyz" { _ = editor.handle(.character(character)) }
        let (text, cursor) = editor.shown(width: 10)
        XCTAssertTrue(text.hasPrefix("…"), text)
        XCTAssertTrue(text.hasSuffix("z"), text)
        XCTAssertLessThanOrEqual(DisplayWidth.of(text), 10)
        XCTAssertEqual(cursor, DisplayWidth.of(text), "the cursor just after the last character")
        XCTAssertEqual(LineEditor("short").shown(width: 10).text, "short")
    }
}

extension SearchTests {
    /// Stories that could not be read again to search are named, by title and file, on the status line and
    /// in full in the problem list: a count alone does not say where to look.
    func testStoriesThatCouldNotBeSearchedAreNamed() {
        let stories = Self.stories
        var runner = HeadlessRunner(state: AppState(stories: stories, width: 80, height: 24), parse: { summary in
            ["bravo", "delta"].contains(summary.id) ? .failure(LoadProblem(path: summary.path, failure: .vanished))
                : stories.first { $0.id == summary.id }.map { .success($0) } ?? .failure(LoadProblem(path: summary.path, failure: .vanished))
        })
        runner.press(.character("/"))
        type("ferry", &runner)
        runner.press(.enter)
        let expected = "2 stories could not be read again to search: “bravo” in bravo, “delta” in delta"
        XCTAssertEqual(runner.state.message, expected)
        XCTAssertEqual(runner.state.recentMessages.last, expected, "kept whole for the problem list")
        XCTAssertTrue(statusLine(&runner.state).hasPrefix("2 stories could not be read again to search: “bravo”"), statusLine(&runner.state))
    }

    func testManyUnsearchableStoriesAreNamedAndTheRestCounted() {
        var batch = CollectionSearch.Batch(generation: 1)
        batch.unreadable = 12
        batch.unreadableTargets = (0..<10).map { CollectionSearch.Target(entry: $0, summary: Self.stories[$0 % 4].summary) }
        let message = AppState.unreadableMessage(batch)
        XCTAssertTrue(message.hasPrefix("12 stories could not be read again to search: “alpha” in alpha, “bravo” in bravo"), message)
        XCTAssertTrue(message.hasSuffix(", and 2 more"), message)
    }
}

extension SearchTests {
    /// `/` with a search in force opens the line on it and a space, so the next word or filter is added,
    /// not joined to the last one.
    func testTheLineReopensOnTheSearchWithASpaceAfterIt() {
        var runner = runner(width: 80, height: 24)
        runner.press(.character("/"))
        XCTAssertEqual(runner.state.prompt?.editor.text, "", "no search: an empty line")
        type("ferry", &runner)
        runner.press(.enter)
        runner.answerSearch(count: 3, finished: true)
        runner.press(.character("/"))
        XCTAssertEqual(runner.state.prompt?.editor.text, "ferry ")
        type("unread", &runner)
        XCTAssertEqual(runner.state.prompt?.editor.text, "ferry unread")
    }
}

extension SearchTests {
    /// The find steps a comment at a time: one comment holding the words twice is "the only one", said as
    /// such (it said "the only match" with two lit).
    func testTheOnlyCommentHoldingTheFindSaysSo() {
        let story = StoryBuilder.story("s", comments: [(0, "a ferry and another ferry"), (0, "nothing here")])
        var state = AppState(stories: [story], width: 80, height: 24)
        state.press(.enter)
        XCTAssertEqual(state.focus, .comments)
        state.press(.character("/"))
        for character in "ferry" { state.press(.character(character)) }
        state.press(.enter)
        state.press(.character(">"))
        XCTAssertEqual(state.message, "Only this comment holds “ferry”")
    }
}
