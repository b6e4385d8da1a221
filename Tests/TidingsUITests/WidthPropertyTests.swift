import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Random Unicode at random widths: every rendered row is exactly its pane's width, no half glyphs,
/// and nothing the sanitizer removes survives.
final class WidthPropertyTests: XCTestCase {
    /// A fixed seed keeps failures reproducible; the loop covers many shapes per run.
    typealias Generator = SeededRandom

    static let pieces: [String] = [
        "a", "Z", " ", "  ", "word", "東", "京", "한", "ｱ", "Ａ", "é", "e\u{301}", "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}",
        "\u{301}", "😀", "👩‍💻", "👨‍👩‍👧‍👦", "🇯🇵", "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", "❤️", "❤\u{FE0E}",
        "👍🏽", "\u{200B}", "\u{200D}", "\u{2060}", "\u{00AD}", "\u{202E}", "\u{2066}", "\u{FEFF}", "\t", "\n", "\r\n", "\r",
        "\u{1B}[31m", "\u{1B}]8;;http://x\u{07}", "\u{1B}]52;c;AAAA\u{1B}\\", "\u{1B}P1$r\u{1B}\\", "\u{07}", "\u{7F}",
        "\u{85}", "\u{9B}2J", "\u{0}", "\u{FFFD}", "\u{E000}", "\u{10FFFD}", "ก\u{0E31}\u{0E49}", "\u{0928}\u{093F}",
        "\u{2028}", "\u{061C}", "a\u{20DD}", "\u{3000}", "…", "\u{1F1E6}",
    ]

    func randomText(_ random: inout Generator, maxPieces: Int = 40) -> String {
        (0..<Int.random(in: 0...maxPieces, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
    }

    func testWrittenRowsAreExactlyTheirWidth() {
        var random = Generator(seed: 42)
        for _ in 0..<1500 {
            let width = Int.random(in: 1...300, using: &random)
            var screen = ScreenBuffer(width: width, height: 1)
            let x = Int.random(in: 0..<width, using: &random)
            screen.write(randomText(&random), x: x, y: 0, maxWidth: Int.random(in: 0...width, using: &random), style: .plain)
            Snapshot.assertRowsFit(screen)
            XCTAssertEqual(rowWidth(screen, 0), width)
            assertClean(screen)
        }
    }

    func testWrappedAndTruncatedLinesFitTheirWidth() {
        var random = Generator(seed: 7)
        for _ in 0..<1000 {
            let width = Int.random(in: 1...300, using: &random)
            let text = randomText(&random, maxPieces: 200)
            for line in TextWrap.wrap(text, width: width) {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "wrap \(width): \(line.unicodeScalars.map { $0.value })")
                XCTAssertFalse(line.contains("\n"))
            }
            XCTAssertLessThanOrEqual(DisplayWidth.of(TextWrap.truncate(text, width: width)), width)
        }
    }

    func testWholeScreensOfRandomStoriesFitAtRandomSizes() {
        var random = Generator(seed: 2024)
        for round in 0..<40 {
            let stories = (0..<3).map { index in
                var comments: [Comment] = []
                for number in 0..<Int.random(in: 0...12, using: &random) {
                    let depth = number == 0 ? 0 : Int.random(in: 0...min(30, comments.last!.depth + 1), using: &random)
                    let parent = depth == 0 ? nil : comments.lastIndex { $0.depth == depth - 1 }
                    comments.append(Comment(id: CommentID(value: UInt64(round * 1000 + index * 100 + number)), depth: depth,
                                            parent: parent, author: Bool.random(using: &random) ? randomText(&random, maxPieces: 4) : nil,
                                            age: Bool.random(using: &random) ? randomText(&random, maxPieces: 3) : nil,
                                            text: randomText(&random)))
                }
                var counted = comments
                for position in counted.indices.reversed() {
                    if let parent = counted[position].parent { counted[parent].descendantCount += counted[position].descendantCount + 1 }
                }
                let header = StoryHeader(title: randomText(&random), author: randomText(&random, maxPieces: 2),
                                         url: randomText(&random, maxPieces: 2), category: randomText(&random, maxPieces: 3),
                                         byline: randomText(&random, maxPieces: 4), dateText: "now", score: 7)
                let paragraphs: [String] = (0..<3).map { _ in randomText(&random) }
                let body = StoryBody(blocks: paragraphs.enumerated().map { offset, text in
                    StoryBody.Block(offset == 1 ? .quote : offset == 2 ? .listItem : .paragraph,
                                    [StoryBody.Run(text, emphasis: .bold, link: 0), StoryBody.Run(" " + text)])
                }, links: [randomText(&random)])
                return Story(id: "s\(round)-\(index)", source: SourceReference(path: randomText(&random, maxPieces: 5)),
                             format: "tidings", header: header, body: body, comments: counted)
            }
            var state = AppState(stories: stories, problems: [LoadProblem(path: randomText(&random), reason: "bad")],
                                 width: Int.random(in: 1...300, using: &random), height: Int.random(in: 1...100, using: &random))
            let keys: [KeyPress] = [.down, .enter, .down, .left, .right, .tab, .pageDown, .end, .character("?"), .escape, .character("p"), .escape]
            for key in keys {
                state.handle(key)
                if Int.random(in: 0..<4, using: &random) == 0 {
                    state.resize(width: Int.random(in: 1...300, using: &random), height: Int.random(in: 1...100, using: &random))
                }
                let screen = state.render()
                Snapshot.assertRowsFit(screen)
                for y in 0..<screen.height { XCTAssertEqual(rowWidth(screen, y), screen.width) }
                assertClean(screen)
            }
        }
    }

    /// A random body of several blocks: emphasis, links, nested list items and quotes, code, tables.
    func randomBody(_ random: inout Generator) -> StoryBody {
        let kinds: [StoryBody.Block.Kind] = [.paragraph, .listItem, .quote, .code, .table]
        let emphases: [StoryBody.Run.Emphasis] = [.none, .italic, .bold, .code, .strikethrough]
        let links = (0..<Int.random(in: 0...3, using: &random)).map { _ in randomText(&random, maxPieces: 12) }
        let blocks = (0..<Int.random(in: 1...6, using: &random)).map { _ -> StoryBody.Block in
            let kind = kinds.randomElement(using: &random)!
            let runs = (0..<Int.random(in: 0...4, using: &random)).map { _ in
                StoryBody.Run(randomText(&random, maxPieces: 15), emphasis: emphases.randomElement(using: &random)!,
                              link: links.isEmpty || Bool.random(using: &random) ? nil : Int.random(in: 0..<links.count, using: &random))
            }
            let rows = kind == .table
                ? (0..<Int.random(in: 0...4, using: &random)).map { _ in
                    (0..<Int.random(in: 0...4, using: &random)).map { _ in randomText(&random, maxPieces: 6) }
                }
                : []
            let marker = Bool.random(using: &random) ? nil : Bool.random(using: &random) ? "\(Int.random(in: 1...120, using: &random))." : randomText(&random, maxPieces: 3)
            return StoryBody.Block(kind, runs, level: Int.random(in: 0...6, using: &random), marker: kind == .listItem ? marker : nil, rows: rows)
        }
        return StoryBody(blocks: blocks, links: links)
    }

    func testBlocksOfEveryKindFitAtEveryWidth() {
        var random = Generator(seed: 99)
        for _ in 0..<600 {
            let width = Int.random(in: 0..<8, using: &random) == 0 ? Int.random(in: 1...3, using: &random) : Int.random(in: 1...200, using: &random)
            let body = randomBody(&random)
            let lines = BodyLayout.lines(body.blocks, width: width, separateFirst: Bool.random(using: &random))
                + BodyLayout.linkLines(body.links, firstNumber: Int.random(in: 0...1, using: &random), width: width)
            for line in lines {
                XCTAssertLessThanOrEqual(line.width, width, "\(width): \(line.text.unicodeScalars.map { $0.value })")
                XCTAssertFalse(line.text.contains("\n"))
            }
            for block in body.blocks where block.kind == .code {
                // Code is wrapped, never cut: at least a row per line of it (trailing empty lines aside), and
                // nothing ends in a `…` it did not have.
                let rows = BodyLayout.blockLines(block, width: width)
                var lines = block.plainText.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
                XCTAssertGreaterThanOrEqual(rows.count, lines.count)
                if !block.plainText.contains("…") { XCTAssertFalse(rows.contains { $0.text.contains("…") }, "\(width)") }
            }
        }
    }

    func testScreensOfRichCommentsFitAtRandomSizes() {
        var random = Generator(seed: 31337)
        let kinds: [Comment.Kind] = [.comment, .comment, .comment, .deleted, .unsaved]
        let now = RichFixtures.now
        for round in 0..<30 {
            var comments: [Comment] = []
            for number in 0..<Int.random(in: 1...10, using: &random) {
                let depth = number == 0 ? 0 : Int.random(in: 0...min(8, comments.last!.depth + 1), using: &random)
                let parent = depth == 0 ? nil : comments.lastIndex { $0.depth == depth - 1 }
                let date = Bool.random(using: &random) ? now.addingTimeInterval(Double.random(in: -1e9...1e6, using: &random)) : nil
                comments.append(Comment(id: CommentID(value: UInt64(round * 100 + number)), kind: kinds.randomElement(using: &random)!,
                                        depth: depth, parent: parent,
                                        author: Bool.random(using: &random) ? randomText(&random, maxPieces: 4) : nil,
                                        age: Bool.random(using: &random) ? randomText(&random, maxPieces: 3) : nil, date: date,
                                        score: Bool.random(using: &random) ? Int.random(in: -5...5000, using: &random) : nil,
                                        body: randomBody(&random)))
            }
            Story.countDescendants(&comments)
            let header = StoryHeader(title: randomText(&random), url: randomText(&random, maxPieces: 6),
                                     date: now.addingTimeInterval(Double.random(in: -1e9...0, using: &random)))
            let story = Story(id: "rich\(round)", source: SourceReference(path: "r"), format: "test", header: header,
                              body: randomBody(&random), comments: comments)
            let widths = [1, 2, 3, Int.random(in: 30...300, using: &random)]
            var state = AppState(stories: [story], width: widths.randomElement(using: &random)!, height: Int.random(in: 1...60, using: &random),
                                 now: now, timeZone: RichFixtures.berlin)
            let keys: [KeyPress] = [.enter, .down, .down, .left, .down, .right, .character("r"), .pageDown, .character("n"), .end, .tab, .pageDown]
            for key in keys {
                state.handle(key)
                if Int.random(in: 0..<3, using: &random) == 0 {
                    state.resize(width: widths.randomElement(using: &random)!, height: Int.random(in: 1...60, using: &random))
                }
                let screen = state.render()
                Snapshot.assertRowsFit(screen)
                for y in 0..<screen.height { XCTAssertEqual(rowWidth(screen, y), screen.width) }
                assertClean(screen)
            }
            for (index, comment) in story.comments.enumerated() where !comment.isCounted {
                XCTAssertFalse(state.readState.isCommentRead(comment.id, in: story.id), "stub \(index) marked read")
            }
        }
    }

    private func rowWidth(_ screen: ScreenBuffer, _ y: Int) -> Int {
        (0..<screen.width).reduce(0) { total, x in
            screen[x, y].isContinuation ? total + 1 : total + (DisplayWidth.of(Character(screen[x, y].text)) == 2 ? 1 : 1)
        }
    }

    private func assertClean(_ screen: ScreenBuffer, file: StaticString = #filePath, line: UInt = #line) {
        for cell in screen.cells {
            for scalar in cell.text.unicodeScalars {
                let value = scalar.value
                let forbidden = value < 0x20 || (0x7F...0x9F).contains(value) || UntrustedText.isInvisibleOrDirectional(scalar)
                    && !(0xE0020...0xE007F).contains(value)
                XCTAssertFalse(forbidden, "U+\(String(value, radix: 16)) reached the screen", file: file, line: line)
            }
        }
    }
}
