import Foundation
import TidingsModel
import TidingsUI

/// A story as the HTML and Markdown importers make them: comments of several blocks with emphasis and
/// links, nested quotes and lists, code, a table, a deleted comment with replies, stubs for replies not
/// saved, dates and scores. Seen from a fixed moment in a fixed time zone, so ages and dates never move.
enum RichFixtures {
    /// Tue 2007-04-03 12:21 UTC: 14:21 in Berlin, summer time.
    static let posted = Date(timeIntervalSince1970: 1_175_602_860)
    static let now = posted.addingTimeInterval(3 * 3600 + 25 * 60)
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    typealias Block = StoryBody.Block
    typealias Run = StoryBody.Run

    static var story: Story {
        let header = StoryHeader(title: "Show HN: A newsreader for the terminal", author: "pg",
                                 url: "https://example.com/articles/2007/04/a-newsreader-for-the-terminal?ref=hn",
                                 category: "Hacker News", date: posted, score: 120, declaredComments: 12)
        let body = StoryBody(blocks: [
            Block(.paragraph, [Run("It reads "), Run("saved", emphasis: .italic), Run(" threads offline; see the "),
                               Run("manual", link: 0), Run(".")]),
        ], links: ["https://example.com/manual"])
        var comments = [
            comment(1, depth: 0, parent: nil, author: "alice", date: now.addingTimeInterval(-3 * 3600), score: 12, body: StoryBody(blocks: [
                Block(.paragraph, [Run("This is "), Run("really", emphasis: .italic), Run(" nice. The "), Run("docs", link: 0),
                                   Run(" are "), Run("bad", emphasis: .strikethrough), Run(" "), Run("good", emphasis: .bold), Run(".")]),
                Block(.paragraph, [Run("Run it with "), Run("tidings ~/saved", emphasis: .code), Run(" and read the "),
                                   Run("changelog", link: 1), Run(".")]),
            ], links: ["https://example.com/docs", "https://example.com/releases/2007/changelog-for-the-first-version.html"])),
            comment(2, depth: 1, parent: 0, author: "bob", date: now.addingTimeInterval(-60), body: StoryBody(blocks: [
                Block(.quote, [Run("The docs are good.")]),
                Block(.quote, [Run("Are they? I could not find the key list anywhere.")], level: 1),
                Block(.paragraph, text: "They are, once you know where to look:"),
                Block(.listItem, [Run("press "), Run("?", emphasis: .code), Run(" for the keys")]),
                Block(.listItem, [Run("the README has a table")], level: 1, marker: "1."),
                Block(.listItem, [Run("and the help page lists every command with what it does in each pane")], level: 1, marker: "2."),
                Block(.listItem, [Run("or read the source")]),
            ])),
            comment(3, depth: 0, parent: nil, author: "carol", date: now.addingTimeInterval(-2 * 86_400 - 50), body: StoryBody(blocks: [
                Block(.paragraph, text: "A patch:"),
                Block(.code, text: "func greet(_ name: String) -> String {\n\treturn \"Hello, \\(name)! Welcome to the terminal newsreader for saved threads\"\n}\n// 東京東京東京東京東京東京東京東京東京東京東京東京東京東京東京東京東京東京"),
            ])),
            comment(4, depth: 0, parent: nil, author: "dave", date: now.addingTimeInterval(-125 * 86_400), score: 3, body: StoryBody(blocks: [
                Block(.paragraph, text: "Start-up times on my machines:"),
                Block(.table, [], rows: [["machine", "stories", "first screen"], ["laptop", "1,000", "0.05 s"],
                                         ["東京の server", "100,000", "0.15 s, and everything loads within a second"]]),
            ])),
            comment(5, kind: .deleted, depth: 0, parent: nil, age: "5 hours ago", body: ["[deleted]"]),
            comment(6, depth: 1, parent: 4, author: "erin", date: now.addingTimeInterval(-11 * 365 * 86_400 - 86_400),
                    body: ["Whatever it said, I agree."]),
            comment(7, kind: .unsaved, depth: 2, parent: 5, body: ["3 more replies not saved"]),
            comment(8, kind: .unsaved, depth: 1, parent: 4, body: ["continue this thread: not saved"]),
            comment(9, depth: 0, parent: nil, author: "frank", date: now.addingTimeInterval(2 * 86_400), score: 1,
                    body: ["Posted from the future, by a clock set wrong."]),
        ]
        Story.countDescendants(&comments)
        return Story(id: "rich", source: SourceReference(path: "rich.json"), format: "test", header: header, body: body,
                     comments: comments)
    }

    static func comment(_ id: UInt64, kind: Comment.Kind = .comment, depth: Int, parent: Int?, author: String? = nil,
                        age: String? = nil, date: Date? = nil, score: Int? = nil, body: StoryBody) -> Comment {
        Comment(id: CommentID(value: id), kind: kind, depth: depth, parent: parent, author: author, age: age, date: date,
                score: score, body: body)
    }

    /// The reader on the rich story, seen from `now` in Berlin.
    static func state(width: Int, height: Int, stories: [Story] = [story]) -> AppState {
        AppState(stories: stories, width: width, height: height, now: now, timeZone: berlin)
    }
}
