import Foundation
import TidingsModel
import TidingsUI

/// Key latency in one big thread made in memory, twice: comments of one paragraph, and comments of several
/// blocks as the HTML and Markdown importers make them (paragraphs with emphasis and links, a nested quote
/// and list, code, a table, and now and then a stub for replies not saved), so a change to the comment
/// layout shows in both.
extension TidingsBench {
    static func thread(comments count: Int) {
        var rows: [String: Any] = [:]
        for (label, rich) in [("plain", false), ("blocks", true)] {
            let story = threadStory(comments: count, rich: rich)
            var state = AppState(stories: [story], width: 120, height: 40, now: Date(timeIntervalSince1970: 1_800_000_000),
                                 timeZone: TimeZone(identifier: "UTC")!)
            var samples: [String: [Double]] = [:]
            func press(_ name: String, _ key: KeyPress) {
                let start = now()
                _ = state.update(.key(key))
                _ = state.render()
                samples[name, default: []].append(now() - start)
            }
            _ = state.render()
            press("open", .enter)
            for _ in 0..<300 {
                press("move comment", .down)
                press("collapse", .left)
                press("expand", .right)
            }
            for _ in 0..<100 { press("page comments", .pageDown) }
            press("end", .end)
            press("home", .home)
            for _ in 0..<50 { press("next unread", .character("n")) }
            var all: [Double] = []
            var table: [String: Any] = [:]
            for (name, values) in samples {
                all += values
                table[name] = ["p50": percentile(values, 0.5), "p99": percentile(values, 0.99), "max": values.max() ?? 0, "n": values.count]
            }
            table["all"] = ["p50": percentile(all, 0.5), "p99": percentile(all, 0.99), "max": all.max() ?? 0, "n": all.count]
            rows[label] = table
        }
        report(["measure": "thread", "comments": count, "latencyMs": rows])
    }

    /// Threads of ten: a top-level comment and nine replies nested up to four deep.
    static func threadStory(comments count: Int, rich: Bool) -> Story {
        typealias Block = StoryBody.Block
        typealias Run = StoryBody.Run
        let words = "the ferry runs every twenty minutes at peak times and tickets keep last year's prices until June"
        var comments: [Comment] = []
        var lastAtDepth: [Int] = []
        for number in 0..<count {
            let depth = number % 10 == 0 ? 0 : min(4, 1 + (number % 10) % 4)
            let parent = depth > 0 ? lastAtDepth[min(depth, lastAtDepth.count) - 1] : nil
            let realDepth = parent.map { comments[$0].depth + 1 } ?? 0
            lastAtDepth = Array(lastAtDepth.prefix(realDepth)) + [comments.count]
            let body: StoryBody
            if rich {
                body = StoryBody(blocks: [
                    Block(.paragraph, [Run("Comment \(number): "), Run("really", emphasis: .italic), Run(" " + words + ", see "),
                                       Run("the timetable", link: 0), Run(".")]),
                    Block(.quote, [Run(words)]),
                    Block(.quote, [Run("and " + words)], level: 1),
                    Block(.listItem, [Run("first point about " + words)]),
                    Block(.listItem, [Run("a nested point")], level: 1, marker: "1."),
                    Block(.code, text: "let ferry = Ferry(route: .harbour)\n\tferry.run(every: .minutes(20)) // and a comment long enough to be cut at the pane's edge"),
                    Block(.table, [], rows: [["time", "ferry"], ["07:00", "Harbour Queen"], ["07:20", "Tidewater"]]),
                ], links: ["https://example.com/timetable/\(number)"])
            } else {
                body = StoryBody(blocks: [Block(.paragraph, text: "Comment \(number): " + words)])
            }
            // Now and then the place of replies a page did not hold (the last of a thread of ten: no replies).
            let kind: Comment.Kind = rich && number % 50 == 49 ? .unsaved : .comment
            comments.append(Comment(id: CommentID(value: UInt64(number + 1)), kind: kind, depth: realDepth, parent: parent,
                                    author: "user\(number % 97)",
                                    date: Date(timeIntervalSince1970: 1_800_000_000 - Double(number * 61)), score: number % 50,
                                    body: body))
        }
        Story.countDescendants(&comments)
        return Story(id: "thread-\(count)-\(rich)", path: "thread", format: "bench", title: "A thread of \(count) comments",
                     comments: comments)
    }
}
