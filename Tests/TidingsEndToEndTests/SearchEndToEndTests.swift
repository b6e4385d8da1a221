import Foundation
import XCTest
import TidingsTestSupport

/// Searching every story and finding in the open one, in the real binary: a folder mixing a native story, a
/// Hacker News thread and an mbox, searched with words, a phrase, negation and filters; the matches listed
/// with their counts and highlighted, stepped through with `>`, a find with `/`, Esc to clear.
final class SearchEndToEndTests: EndToEndTestCase {
    func testSearchFiltersFindAndClear() throws {
        try EndToEnd.write("""
            Harbour ferry returns
            Category: Local
            Via: tidewatcher • 2 hours ago • 3 comments

            The old harbour ferry is back.

            @@ mira @@ Finally, my commute is back.
              @@ jon @@ Does the night ferry run too?
            @@ ada @@ The timetable is old.
            """, to: folder + "/stories/ferry.txt")
        try EndToEnd.write("""
            Quiet week
            Category: Science

            Nothing happened.

            Not even a ferry.
            """, to: folder + "/stories/quiet.txt")
        try EndToEnd.write("""
            {"id": 8863, "type": "story", "title": "Ask HN: trains or ferries?", "author": "pg", "created_at_i": 1175714200,
             "children": [{"id": 1, "type": "comment", "author": "norvig", "text": "The night <i>ferry</i> wins.", "children": []},
                          {"id": 2, "type": "comment", "author": "sama", "text": "Trains, always.", "children": []}]}
            """, to: folder + "/stories/hn.json")
        try EndToEnd.write("""
            From a@x Mon Jan  1 00:00:00 2024
            From: Ann <a@x>
            Subject: Bus plans
            Message-ID: <1@x>

            Buses are fine.

            """, to: folder + "/stories/list.mbox")
        let tmux = try startReader([folder + "/stories", "--state", folder + "/state.json"], width: 80, height: 24)
        tmux.waitFor(text: "Stories 1/4")
        tmux.send("/")
        tmux.waitFor(text: "Search:")
        tmux.send("-l", "ferry night")
        tmux.send("Enter")
        tmux.waitFor("two stories with both words") { $0.contains("Stories 1/2 (4 in all") && $0.contains("/ferry night · 2 found") }
        var screen = tmux.capture()
        XCTAssertTrue(screen.contains("1 found"), screen)
        XCTAssertFalse(screen.contains("Quiet week"), "one word alone is not enough")
        // The matched words are drawn in the match colour (reversed).
        let styled = tmux.captureStyled()
        let titleRow = try XCTUnwrap(styled.rows.first { String($0.map(\.character)).contains("Harbour ferry returns") })
        let text = String(titleRow.map(\.character))
        let at = text.distance(from: text.startIndex, to: text.range(of: "ferry")!.lowerBound)
        let before = text.distance(from: text.startIndex, to: text.range(of: "Harbour")!.lowerBound)
        XCTAssertNotEqual(titleRow[at].attributes, titleRow[before].attributes, "the matched word stands out:\n\(styled.raw)")
        XCTAssertEqual(titleRow[at].attributes, titleRow[at + 4].attributes)
        XCTAssertEqual(titleRow[at + 5].attributes, titleRow[before].attributes, "only the word")
        // Into the comments: > steps to the comment holding both words.
        tmux.send("Enter")
        tmux.waitFor(text: "Comments 1/")
        tmux.send(">")
        tmux.waitFor("the night ferry comment selected") { $0.contains("Comments 2/3") || $0.contains("Comments 1/2") }
        // A find in the comments as it is typed.
        tmux.send("/")
        tmux.send("-l", "timetable")
        tmux.waitFor(text: "Find: timetable")
        tmux.send("Enter")
        // Esc back to the list, Esc clears the search.
        tmux.send("Escape")
        tmux.waitFor(text: "Stories 1/2 (4 in all")
        tmux.send("Escape")
        tmux.waitFor("every story listed again") { $0.contains("Stories 1/4") && $0.contains("Search cleared") }
        // Filters: a phrase, a negation and a format.
        tmux.send("/")
        tmux.send("-l", "\"night ferry\" -format:hn")
        tmux.send("Enter")
        tmux.waitFor(text: "Stories 1/1 (4 in all")
        screen = tmux.capture()
        XCTAssertTrue(screen.contains("Harbour ferry returns"), screen)
        tmux.send("/")
        tmux.send("C-u")
        tmux.send("-l", "format:mail")
        tmux.send("Enter")
        tmux.waitFor("only the mail thread") { $0.contains("Bus plans") && $0.contains("/format:mail · 1 listed") }
        // A bad filter keeps the line open and says why.
        tmux.send("/")
        tmux.send("C-u")
        tmux.send("-l", "since:soon")
        tmux.send("Enter")
        tmux.waitFor(text: "since: takes an age")
        tmux.send("Escape")
        tmux.resize(width: 30, height: 8)
        tmux.waitFor(text: "Bus plans")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }
}
