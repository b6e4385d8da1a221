import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// A mail thread on screen: subjects shown only when they changed, quotes dimmed by level, a long quote
/// folded and shown with `T`, signatures and attachments, at 80x24, 60x20 and the smallest screen.
final class MailScreenTests: XCTestCase {
    static let sizes = [(80, 24), (60, 20), (30, 8)]

    /// The comment pane with comment `index` selected, reached with the arrow keys.
    func state(selecting index: Int, width: Int, height: Int) -> AppState {
        var state = MailFixtures.state(width: width, height: height)
        state.press(.enter)
        for _ in 0..<40 where state.selectedComment != index { state.press(.down) }
        XCTAssertEqual(state.selectedComment, index)
        return state
    }

    func rows(_ screen: ScreenBuffer) -> [String] { screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    func testRepliesOnTheSameSubjectShowNoneAndNestedQuotesAreDim() throws {
        for (width, height) in Self.sizes {
            var state = state(selecting: 1, width: width, height: height)
            Snapshot.assert(state.render(), named: "mail-\(width)x\(height)-same-subject")
        }
        var state = state(selecting: 1, width: 80, height: 24)
        let screen = state.render()
        let rows = rows(screen)
        XCTAssertFalse(screen.text.contains("Re: Release plan"), "Bob's subject is the story's after Re:")
        XCTAssertFalse(screen.text.contains("release PLAN"), "Carol's is too, after RE:, a tag, Re[2]: and case")
        // Carol's quotes: the level-1 line, then level 0 with its empty line kept, no row added between levels.
        let start = try XCTUnwrap(rows.firstIndex { $0.contains("│ │ here is the plan:") })
        XCTAssertEqual(Array(rows[start...(start + 4)]).map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) },
                       ["│ ▌ │ │ here is the plan:", "│ ▌ │ May is fine by me.", "│ ▌ │", "│ ▌ │ And for the docs?", "│ ▌"])
        XCTAssertTrue(rows[start + 5].contains("The docs    too."), "spaces in a line kept: \(rows[start + 5])")
        // Dim bars and text; the second level's bar in another colour than the first.
        let outer = screen[4, start], inner = screen[6, start], text = screen[8, start]
        XCTAssertEqual(outer.text, "│")
        XCTAssertEqual(inner.text, "│")
        XCTAssertTrue(outer.style.dim && inner.style.dim && text.style.dim)
        XCTAssertNotEqual(outer.style.color, inner.style.color)
        XCTAssertEqual(screen[4, start + 1].style.color, outer.style.color, "level 0 keeps its colour on every row")
        // Bob's signature: dimmed, its `-- ` line kept.
        let signature = try XCTUnwrap(rows.firstIndex { $0.contains("-- ") })
        XCTAssertEqual(rows[signature + 1].trimmingCharacters(in: .whitespaces), "Bob")
        XCTAssertTrue(screen[4, signature + 1].style.dim)
        XCTAssertEqual(state.quotesShown, false)
    }

    func testAChangedSubjectALongQuoteFoldedAndShownWithT() throws {
        for (width, height) in Self.sizes {
            var state = state(selecting: 2, width: width, height: height)
            Snapshot.assert(state.render(), named: "mail-\(width)x\(height)-folded")
            XCTAssertEqual(state.update(.key(.character("T"))), [])
            XCTAssertTrue(state.quotesShown)
            Snapshot.assert(state.render(), named: "mail-\(width)x\(height)-unfolded")
        }
        var state = state(selecting: 2, width: 80, height: 24)
        var screen = state.render()
        var rows = rows(screen)
        let header = try XCTUnwrap(rows.firstIndex { $0.contains("Dave · 1 hour ago") })
        XCTAssertEqual(rows[header + 1], "  ▌ Docs for 2.0 (was: Release plan)" + String(repeating: " ", count: 44))
        XCTAssertTrue(screen[4, header + 1].style.bold, "the subject in bold")
        XCTAssertEqual(rows[header + 2].trimmingCharacters(in: .whitespaces), "▌ │ line 1 of the schedule as it was planned in March")
        XCTAssertEqual(rows[header + 3].trimmingCharacters(in: .whitespaces), "▌ │ line 2 of the schedule as it was planned in March")
        XCTAssertEqual(rows[header + 4].trimmingCharacters(in: .whitespaces), "▌ │ … 10 more quoted lines (T shows them)")
        XCTAssertTrue(screen[8, header + 4].style.dim)
        XCTAssertFalse(screen.text.contains("line 3 of"))
        let folded = state.commentPane.layout.height(of: 2, in: state.thread!)

        state.press(.character("T"))
        screen = state.render()
        rows = self.rows(screen)
        XCTAssertFalse(screen.text.contains("more quoted"))
        XCTAssertTrue(screen.text.contains("│ line 12 of the schedule"))
        XCTAssertEqual(state.selectedComment, 2, "the selection stays")
        XCTAssertEqual(state.commentPane.layout.height(of: 2, in: state.thread!), folded + 9, "ten rows for the one that said ten more")
        XCTAssertTrue(screen.text.contains("Quotes shown in full"))

        state.press(.character("T"))
        XCTAssertFalse(state.quotesShown)
        XCTAssertEqual(state.commentPane.layout.height(of: 2, in: state.thread!), folded)
        XCTAssertTrue(state.render().text.contains("… 10 more quoted lines (T shows them)"))
    }

    func testAttachmentsUnderTheTextAndAWideSubjectCut() throws {
        for (width, height) in Self.sizes {
            var state = state(selecting: 3, width: width, height: height)
            Snapshot.assert(state.render(), named: "mail-\(width)x\(height)-attachments")
        }
        var state = state(selecting: 3, width: 80, height: 24)
        let screen = state.render()
        let text = screen.text
        let rows = rows(screen)
        XCTAssertTrue(text.contains("  [attachment] report.pdf (application/pdf, 120 KB)"), text)
        XCTAssertTrue(text.contains("  [attachment] image/png (2.0 KB)"), "no name: the type in its place")
        XCTAssertTrue(text.contains("  [attachment] 東京の写真.jpg (image/jpeg, 3.2 MB)"))
        let row = try XCTUnwrap(rows.firstIndex { $0.contains("report.pdf") })
        XCTAssertTrue(screen[6, row].style.dim)
        XCTAssertEqual(rows[row - 1].trimmingCharacters(in: .whitespaces), "", "a blank row between the text and the list")
        let notes = try XCTUnwrap(rows.firstIndex { $0.hasPrefix("▌ Notes attached.") })
        XCTAssertTrue(rows[notes + 1].hasPrefix("▌ [attachment] notes.txt (text/plain, 512 B)"),
                      "a message of one paragraph stays compact, as with its links")

        var narrow = self.state(selecting: 3, width: 30, height: 8)
        let erin = self.rows(narrow.render())
        let subject = try XCTUnwrap(erin.firstIndex { $0.contains("Fwd: 東京") })
        XCTAssertEqual(erin[subject], "▌ Fwd: 東京 meeting notes for…", "cut to the width, wide characters counted twice")
    }

    func testTheStoryPaneFoldsTooAndListsItsAttachments() throws {
        for (width, height) in Self.sizes {
            var state = MailFixtures.state(width: width, height: height)
            state.press(.tab)
            Snapshot.assert(state.render(), named: "mail-\(width)x\(height)-story")
            state.press(.end)
            Snapshot.assert(state.render(), named: "mail-\(width)x\(height)-story-end")
        }
        var state = MailFixtures.state(width: 80, height: 40)
        state.press(.tab)
        XCTAssertEqual(state.focus, .text)
        var text = state.render().text
        XCTAssertTrue(text.contains("step     owner   when"), "aligned columns kept")
        XCTAssertTrue(text.contains("│ … 6 more quoted lines (T shows them)"))
        XCTAssertFalse(text.contains("forwarded line 3"))
        XCTAssertTrue(text.contains("[attachment] plan.pdf (application/pdf, 120 KB)"))
        let folded = state.storyTextLines(width: 78).count
        state.press(.character("T"))
        text = state.render().text
        XCTAssertTrue(text.contains("forwarded line 8"))
        XCTAssertEqual(state.storyTextLines(width: 78).count, folded + 5)
        // The setting is the session's: the comments are shown in full too.
        state.press(.tab)
        XCTAssertEqual(state.focus, .comments)
        XCTAssertTrue(state.quotesShown)
    }

    func testTDoesNothingInTheStoryListAndIsInTheHelp() {
        var state = MailFixtures.state(width: 80, height: 24)
        XCTAssertEqual(state.handle(.character("T")), .nothingToDo("T does nothing in the story list: ? shows the keys"))
        XCTAssertFalse(state.quotesShown)
        state.press(.tab, .character("?"))
        XCTAssertEqual(state.run(.goBottom), .done)
        let help = Pages.help(keyMap: state.keyMap, width: 76).map(\.text)
        XCTAssertTrue(help.contains { $0.hasPrefix("T ") && $0.contains("Show long quotes in full") }, help.joined(separator: "\n"))
    }

    /// Heights, the viewport and the selection agree with a layout made afresh after every toggle, wherever
    /// the pane was scrolled, including inside a comment taller than the pane.
    func testTogglingKeepsHeightsScrollingAndSelectionConsistent() {
        for (width, height) in Self.sizes {
            var state = MailFixtures.state(width: width, height: height)
            state.press(.enter)
            for step in 0..<24 {
                state.press(step % 3 == 0 ? .character("T") : .down)
                let screen = state.render()
                Snapshot.assertRowsFit(screen)
                guard let thread = state.thread, let pane = state.layout.comments else { return XCTFail("no comment pane") }
                var fresh = CommentLayout(width: pane.width, ages: state.ageClock, quotes: state.quoteFold)
                for index in thread.visible {
                    XCTAssertEqual(state.commentPane.layout.lines(for: index, in: thread), fresh.lines(for: index, in: thread),
                                   "stale layout of \(index) at \(width)x\(height), step \(step)")
                }
                let shown = state.commentsOnScreen(height: pane.height)
                XCTAssertLessThanOrEqual(shown.reduce(0) { $0 + $1.lines.count }, pane.height)
                XCTAssertTrue(shown.contains { $0.index == state.selectedComment }, "the selection is on screen")
                let topHeight = fresh.height(of: state.commentPane.top, in: thread)
                XCTAssertLessThan(state.commentPane.topLine, max(1, topHeight))
            }
        }
    }

    /// Scrolled to the end of a comment taller than the pane, then folded: the pane shows its last rows, not
    /// one row of it and empty space.
    func testFoldingAScrolledTallCommentKeepsThePaneFull() {
        var state = state(selecting: 2, width: 30, height: 8)
        state.press(.character("T"))
        for _ in 0..<60 where state.commentPane.top != 2 || state.commentPane.topLine < 30 { state.press(.down) }
        XCTAssertEqual(state.selectedComment, 2)
        XCTAssertGreaterThanOrEqual(state.commentPane.topLine, 30)
        state.press(.character("T"))
        let height = state.commentPane.layout.height(of: 2, in: state.thread!)
        XCTAssertEqual(state.commentPane.top, 2)
        XCTAssertEqual(state.commentPane.topLine, max(0, height - state.commentPaneHeight))
        Snapshot.assertRowsFit(state.render())
    }

    /// Below the smallest screen the reader shows, the layouts themselves must still fit every width.
    func testLayoutsFitTinyWidths() {
        let story = MailFixtures.story
        let thread = CommentThread(comments: story.comments, rootSubject: story.title)
        for width in 1...25 {
            for quotes in [QuoteFold.shown, QuoteFold(folded: true, key: "T")] {
                var layout = CommentLayout(width: width, ages: AgeClock(now: MailFixtures.now, timeZone: .current), quotes: quotes)
                for index in story.comments.indices {
                    let guide = thread.guide(for: index, firstLine: true, levels: layout.levels)
                    for line in layout.lines(for: index, in: thread) where line.kind != .spacer {
                        XCTAssertLessThanOrEqual(StyledLine(spans: line.spans).width, max(1, width - DisplayWidth.of(guide) - 2),
                                                 "comment \(index) at \(width): \(line.text)")
                    }
                }
                for line in StoryText.lines(for: story, width: width, timeZone: .current, quotes: quotes) {
                    XCTAssertLessThanOrEqual(line.width, width, "story at \(width): \(line.text)")
                }
            }
        }
    }
}
