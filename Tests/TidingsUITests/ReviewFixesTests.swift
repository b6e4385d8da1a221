import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Defects found by trying the reader as a new user; each test failed before its fix.
final class ReviewFixesTests: XCTestCase {
    func threeStories() -> [Story] {
        (0..<3).map { StoryBuilder.story("story \($0)", comments: [(0, "first of \($0)"), (1, "reply of \($0)")]) }
    }

    func testAQuickReadMarkWaitsForTheStoryInsteadOfBeingLost() {
        let stories = threeStories()
        var state = AppState(readState: ReadState(), width: 80, height: 24)
        _ = state.update(.loaded(ParallelLoad.Batch(entries: stories.map { StoryEntry(story: $0, readState: ReadState()) }, finished: true)))
        _ = state.update(.storyParsed(index: 0, result: .success(stories[0])))
        // `j r` typed at once: the second story is still being parsed when `r` arrives.
        _ = state.update(.key(.character("j")))
        _ = state.update(.key(.character("r")))
        XCTAssertNotEqual(state.message, "The story is still loading")
        XCTAssertFalse(state.readState.isStoryRead(stories[1].id), "not yet: it waits")
        _ = state.update(.key(.character("j")))  // held too, behind the r
        XCTAssertEqual(state.selectedStory, 1, "keys after a held key wait in order")
        let effects = state.update(.storyParsed(index: 1, result: .success(stories[1])))
        XCTAssertTrue(state.readState.isStoryRead(stories[1].id), "r marked the story it was pressed on")
        XCTAssertEqual(state.readState.unreadCount(of: stories[1]), 0)
        XCTAssertEqual(state.selectedStory, 2, "then the j that waited moved on")
        XCTAssertEqual(effects, [.loadStory(index: 2, summary: stories[2].summary)])
    }

    /// A long name is shortened so its comment's age still shows; a blank name leaves no stray separator.
    func testACommentHeaderKeepsItsAgeWhateverTheName() {
        var story = StoryBuilder.story("names", comments: [(0, "first"), (0, "second"), (0, "third")])
        story.comments[0].author = "A Very Long Display Name That Goes On And On Beyond Any Reasonable Width For A Header"
        story.comments[0].age = "1 hour ago"
        story.comments[0].score = 12
        story.comments[1].author = " "
        story.comments[1].age = "3 years ago"
        story.comments[2].author = "amy"
        for width in [80, 60, 30] {
            var state = AppState(stories: [story], width: width, height: 24)
            state.press(.enter)
            let text = state.render().text
            XCTAssertTrue(text.contains("… · 1 hour ago · 12 points") || text.contains("… · 1 hour ago"), "\(width)\n\(text)")
            XCTAssertTrue(text.contains("A Very Long"), "\(width)\n\(text)")
            XCTAssertTrue(text.contains("● 3 years ago"), "\(width)\n\(text)")
            XCTAssertTrue(text.contains("● amy"), "\(width)\n\(text)")
        }
        // The points go before the name is cut short.
        var scored = StoryBuilder.story("scored", comments: [(0, "first")])
        scored.comments[0].author = "ThatGuyYouKnowWithALongName"
        scored.comments[0].age = "16 years ago"
        scored.comments[0].score = 48
        for width in 28...44 {
            var state = AppState(stories: [scored], width: width, height: 12)
            state.press(.enter)
            let header = state.render().text.split(separator: "\n").first { $0.contains("16 years ago") }.map(String.init) ?? ""
            if header.contains("points") { XCTAssertTrue(header.contains("ThatGuyYouK"), "\(width): \(header)") }
        }
        // Folded, after its count: the name gives way before the age there too.
        var folded = StoryBuilder.story("folded", comments: [(0, "parent"), (1, "reply")])
        folded.comments[0].author = "a_very_long_author_name_that_goes_on"
        folded.comments[0].age = "2 hours ago"
        var state = AppState(stories: [folded], width: 40, height: 20)
        state.press(.enter, .left)
        let text = state.render().text
        XCTAssertTrue(text.contains("[+1] a_very") && text.contains("… · 2 hours ago"), text)
        // Too narrow for a name and an age: the name alone, not an age cut short.
        var narrow = AppState(stories: [folded], width: 22, height: 12)
        narrow.press(.enter)
        let row = narrow.render().text
        XCTAssertFalse(row.contains("2 hou…") || row.contains("2 ho…") || row.contains("2 h…"), row)
    }

    func testASaveFailureIsShownEvenOverAnotherMessage() {
        var state = UIFixtures.state(width: 120, height: 30)
        state.press(.enter, .character("r"))
        XCTAssertNotNil(state.message)
        _ = state.update(.saveFailed(.cannotCreateFile(folder: "/state", reason: "Read-only file system")))
        XCTAssertEqual(state.message, "Cannot save read state (cannot create a file in /state: Read-only file system); will retry")
    }

    func testAStateRestoredFromItsBackupIsSavedAtOnce() {
        var state = UIFixtures.state(width: 120, height: 30)
        state.saveSoon()
        let effects = state.update(.tick(Date()))
        XCTAssertEqual(effects, [.save(changes: [], fallback: state.readState)], "the good state goes back into the file")
    }

    func testOneReplyIsSingular() {
        let story = StoryBuilder.story("one", comments: [(0, "parent"), (1, "child")])
        var state = AppState(stories: [story], width: 120, height: 30)
        state.press(.enter, .character("r"))
        XCTAssertEqual(state.message, "Marked unread with 1 reply")
    }

    func testCommentsMarkedUnreadLookUnread() {
        let story = StoryBuilder.story("marks", comments: [(0, "alpha"), (0, "beta")])
        var state = AppState(stories: [story], width: 120, height: 30)
        state.press(.enter)  // both shown, so read; they keep their marker for this visit, not bold
        let left = state.layout.comments!.x
        var screen = state.render()
        XCTAssertEqual(screen[left, 1].text, "●", "new this visit")
        state.press(.character("r"))  // the first comment marked unread
        screen = state.render()
        XCTAssertEqual(screen[left, 1].text, "○", "marked unread: a marker of its own")
        XCTAssertEqual(screen[left, 3].text, "●", "the other one is still new")
    }

    func testNextUnreadOpensTheOnlyStoryWithUnreadComments() {
        var story = StoryBuilder.story("only", comments: (0..<40).map { (0, "comment \($0)") })
        story.header.title = "only"
        var state = AppState(stories: [story], width: 80, height: 12)
        state.press(.enter, .escape)  // some comments read, the rest unread
        XCTAssertEqual(state.focus, .stories)
        state.press(.character("n"))
        XCTAssertEqual(state.focus, .comments)
        XCTAssertTrue(state.isUnread(comment: state.selectedComment!) || state.selectedComment! > 0)
    }

    func testAnEmptyCollectionAdvertisesNoStoryKeys() {
        var state = AppState(stories: [], width: 80, height: 24)
        let status = state.render().row(23)
        XCTAssertFalse(status.contains("open"), status)
        XCTAssertFalse(status.contains("read"), status)
        XCTAssertTrue(status.contains("q quit"), status)
    }

    func testFailuresOfTheSameKindAreGroupedInWords() {
        var state = AppState(stories: UIFixtures.stories, problems: [
            LoadProblem(path: "a.txt", failure: .binary), LoadProblem(path: "b.txt", failure: .binary),
            LoadProblem(path: "loop", failure: .linkLoop), LoadProblem(path: "notes.md", failure: .notAStory("not a story (.md)")),
        ], width: 80, height: 30)
        XCTAssertTrue(state.render().row(29).contains("3 problems: p"), "skipped files are not counted")
        state.press(.character("p"))
        let page = state.render().text
        XCTAssertTrue(page.contains("2 binary files"))
        XCTAssertTrue(page.contains("1 loop of links"))
        XCTAssertTrue(page.contains("1 file skipped: not stories"))
        XCTAssertFalse(page.contains("skipped: a loop"), "a loop is a problem, not a skipped file")
    }
}

/// Stories with one title side by side (daily threads) can be told apart in the list.
final class SameTitleTests: XCTestCase {
    func testNeighboursWithOneTitleShowWhatTellsThemApart() {
        var first = StoryBuilder.story("Daily Discussion Thread", body: ["Monday"], comments: [])
        first.source = SourceReference(path: "threads/monday.txt")
        first.header.title = "Daily Discussion Thread"
        var second = first
        second.id = "other"
        second.source = SourceReference(path: "threads/tuesday.txt")
        second.header.dateText = "2 hours ago"
        let state = AppState(stories: [first, second], width: 120, height: 30)
        XCTAssertEqual(state.listTitle(at: 0), "Daily Discussion Thread (monday.txt)")
        XCTAssertEqual(state.listTitle(at: 1), "Daily Discussion Thread (2 hours ago)")
        let alone = AppState(stories: [first], width: 120, height: 30)
        XCTAssertEqual(alone.listTitle(at: 0), "Daily Discussion Thread")
        // Two threads of one archive, dated: their dates, not their places in the file and ids.
        var mail = first
        mail.source = SourceReference(path: "list.mbox", locator: "bytes 0-100 <a@x.org>")
        mail.header.date = Date(timeIntervalSince1970: 1_700_000_000)
        var again = mail
        again.id = "again"
        again.source = SourceReference(path: "list.mbox", locator: "bytes 100-200 <b@x.org>")
        again.header.date = Date(timeIntervalSince1970: 1_700_090_000)
        let archive = AppState(stories: [mail, again], width: 120, height: 30, timeZone: TimeZone(identifier: "UTC")!)
        XCTAssertEqual(archive.listTitle(at: 0), "Daily Discussion Thread (2023-11-14)")
        XCTAssertEqual(archive.listTitle(at: 1), "Daily Discussion Thread (2023-11-15)", "the day, when days differ")
        var sameDay = again
        sameDay.header.date = Date(timeIntervalSince1970: 1_700_003_600)
        XCTAssertEqual(AppState(stories: [mail, sameDay], width: 120, height: 30, timeZone: TimeZone(identifier: "UTC")!).listTitle(at: 1),
                       "Daily Discussion Thread (Tue 2023-11-14 23:13 +00:00)", "else the time too")
        // A long title is cut before the label in the list.
        var longTitle = mail
        longTitle.header.title = String(repeating: "Weekly meeting notes ", count: 6)
        var longAgain = again
        longAgain.header.title = longTitle.header.title
        var narrowList = AppState(stories: [longTitle, longAgain], width: 80, height: 24, timeZone: TimeZone(identifier: "UTC")!)
        XCTAssertTrue(narrowList.render().text.contains("… (2023-11-15)"), narrowList.render().text)
        // Undated items of one feed: by their writers, else by their place, counted from 1.
        var item = first
        item.source = SourceReference(path: "feed.xml", locator: "0")
        item.header.dateText = nil
        var next = item
        next.id = "next"
        next.source = SourceReference(path: "feed.xml", locator: "1")
        XCTAssertEqual(AppState(stories: [item, next], width: 120, height: 30).listTitle(at: 1), "Daily Discussion Thread (item 2)")
        var undated = mail
        undated.header.date = nil
        var undatedAgain = again
        undatedAgain.header.date = nil
        XCTAssertEqual(AppState(stories: [undated, undatedAgain], width: 120, height: 30).listTitle(at: 1), "Daily Discussion Thread (b@x.org)")
        item.header.author = "ann"
        next.header.author = "bob"
        XCTAssertEqual(AppState(stories: [item, next], width: 120, height: 30).listTitle(at: 1), "Daily Discussion Thread (bob)")
        // One file name in two folders: the folder too; one date on both: what else differs.
        var here = first
        here.source = SourceReference(path: "/saved/x/story.txt")
        var there = here
        there.id = "there"
        there.source = SourceReference(path: "/saved/y/story.txt")
        XCTAssertEqual(AppState(stories: [here, there], width: 120, height: 30).listTitle(at: 1), "Daily Discussion Thread (y/story.txt)")
        here.header.dateText = "1 day ago"
        there.header.dateText = "1 day ago"
        here.header.author = "ann"
        XCTAssertEqual(AppState(stories: [here, there], width: 120, height: 30).listTitle(at: 0), "Daily Discussion Thread (ann)")
        // One thread in an archive and in a Maildir: the mailbox, not the client's name of a message file.
        var archived = mail
        archived.format = "mail"
        archived.source = SourceReference(path: "/mail/list.mbox", locator: "bytes 0-100 <a@x.org>")
        var boxed = archived
        boxed.source = SourceReference(path: "/mail/inbox/md/cur/170000000.1.host:2,S", locator: "<a@x.org>")
        XCTAssertEqual(AppState(stories: [archived, boxed], width: 120, height: 30).listTitle(at: 1), "Daily Discussion Thread (md)")
        var boxedElsewhere = boxed
        boxedElsewhere.source = SourceReference(path: "/mail/archive/md/new/170000001.1.host", locator: "<a@x.org>")
        XCTAssertEqual(AppState(stories: [boxed, boxedElsewhere], width: 120, height: 30).listTitle(at: 1), "Daily Discussion Thread (archive/md)")
        // Messages without a Message-ID, alike in all else: where they are, never the name the reader made.
        var unnamed = archived
        unnamed.header.date = nil
        unnamed.header.author = nil
        unnamed.source = SourceReference(path: "/mail/list.mbox", locator: "bytes 2048-4096 <no-id-3qdm7sw8yuofk>")
        var unnamedAgain = unnamed
        unnamedAgain.id = "unnamed again"
        unnamedAgain.source = SourceReference(path: "/mail/list.mbox", locator: "bytes 4096-6000 <no-id-3qdm7sw8yuofl>")
        XCTAssertEqual(AppState(stories: [unnamed, unnamedAgain], width: 120, height: 30).listTitle(at: 1), "Daily Discussion Thread (at byte 4,096)")
        unnamed.source = SourceReference(path: "/mail/md/cur/1000.a:2,S", locator: "<no-id-3qdm7sw8yuofk>")
        unnamedAgain.source = SourceReference(path: "/mail/md/new/1001.b", locator: "<no-id-3qdm7sw8yuofl>")
        XCTAssertEqual(AppState(stories: [unnamed, unnamedAgain], width: 120, height: 30).listTitle(at: 0), "Daily Discussion Thread (md, 1000.a)")
        // A name with an escape in it is measured as shown.
        var escaped = first
        escaped.source = SourceReference(path: "/saved/x\u{1B}.txt")
        XCTAssertEqual(AppState(stories: [escaped, first], width: 120, height: 30).listTitle(at: 0), "Daily Discussion Thread (x␛xt)", "as the screen shows it: ESC . t is one sequence")
    }
}

/// The "too small" screen says `q` quits: it does, whatever page is open underneath.
final class TooSmallQuitTests: XCTestCase {
    func testQQuitsTheTooSmallScreenOverAPage() {
        for page in [KeyPress.character("?"), .character("p")] {
            var state = UIFixtures.state(width: 80, height: 24)
            state.press(page)
            state.resize(width: 20, height: 5)
            state.press(.escape)
            XCTAssertFalse(state.shouldQuit, "Esc does not quit")
            state.press(.character("q"))
            XCTAssertTrue(state.shouldQuit, "q quits over \(page)")
        }
    }
}

/// A page read to its end stays at its end across a resize.
final class PageResizeTests: XCTestCase {
    func testTheHelpReadToItsEndStaysThere() {
        var state = UIFixtures.state(width: 120, height: 20)
        state.press(.character("?"), .end)
        for (width, height) in [(30, 8), (80, 24), (45, 12)] {
            state.resize(width: width, height: height)
            XCTAssertTrue(state.render().text.contains("on quit."), "\(width)x\(height): still at the end")
        }
    }
}

/// A tall last comment shown to its end stays shown to its end across a resize.
final class CommentResizeTests: XCTestCase {
    func testTheEndOfATallLastCommentStaysInView() {
        let tall = (0..<200).map { "word\($0)" }.joined(separator: " ") + " LASTWORD"
        var state = AppState(stories: [StoryBuilder.story("t", comments: [(0, "first"), (0, tall)])], width: 60, height: 20)
        state.press(.enter, .end)
        XCTAssertTrue(state.render().text.contains("LASTWORD"))
        // Sizes at which the comment stays taller than the pane (once it fits, it is shown from its top).
        for (width, height) in [(30, 8), (45, 12), (40, 10)] {
            state.resize(width: width, height: height)
            XCTAssertTrue(state.render().text.contains("LASTWORD"), "\(width)x\(height)")
        }
    }
}
