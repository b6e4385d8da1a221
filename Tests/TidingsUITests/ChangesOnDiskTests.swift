import Foundation
import TidingsModel
import TidingsTestSupport
import XCTest
@testable import TidingsUI

/// Files added, changed and removed while the reader runs (`Event.collectionChanged`): the list follows,
/// entries keep their indices, the selection stays on its story, counts leave out what is gone, and `R`
/// says what changed.
final class ChangesOnDiskTests: XCTestCase, StoryListProbes {
    /// The stories on "disk", each in a file named by its id; the runner parses from here, as the
    /// executable reads the file again.
    var disk: [String: Story] = [:]

    func story(_ id: String, comments: Int, title: String? = nil) -> Story {
        var story = StoryBuilder.story(id, comments: (0..<comments).map { (0, "comment \($0) on \(id)") })
        story.header.title = title ?? id
        return story
    }

    func entry(_ story: Story) -> StoryEntry { StoryEntry(story: story, readState: ReadState()) }

    /// A reader over stories a, b, c and d (two comments each), loaded, with the first one open.
    func reader(width: Int = 80, height: Int = 24) -> HeadlessRunner {
        disk = [:]
        for id in ["a", "b", "c", "d"] { disk[id] = story(id, comments: 2) }
        var runner = HeadlessRunner(state: AppState(width: width, height: height)) { [unowned self] summary in
            self.disk[summary.path].map { .success($0) } ?? .failure(LoadProblem(path: summary.path, failure: .vanished))
        }
        runner.send(.loaded(ParallelLoad.Batch(entries: ["a", "b", "c", "d"].map { entry(disk[$0]!) }, finished: true)))
        return runner
    }

    /// The files changed on disk: each is read again from `disk` (gone when it is not there).
    func change(_ runner: inout HeadlessRunner, _ files: [String], rescan: Bool = false) {
        let update = CollectionUpdate(files: Set(files), entries: files.compactMap { disk[$0] }.map(entry), isRescan: rescan)
        runner.send(.collectionChanged(update))
    }

    func testAFileAddedIsListedAndTheSelectionStays() {
        var runner = reader()
        runner.press(.down)
        XCTAssertEqual(selected(runner.state), "b")
        disk["e"] = story("e", comments: 1)
        change(&runner, ["e"])
        XCTAssertEqual(listed(runner.state), ["a", "b", "c", "d", "e"])
        XCTAssertEqual(selected(runner.state), "b")
        XCTAssertEqual(runner.state.storyCount, 5)
        XCTAssertEqual(title(&runner.state), "Stories 2/5")
        XCTAssertNil(runner.state.message, "a change the user did not ask about is not announced")
    }

    func testAFileRemovedLeavesAndCountsFollow() {
        var runner = reader()
        runner.press(.down, .down)
        disk["b"] = nil
        change(&runner, ["b"])
        XCTAssertEqual(listed(runner.state), ["a", "c", "d"])
        XCTAssertEqual(selected(runner.state), "c")
        XCTAssertEqual(title(&runner.state), "Stories 2/3")
        XCTAssertEqual(runner.state.entries.count, 4, "entries are never removed: every index stays valid")
        XCTAssertFalse(runner.state.render().text.contains(" b "))
    }

    /// A story changed in place stays on its row, with its new count; read marks are the story id's.
    func testAFileChangedKeepsItsRowAndItsReadMarks() {
        var runner = reader()
        runner.press(.enter)
        XCTAssertTrue(runner.state.readState.isStoryRead("a"))
        runner.press(.escape, .down, .down)
        disk["a"] = story("a", comments: 3)
        change(&runner, ["a"])
        XCTAssertEqual(listed(runner.state), ["a", "b", "c", "d"], "in load order the new entry takes the old one's row")
        XCTAssertEqual(selected(runner.state), "c")
        let row = runner.state.rows.entry(atRow: 0)
        XCTAssertEqual(row, 4, "a new entry, after the others")
        XCTAssertEqual(runner.state.entries[row].summary.commentCount, 3)
        XCTAssertTrue(runner.state.readState.isStoryRead("a"), "marks are kept by story id")
        // Listed again whole (hide read on and off): the place holds.
        runner.press(.character("H"))
        XCTAssertEqual(listed(runner.state), ["a", "b", "c", "d"], "a has unread comments: still listed")
        runner.press(.character("H"))
        XCTAssertEqual(listed(runner.state), ["a", "b", "c", "d"])
        let rowOfA = runner.state.render().text.split(separator: "\n").first { $0.hasPrefix("  a ") }
        XCTAssertEqual(rowOfA?.hasSuffix(" 3 new "), true, "read, with three comments all new: \(rowOfA ?? "")")
    }

    /// The open story read again: the selection follows it to its new entry, it is parsed again, and the
    /// selected comment and the folds stay.
    func testTheOpenStoryChangedIsParsedAgainOnTheSameComment() {
        var runner = reader()
        disk["a"] = StoryBuilder.story("a", comments: [(0, "first"), (1, "its reply"), (0, "second"), (1, "reply two")])
        change(&runner, ["a"])
        runner.press(.enter)
        XCTAssertEqual(runner.state.focus, .comments)
        runner.press(.left, .down, .down)
        XCTAssertEqual(runner.state.currentStory?.comments[runner.state.selectedComment ?? 0].text, "reply two")
        XCTAssertEqual(runner.state.thread?.collapsed, [0])
        var grown = disk["a"]!
        grown.comments = StoryBuilder.story("a", comments: [(0, "first"), (1, "its reply"), (0, "second"), (1, "reply two"),
                                                               (0, "third")]).comments
        disk["a"] = grown
        change(&runner, ["a"])
        XCTAssertEqual(selected(runner.state), "a")
        XCTAssertEqual(runner.state.selectedStory, 5, "the selection moved to the new entry")
        XCTAssertEqual(runner.state.currentStory?.comments.count, 5, "parsed again")
        XCTAssertEqual(runner.state.currentStory?.comments[runner.state.selectedComment ?? 0].text, "reply two")
        XCTAssertEqual(runner.state.thread?.collapsed, [0], "the fold stays")
        XCTAssertEqual(runner.state.focus, .comments)
        XCTAssertTrue(runner.state.render().text.contains("third"))
    }

    func testTheSelectedStoryRemovedHandsTheSelectionToTheNextRow() {
        var runner = reader()
        runner.press(.down, .enter)
        XCTAssertEqual(runner.state.focus, .comments)
        disk["b"] = nil
        change(&runner, ["b"])
        XCTAssertEqual(selected(runner.state), "c")
        XCTAssertEqual(runner.state.message, "Story removed from disk")
        XCTAssertEqual(runner.state.focus, .stories, "the next story is selected, not opened and read")
        XCTAssertFalse(runner.state.readState.isStoryRead("c"))
        XCTAssertEqual(runner.state.currentStory?.id, "c")
        XCTAssertTrue(runner.state.render().text.contains("Story removed from disk"))
        // The last row removed: the one before it.
        runner.press(.end)
        disk["d"] = nil
        change(&runner, ["d"])
        XCTAssertEqual(selected(runner.state), "c")
        XCTAssertEqual(listed(runner.state), ["a", "c"])
    }

    /// A feed written again without the selected item, its other items moved up: the selection goes to the
    /// item after it that stays, not to the item now at its place in the file.
    func testTheSelectedFeedItemRemovedHandsTheSelectionToTheNextItemThatStays() {
        var items: [String: Story] = [:]
        func item(_ number: Int, at place: Int) -> StoryEntry {
            var story = self.story("item\(number)", comments: 0, title: "Item \(number)")
            story.source = SourceReference(path: "feed.xml", locator: String(place))
            items[story.id] = story
            return entry(story)
        }
        var runner = HeadlessRunner(state: AppState(width: 80, height: 24)) { summary in
            items[summary.id].map { .success($0) } ?? .failure(LoadProblem(path: summary.path, failure: .vanished))
        }
        runner.send(.loaded(ParallelLoad.Batch(entries: (0..<5).map { item(9 - $0, at: $0) }, finished: true)))
        XCTAssertEqual(listed(runner.state), ["item9", "item8", "item7", "item6", "item5"])
        runner.press(.down, .down)
        XCTAssertEqual(selected(runner.state), "item7")
        // Written again with 11 and 10 first, and without 7.
        let written = [11, 10, 9, 8, 6, 5]
        runner.send(.collectionChanged(CollectionUpdate(files: ["feed.xml"], entries: written.enumerated().map { item($0.element, at: $0.offset) })))
        XCTAssertEqual(selected(runner.state), "item6", "the next item that stays")
        XCTAssertEqual(listed(runner.state), ["item11", "item10", "item9", "item8", "item6", "item5"], "the new items where the feed has them")
        XCTAssertEqual(runner.state.message, "Story removed from disk")
        // The last item removed: the one before it.
        runner.press(.end)
        XCTAssertEqual(selected(runner.state), "item5")
        runner.send(.collectionChanged(CollectionUpdate(files: ["feed.xml"], entries: [11, 10, 9].enumerated().map { item($0.element, at: $0.offset) })))
        XCTAssertEqual(selected(runner.state), "item9", "the item before it that stays")
    }

    /// A folder with no story: the empty list says why, files that failed first, then those skipped.
    func testAnEmptyListSaysWhichFilesFailedAndWhichWereSkipped() {
        var state = AppState(stories: [], width: 100, height: 10)
        state.append(entries: [], problems: [LoadProblem(path: "d.json", failure: .malformed("not valid JSON")),
                                             LoadProblem(path: "README", failure: .notAStory("not a story"))])
        XCTAssertEqual(listNote(state), "No stories here. 1 file could not be loaded, 1 skipped: p lists them.")
        var skippedOnly = AppState(stories: [], width: 100, height: 10)
        skippedOnly.append(entries: [], problems: [LoadProblem(path: "README", failure: .notAStory("not a story"))])
        XCTAssertEqual(listNote(skippedOnly), "No stories here. 1 file was skipped: p lists them.")
    }

    /// The list pane's rows under its title, joined: a note wrapped in the pane read as one line.
    func listNote(_ state: AppState) -> String {
        var state = state
        let screen = state.render()
        let width = screen.row(1).firstIndex(of: "│").map { screen.row(1).distance(from: screen.row(1).startIndex, to: $0) } ?? screen.width
        return (1..<screen.height - 1).map { String(screen.row($0).prefix(width)).trimmingCharacters(in: .whitespaces) }
            .prefix { !$0.isEmpty && $0 != "Story" }.joined(separator: " ")
    }

    /// Every story gone: the list says so, and no key fails on what is left.
    func testEverythingRemovedLeavesAnEmptyListThatKeysSurvive() {
        var runner = reader()
        runner.press(.down, .enter)
        disk = [:]
        change(&runner, ["a", "b", "c", "d"])
        XCTAssertNil(runner.state.currentStory)
        XCTAssertEqual(runner.state.storyCount, 0)
        XCTAssertTrue(runner.state.render().text.contains("No stories here."), runner.state.render().text)
        for key: KeyPress in [.down, .up, .end, .home, .pageDown, .enter, .character("n"), .character("N"), .character("r"),
                              .character("A"), .character(" "), .character("H"), .character("s"), .tab, .character("o")] {
            runner.press(key)
            _ = runner.state.render()
        }
        XCTAssertEqual(title(&runner.state).hasPrefix("Stories 0/0"), true, title(&runner.state))
        // A story coming back is listed and selected.
        disk["e"] = story("e", comments: 1)
        change(&runner, ["e"])
        XCTAssertEqual(listed(runner.state), ["e"])
        XCTAssertEqual(selected(runner.state), "e")
    }

    /// Sorted, a story arriving goes to its place; hidden read stories stay hidden; the counts leave out what is
    /// gone and what is hidden.
    func testTheSortAndHideReadAreKept() {
        var runner = reader()
        runner.press(.enter, .character("A"), .character("y"))
        XCTAssertTrue(runner.state.readState.isStoryRead("a"))
        runner.press(.escape, .down, .character("H"), .character("s"), .character("s"))
        XCTAssertEqual(runner.state.sort, .comments)
        XCTAssertEqual(listed(runner.state), ["b", "c", "d"])
        XCTAssertEqual(selected(runner.state), "b")
        disk["e"] = story("e", comments: 5)
        disk["c"] = story("c", comments: 1)
        disk["d"] = nil
        change(&runner, ["c", "d", "e"])
        XCTAssertEqual(listed(runner.state), ["e", "b", "c"], "most comments first; read a still hidden")
        XCTAssertEqual(selected(runner.state), "b")
        XCTAssertEqual(title(&runner.state), "Stories 2/3 (4 in all) · most comments")
    }

    /// `R`: the executable lists everything again; the reader says what changed, in stories.
    func testRescanSaysWhatChanged() {
        var runner = reader()
        runner.rescan = { CollectionUpdate() }
        runner.press(.character("R"))
        XCTAssertEqual(runner.rescans, 1)
        XCTAssertEqual(runner.state.message, "Nothing changed")
        runner.rescan = { [unowned self] in
            self.disk["b"] = self.story("b", comments: 4)
            self.disk["c"] = nil
            self.disk["e"] = self.story("e", comments: 0)
            self.disk["f"] = self.story("f", comments: 0)
            return CollectionUpdate(files: ["b", "c", "e", "f"], entries: ["b", "e", "f"].map { self.entry(self.disk[$0]!) })
        }
        runner.press(.character("R"))
        XCTAssertEqual(runner.state.message, "2 new stories, 1 changed, 1 removed")
        XCTAssertEqual(listed(runner.state), ["a", "b", "d", "e", "f"])
        runner.rescan = { [unowned self] in
            self.disk["a"] = nil
            return CollectionUpdate(files: ["a"])
        }
        runner.press(.character("R"))
        XCTAssertEqual(runner.state.message, "1 story removed")
        XCTAssertEqual(selected(runner.state), "b")
    }

    /// A file written again as it was (touched, saved unchanged) changes nothing: same entry, same row.
    func testAStoryBackUnchangedKeepsItsEntry() {
        var runner = reader()
        runner.rescan = { [unowned self] in CollectionUpdate(files: ["b"], entries: [self.entry(self.disk["b"]!)]) }
        runner.press(.character("R"))
        XCTAssertEqual(runner.state.message, "Nothing changed")
        XCTAssertEqual(runner.state.entries.count, 4)
        XCTAssertEqual(runner.state.rows.entry(atRow: 1), 1)
    }

    /// Problems of a file read again are the ones found now: a file fixed has none left.
    func testProblemsOfAFileReadAgainAreReplaced() {
        var runner = reader()
        runner.send(.collectionChanged(CollectionUpdate(files: ["broken"], problems: [LoadProblem(path: "broken", failure: .unknownFormat)])))
        XCTAssertEqual(runner.state.failedFiles.map(\.path), ["broken"])
        disk["broken"] = story("broken", comments: 0)
        change(&runner, ["broken"])
        XCTAssertEqual(runner.state.failedFiles, [])
        XCTAssertEqual(listed(runner.state), ["a", "b", "broken", "c", "d"], "in its place by name")
    }

    /// The watch's notices (the watch limit reached) reach the status line.
    func testANoticeIsShown() {
        var runner = reader()
        runner.send(.collectionChanged(CollectionUpdate(notice: "Too many folders to watch them all")))
        XCTAssertEqual(runner.state.message, "Too many folders to watch them all")
    }

    /// Stories read from several files (a thread of messages) are replaced when any of their files changes.
    func testAStoryOfSeveralFilesIsReplacedThroughAnyOfThem() {
        var runner = reader()
        var thread = story("t", comments: 1)
        thread.source = SourceReference(path: "box/cur/1", otherPaths: ["box/cur/2"])
        runner.send(.collectionChanged(CollectionUpdate(files: ["box/cur/1", "box/cur/2"], entries: [entry(thread)])))
        XCTAssertEqual(listed(runner.state), ["a", "b", "c", "d", "t"])
        var grown = story("t", comments: 2)
        grown.source = SourceReference(path: "box/cur/1", otherPaths: ["box/cur/2", "box/new/3"])
        runner.send(.collectionChanged(CollectionUpdate(files: ["box/cur/2", "box/new/3"], entries: [entry(grown)])))
        XCTAssertEqual(listed(runner.state), ["a", "b", "c", "d", "t"])
        XCTAssertEqual(runner.state.entries[runner.state.rows.entry(atRow: 4)].summary.commentCount, 2)
        XCTAssertEqual(runner.state.storyCount, 5)
    }

    /// In load order a new file goes where the next start lists it: among the files of its folder by name,
    /// a new thread of a file after the file's other stories; the selection stays on its story.
    func testANewFileGoesToItsPlaceInLoadOrder() {
        var runner = reader()
        runner.press(.down, .down)
        disk["bb"] = story("bb", comments: 1)
        change(&runner, ["bb"])
        XCTAssertEqual(listed(runner.state), ["a", "b", "bb", "c", "d"])
        XCTAssertEqual(selected(runner.state), "c")
        XCTAssertEqual(title(&runner.state), "Stories 4/5")
        // Two at once, in the same gap, and one before every other.
        disk["0"] = story("0", comments: 0)
        disk["bd"] = story("bd", comments: 0)
        disk["bc"] = story("bc", comments: 0)
        change(&runner, ["bd", "0", "bc"])
        XCTAssertEqual(listed(runner.state), ["0", "a", "b", "bb", "bc", "bd", "c", "d"])
        // A file changed keeps its place, and its new thread goes after its other stories.
        var second = story("b2", comments: 0)
        second.source = SourceReference(path: "b", locator: "2")
        disk["b"] = story("b", comments: 3)
        runner.send(.collectionChanged(CollectionUpdate(files: ["b"], entries: [entry(disk["b"]!), entry(second)])))
        XCTAssertEqual(listed(runner.state), ["0", "a", "b", "b2", "bb", "bc", "bd", "c", "d"])
        XCTAssertEqual(selected(runner.state), "c")
        // A file in a folder of its own has no neighbours there: it goes where the walk puts its folder,
        // after the files beside the folder (here, the last).
        var alone = story("x", comments: 0)
        alone.source = SourceReference(path: "new/x")
        runner.send(.collectionChanged(CollectionUpdate(files: ["new/x"], entries: [entry(alone)])))
        XCTAssertEqual(listed(runner.state).last, "x")
        // One in a folder walked before another folder listed already: before that folder's stories.
        var early = story("m", comments: 0)
        early.source = SourceReference(path: "m/cur/1")
        runner.send(.collectionChanged(CollectionUpdate(files: ["m/cur/1"], entries: [entry(early)])))
        XCTAssertEqual(listed(runner.state).suffix(2), ["m", "x"])
        // The order holds through another sort and back, and with read stories hidden.
        runner.press(.character("s"), .character("S"))
        XCTAssertEqual(runner.state.sort, .path)
        XCTAssertEqual(listed(runner.state), ["0", "a", "b", "b2", "bb", "bc", "bd", "c", "d", "m", "x"])
    }

    /// Files added in one change to two folders, one at the end of a folder and one at the start of the folder
    /// after it, each take its own place, as the next start lists them.
    func testFilesAddedTogetherInTwoFoldersKeepTheirOrder() {
        func located(_ id: String, _ path: String) -> StoryEntry {
            var story = story(id, comments: 1)
            story.source = SourceReference(path: path)
            return entry(story)
        }
        var runner = HeadlessRunner(state: AppState(width: 80, height: 24)) { summary in .failure(LoadProblem(path: summary.path, failure: .vanished)) }
        let first = [("c", "w/c"), ("e", "w/e"), ("g", "w/g"), ("m", "w/sub/m"), ("p", "w/sub/p")].map(located)
        runner.send(.loaded(ParallelLoad.Batch(entries: first, finished: true)))
        runner.press(.down)
        runner.send(.collectionChanged(CollectionUpdate(files: ["w/z", "w/sub/a"], entries: [located("sa", "w/sub/a"), located("z", "w/z")])))
        XCTAssertEqual(listed(runner.state), ["c", "e", "g", "z", "sa", "m", "p"])
        runner.send(.collectionChanged(CollectionUpdate(files: ["w/sub/b", "w/d", "w/zz"],
                                                        entries: [located("zz", "w/zz"), located("sb", "w/sub/b"), located("d", "w/d")])))
        XCTAssertEqual(listed(runner.state), ["c", "d", "e", "g", "z", "zz", "sa", "sb", "m", "p"])
        XCTAssertEqual(selected(runner.state), "e")
    }

    /// A file whose story changed its id (a native story's title edited) changed, it did not go: the
    /// selection stays on the story read from it, in the same row, and nothing says it was removed.
    func testAStoryWhoseIdChangedKeepsTheSelection() {
        var runner = reader()
        runner.press(.down)
        var renamed = story("b renamed", comments: 2)
        renamed.source = SourceReference(path: "b")
        disk["b"] = renamed
        runner.send(.collectionChanged(CollectionUpdate(files: ["b"], entries: [entry(renamed)])))
        XCTAssertEqual(listed(runner.state), ["a", "b renamed", "c", "d"])
        XCTAssertEqual(selected(runner.state), "b renamed")
        XCTAssertNotEqual(runner.state.message, "Story removed from disk")
    }
}

extension ChangesOnDiskTests {
    /// The open story read again goes on with the visit: a comment marked unread on screen stays unread
    /// (it is not shown "for the first time" again), comments new when the visit began keep their marker,
    /// and a reply that arrived is new.
    func testTheOpenStoryReadAgainKeepsWhatTheVisitMarked() {
        var runner = reader()
        runner.press(.enter)
        XCTAssertEqual(runner.state.focus, .comments)
        let ids = runner.state.currentStory!.comments.map(\.id)
        XCTAssertTrue(ids.allSatisfy { runner.state.readState.isCommentRead($0, in: "a") }, "both shown, so read")
        runner.press(.character("r"))
        XCTAssertFalse(runner.state.readState.isCommentRead(ids[0], in: "a"), "marked unread")
        var grown = disk["a"]!
        grown.comments = story("a", comments: 3).comments
        disk["a"] = grown
        change(&runner, ["a"])
        XCTAssertEqual(runner.state.currentStory?.comments.count, 3, "parsed again")
        _ = runner.state.render()
        XCTAssertFalse(runner.state.readState.isCommentRead(ids[0], in: "a"), "still unread on screen")
        XCTAssertEqual(runner.state.commentPane.newThisVisit, [0, 1, 2], "new when the visit began, or arrived since")
        XCTAssertTrue(runner.state.render().text.contains("○ "), "the comment marked unread keeps its marker")
    }
}

extension ChangesOnDiskTests {
    /// The open mail thread's missing first message arrives, itself answering a missing one: the thread is
    /// known by another id now, but it is the same story, read again, on the same comment, in its row.
    func testTheOpenThreadWhoseIDMovesStaysOpen() {
        var runner = reader()
        var thread = story("a", comments: 3)
        thread.id = "mail:q1@x"
        disk["a"] = thread
        change(&runner, ["a"])
        runner.press(.enter)
        XCTAssertEqual(runner.state.focus, .comments)
        runner.press(.down, .down)
        let selected = runner.state.currentStory!.comments[runner.state.selectedComment!].id
        runner.press(.character("r"))
        XCTAssertFalse(runner.state.readState.isCommentRead(selected, in: "mail:q1@x"))
        var grown = story("a", comments: 4)
        grown.id = "mail:q0@x"
        grown.legacyID = "mail:q1@x"
        // Listed from the file of the message that arrived, its first now.
        grown.source = SourceReference(path: "a-first")
        disk["a"] = grown
        disk["a-first"] = grown
        change(&runner, ["a"])
        XCTAssertEqual(runner.state.currentStory?.id, "mail:q0@x")
        XCTAssertEqual(runner.state.focus, .comments, "still reading it")
        XCTAssertEqual(runner.state.currentStory?.comments[runner.state.selectedComment ?? 0].id, selected, "on the same comment")
        XCTAssertEqual(listed(runner.state).first, "mail:q0@x", "in its row")
        _ = runner.state.render()
        XCTAssertFalse(runner.state.readState.isCommentRead(selected, in: "mail:q0@x"), "marked unread: still so")
        XCTAssertNotEqual(runner.state.message, "Story removed from disk")
    }
}
