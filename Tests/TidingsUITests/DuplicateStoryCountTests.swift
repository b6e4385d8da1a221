import Foundation
import TidingsModel
import TidingsTestSupport
import XCTest
@testable import TidingsUI

/// One story saved in two files is listed twice under one id: reading it in one row changes the other row's
/// unread count too, at once (the other file is read again for its comment ids), and the title's tally
/// with it.
final class DuplicateStoryCountTests: XCTestCase, StoryListProbes {
    var disk: [String: Story] = [:]
    var reads: [String] = []

    /// `firstCommentID` numbers its comments from there instead of 1: a copy holding other replies.
    func story(_ id: String, path: String, comments: Int, firstCommentID: Int? = nil) -> Story {
        var story = StoryBuilder.story(id, comments: (0..<comments).map { (0, "comment \($0) on \(id)") })
        if let firstCommentID {
            for index in story.comments.indices { story.comments[index].id = CommentID(value: UInt64(firstCommentID + index)) }
        }
        story.header.title = id + " from " + path
        story.source = SourceReference(path: path)
        return story
    }

    /// A reader with nothing listed yet, parsing from `disk` and noting each file it reads.
    func emptyReader() -> HeadlessRunner {
        HeadlessRunner(state: AppState(width: 80, height: 24)) { [unowned self] summary in
            self.reads.append(summary.path)
            return self.disk[summary.path].map { .success($0) } ?? .failure(LoadProblem(path: summary.path, failure: .vanished))
        }
    }

    /// A reader with the stories of `disk` listed in `order`, nothing read.
    func reader(listing order: [String]) -> HeadlessRunner {
        var runner = emptyReader()
        runner.send(.loaded(ParallelLoad.Batch(entries: order.map { StoryEntry(story: disk[$0]!, readState: ReadState()) }, finished: true)))
        return runner
    }

    func reader() -> HeadlessRunner {
        // The later copy has one comment more than the first.
        disk = ["old": story("same", path: "old", comments: 3), "new": story("same", path: "new", comments: 4),
                "other": story("other", path: "other", comments: 1)]
        return reader(listing: ["old", "other", "new"])
    }

    func testReadingOneCopyCountsTheOtherAtOnce() {
        var runner = reader()
        _ = runner.state.render()
        XCTAssertEqual(runner.state.entries.map(\.unreadComments), [3, 1, 4])
        XCTAssertEqual(fullTitle(&runner.state), "Stories 1/3 · 3 unread (8 comments)")
        // Opening the first copy reads its three comments (all on screen); the other copy's file is read
        // for its comment ids, once.
        reads.removeAll()
        runner.press(.enter)
        _ = runner.state.render()
        XCTAssertEqual(runner.state.entries[0].unreadComments, 0)
        XCTAssertEqual(reads.filter { $0 == "new" }.count, 1, "the other copy is read again: \(reads)")
        XCTAssertEqual(runner.state.entries.map(\.unreadComments), [0, 1, 1], "only the comment the first copy lacks is unread")
        XCTAssertEqual(runner.state.selectedStory, 0, "the copy was never selected")
        // Marks made later count it again from the ids it was read for, without reading its file.
        reads.removeAll()
        runner.press(.character("r"))
        _ = runner.state.render()
        XCTAssertFalse(reads.contains("new"), "\(reads)")
        XCTAssertEqual(runner.state.entries[2].unreadComments, 2, "the comment marked unread is unread in the copy too")
        runner.press(.escape, .escape, .down)
        _ = runner.state.render()
        XCTAssertEqual(fullTitle(&runner.state), "Stories 2/3 · 3 unread (4 comments)")
    }

    /// `r` on a row in the list marks the story and its comments read: its copy lower in the list is read
    /// too, before the selection moves (the unread filter and `n` count by it).
    func testMarkingOneCopyInTheListMarksTheOther() {
        var runner = reader()
        _ = runner.state.render()
        runner.press(.character("r"))
        _ = runner.state.render()
        XCTAssertEqual(runner.state.entries.map(\.unreadComments), [0, 1, 1])
        XCTAssertEqual(fullTitle(&runner.state), "Stories 1/3 · 2 unread (2 comments)")
    }

    /// Copies without comments (one feed item in two feeds): marking one read takes both from the tally.
    func testMarkingACopyWithoutCommentsCountsBothRowsRead() {
        disk = ["a.xml": story("shared", path: "a.xml", comments: 0), "b.xml": story("shared", path: "b.xml", comments: 0),
                "c.xml": story("alone", path: "c.xml", comments: 0)]
        var runner = reader(listing: ["a.xml", "b.xml", "c.xml"])
        _ = runner.state.render()
        XCTAssertEqual(fullTitle(&runner.state), "Stories 1/3 · 3 unread")
        runner.press(.character("r"))
        _ = runner.state.render()
        XCTAssertEqual(fullTitle(&runner.state), "Stories 1/3 · 1 unread")
    }

    func testACopyAlreadyParsedIsCountedWithoutReadingItsFile() {
        var runner = reader()
        // Both copies opened once: each is parsed and kept.
        runner.press(.end, .enter, .escape, .escape, .home)
        _ = runner.state.render()
        runner.press(.enter)
        _ = runner.state.render()
        reads.removeAll()
        runner.press(.escape, .escape, .down)
        _ = runner.state.render()
        XCTAssertFalse(reads.contains("new"), "the kept story is counted, its file not read: \(reads)")
        XCTAssertEqual(runner.state.entries.map(\.unreadComments), [0, 1, 0])
    }

    /// A thread listed early (the first part of a big archive) and read, then listed whole with more replies:
    /// its count is of what is unread now, not of what the loader saw when it started.
    func testAThreadThatGrewAfterItWasReadIsCountedAgain() {
        disk = ["big": story("thread", path: "big", comments: 2), "other": story("other", path: "other", comments: 1)]
        var runner = emptyReader()
        let early = [StoryEntry(story: disk["big"]!, readState: ReadState()), StoryEntry(story: disk["other"]!, readState: ReadState())]
        runner.send(.loaded(ParallelLoad.Batch(provisional: early)))
        runner.press(.enter)
        _ = runner.state.render()
        runner.press(.escape, .escape, .down)
        _ = runner.state.render()
        XCTAssertEqual(runner.state.entries.map(\.unreadComments), [0, 1])
        // The whole file: the thread has two replies more, counted by the loader as if nothing were read.
        disk["big"] = story("thread", path: "big", comments: 4)
        let whole = [StoryEntry(story: disk["big"]!, readState: ReadState()), StoryEntry(story: disk["other"]!, readState: ReadState())]
        runner.send(.loaded(ParallelLoad.Batch(entries: whole, finished: true, provisional: [])))
        _ = runner.state.render()
        XCTAssertEqual(runner.state.entries.map(\.unreadComments), [2, 1], "the two read stay read")
        XCTAssertEqual(fullTitle(&runner.state), "Stories 2/2 · 2 unread (3 comments)")
    }

    /// One thread in an inbox and an archive, and another story.
    func twoMailboxes() -> [String: Story] {
        ["inbox": story("mail:same@example.org", path: "inbox", comments: 3),
         "archive": story("mail:same@example.org", path: "archive", comments: 3),
         "other": story("other", path: "other", comments: 1)]
    }

    /// The story's entry as listed with every message marked read by the mail client.
    func readInTheClient(_ story: Story) -> StoryEntry {
        var entry = StoryEntry(story: story, readState: ReadState())
        entry.summary.sourceMarks = SourceMarks(storyRead: true, readComments: story.comments.map(\.id))
        entry.unreadComments = 0
        return entry
    }

    /// A thread in two mailboxes, marked read by the mail client in the one listed second: the first row,
    /// counted before those marks were taken, is counted again once everything is listed.
    func testMailClientMarksOfOneCopyCountForACopyListedBefore() {
        disk = twoMailboxes()
        var runner = emptyReader()
        let unmarked = StoryEntry(story: disk["inbox"]!, readState: ReadState())
        let marked = readInTheClient(disk["archive"]!)
        runner.send(.loaded(ParallelLoad.Batch(entries: [StoryEntry(story: disk["other"]!, readState: ReadState()), unmarked])))
        runner.send(.loaded(ParallelLoad.Batch(entries: [marked], finished: true)))
        _ = runner.state.render()
        XCTAssertEqual(runner.state.entries.map(\.unreadComments), [1, 0, 0])
        XCTAssertEqual(fullTitle(&runner.state), "Stories 1/3 · 1 unread (1 comment)")
    }

    /// The mail client marks one copy read while the reader runs: the other copy follows.
    func testMailClientMarksTakenWhileRunningCountForTheOtherCopy() {
        disk = twoMailboxes()
        var runner = reader(listing: ["other", "inbox", "archive"])
        _ = runner.state.render()
        XCTAssertEqual(runner.state.entries.map(\.unreadComments), [1, 3, 3])
        let marked = readInTheClient(disk["archive"]!)
        runner.send(.collectionChanged(CollectionUpdate(files: ["archive"], entries: [marked])))
        _ = runner.state.render()
        XCTAssertEqual(runner.state.rows.count, 3)
        XCTAssertEqual(fullTitle(&runner.state), "Stories 1/3 · 1 unread (1 comment)")
    }

    /// With read stories hidden (`H`), or an `unread` search, a copy read through the selected row leaves the
    /// list at once, and comes back when marked unread again.
    func testACopyReadLeavesTheListOfUnreadStoriesAtOnce() {
        for filter in [[KeyPress.character("H")], [.character("/")] + "unread".map { KeyPress.character($0) } + [.enter]] {
            var runner = reader()
            _ = runner.state.render()
            for key in filter { runner.press(key) }
            XCTAssertEqual(listed(runner.state), ["same", "other", "same"])
            // The later copy holds every comment of the first: marking it read reads the first too.
            runner.press(.end, .character("r"))
            _ = runner.state.render()
            XCTAssertEqual(runner.state.entries.map(\.unreadComments), [0, 1, 0])
            XCTAssertEqual(listed(runner.state), ["other", "same"], "the read copy goes; the selected one stays")
            runner.press(.character("r"))
            _ = runner.state.render()
            XCTAssertEqual(listed(runner.state), ["same", "other", "same"], "marked unread again, it comes back")
        }
    }
}

/// `A` and `H` over a story listed twice.
extension DuplicateStoryCountTests {
    /// Mark all read covers every copy's comments: the later copy holds a reply the first lacks, and it is
    /// marked too (the question counts the copy with the most unread).
    func testMarkAllReadMarksTheCommentsOfEveryCopy() {
        var runner = reader()
        _ = runner.state.render()
        runner.press(.character("A"))
        XCTAssertEqual(runner.state.question?.text, "Mark 2 stories and 5 comments read? y/n")
        runner.press(.character("y"))
        _ = runner.state.render()
        XCTAssertEqual(runner.state.entries.map(\.unreadComments), [0, 0, 0])
        XCTAssertEqual(runner.state.readState.unreadCount(of: disk["new"]!), 0, "the reply only the later copy holds")
        XCTAssertEqual(fullTitle(&runner.state), "Stories 1/3 · all read")
        runner.press(.character("u"))
        _ = runner.state.render()
        XCTAssertEqual(runner.state.readState.unreadCount(of: disk["new"]!), 4)
    }

    /// Both copies unparsed (the selection on another story): each copy's replies are read from its file.
    func testMarkAllReadReadsEveryUnparsedCopy() {
        disk = ["other": story("other", path: "other", comments: 1), "old": story("same", path: "old", comments: 2, firstCommentID: 20),
                "new": story("same", path: "new", comments: 3)]
        var runner = reader(listing: ["other", "old", "new"])
        _ = runner.state.render()
        runner.press(.character("A"), .character("y"))
        _ = runner.state.render()
        XCTAssertEqual(runner.state.readState.unreadCount(of: disk["old"]!), 0)
        XCTAssertEqual(runner.state.readState.unreadCount(of: disk["new"]!), 0)
        XCTAssertEqual(runner.state.entries.map(\.unreadComments), [0, 0, 0])
    }

    /// With `H`, reading one copy of a story without comments (a feed item in two feeds) hides the other at
    /// once: only the selected row stays until the selection moves.
    func testReadingACopyWithoutCommentsHidesTheOther() {
        disk = ["a.xml": story("shared", path: "a.xml", comments: 0), "b.xml": story("alone", path: "b.xml", comments: 0),
                "c.xml": story("shared", path: "c.xml", comments: 0)]
        var runner = reader(listing: ["a.xml", "b.xml", "c.xml"])
        runner.press(.character("H"))
        _ = runner.state.render()
        XCTAssertEqual(listed(runner.state).count, 3)
        runner.press(.character("r"))
        _ = runner.state.render()
        XCTAssertEqual(runner.state.rows.count, 2, "the copy in c.xml is hidden, the selected row stays")
        XCTAssertEqual(runner.state.entries[runner.state.rows.entry(atRow: 1)].summary.path, "b.xml")
    }
}

extension DuplicateStoryCountTests {
    /// Copies each holding replies the other lacks: the question can only count the copy with the most
    /// unread, and the answer says what was marked, every copy's replies, in `u`'s words.
    func testTheAnswerCountsWhatWasMarkedInEveryCopy() {
        disk = ["old": story("same", path: "old", comments: 3), "new": story("same", path: "new", comments: 2, firstCommentID: 10),
                "other": story("other", path: "other", comments: 1)]
        var runner = reader(listing: ["old", "other", "new"])
        _ = runner.state.render()
        runner.press(.character("A"))
        XCTAssertEqual(runner.state.question?.text, "Mark 2 stories and 4 comments read? y/n")
        runner.press(.character("y"))
        XCTAssertEqual(runner.state.message, "Marked 2 stories and 6 comments read (u undoes)")
        runner.press(.character("u"))
        XCTAssertEqual(runner.state.message, "Undid: marked 2 stories and 6 comments read")
    }
}
