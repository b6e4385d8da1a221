import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// Emoji sequences whose width terminals disagree on are drawn as their parts in order, each in cells of its
/// own (`ClusterParts`): nothing of them is dropped, and every row keeps its width.
final class EmojiSequenceTests: XCTestCase {
    static let title = "Emoji 👨‍👩‍👧‍👦 family ❤️ heart 🏳️‍🌈 end"
    static let text = "👍🏽 thumbs 🤷‍♀️ shrug"

    /// The cells of a row written from its first column, in order (a wide character's right half left out).
    func cells(_ text: String, width: Int = 60) -> [String] {
        var screen = ScreenBuffer(width: width, height: 1)
        screen.write(text, x: 0, y: 0, style: .plain)
        Snapshot.assertRowsFit(screen)
        return (0..<width).map { screen[$0, 0] }.filter { !$0.isContinuation }.map(\.text)
    }

    func testAFamilyIsItsFourPeopleEachTwoCellsWide() {
        XCTAssertEqual(Array(cells("👨‍👩‍👧‍👦!").prefix(5)), ["👨", "👩", "👧", "👦", "!"])
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧‍👦"), 8)
        var screen = ScreenBuffer(width: 21, height: 1)
        XCTAssertEqual(screen.write(Self.title, x: 0, y: 0, style: .plain), 21)
        XCTAssertEqual(screen.row(0), "Emoji 👨👩👧👦 family")
    }

    func testASkinToneIsASwatchOfItsOwnAfterItsBase() {
        XCTAssertEqual(Array(cells(Self.text).prefix(4)), ["👍", " ", "🏽", " "])
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 5)
        var screen = ScreenBuffer(width: 40, height: 1)
        screen.write(Self.text, x: 0, y: 0, style: .plain)
        XCTAssertEqual(screen.row(0).trimmingCharacters(in: .whitespaces), "👍 🏽 thumbs 🤷♀️ shrug")
        XCTAssertEqual(DisplayWidth.of(Self.text), DisplayWidth.of("👍 🏽 thumbs 🤷♀️ shrug"))
        XCTAssertEqual(Array(cells("a 🏽").prefix(3)), ["a", " ", "🏽"], "a swatch after a space is apart already")
    }

    func testAGenderSignAndAFlagsRainbowAreKept() {
        let shrug = cells("🤷‍♀️")
        XCTAssertEqual(Array(shrug.prefix(2)), ["🤷", "♀️"], "the sign keeps its emoji presentation")
        XCTAssertEqual(DisplayWidth.of("🤷‍♀️"), 4)
        XCTAssertEqual(Array(cells("🏳️‍🌈").prefix(2)), ["🏳️", "🌈"])
        XCTAssertEqual(Array(cells("🧑🏿‍💻").prefix(4)), ["🧑", " ", "🏿", "💻"])
    }

    /// What reaches the terminal is only what every terminal measures alike: no joiner, and no skin tone
    /// right after the character it would join.
    func testNoCellHoldsAJoinerOrAToneOnAnotherCharacter() {
        var screen = ScreenBuffer(width: 80, height: 2)
        screen.write(Self.title, x: 0, y: 0, style: .plain)
        screen.write(Self.text + " é🏽 a🏾 🏽", x: 0, y: 1, style: .plain)
        Snapshot.assertRowsFit(screen)
        for cell in screen.cells {
            XCTAssertFalse(cell.text.unicodeScalars.contains { $0.value == 0x200D }, cell.text)
            XCTAssertFalse(cell.text.unicodeScalars.dropFirst().contains(where: ClusterParts.isModifier), cell.text)
        }
        XCTAssertTrue(screen.row(1).hasSuffix("é 🏽 a 🏾 🏽" + String(repeating: " ", count: 80 - DisplayWidth.of(Self.text + " é🏽 a🏾 🏽"))))
    }

    /// A sequence wider than the room left shows the parts that fit and pads the rest: no half glyph.
    func testPartsThatDoNotFitAreLeftOutWhole() {
        var screen = ScreenBuffer(width: 10, height: 1)
        XCTAssertEqual(screen.write("ab👨‍👩‍👧‍👦", x: 0, y: 0, maxWidth: 7, style: .plain), 7)
        XCTAssertEqual(screen.row(0), "ab👨👩    ")
        Snapshot.assertRowsFit(screen)
    }

    /// Wrapping and cutting measure a sequence as it is drawn, so rows end where the screen does.
    func testWrappedAndCutTextMeasuresTheParts() {
        for width in 1...30 {
            for line in TextWrap.wrap(Self.title + " " + Self.text, width: width) where DisplayWidth.of(line) > width {
                // Only a sequence wider than the row itself may overflow it, alone on its line.
                XCTAssertEqual(line.count, 1, "\(width): \(line)")
            }
            XCTAssertLessThanOrEqual(DisplayWidth.of(TextWrap.truncate(Self.title, width: width)), width)
        }
    }

    /// The whole reader: a feed item's title and text, and a comment's author, at 80x24 and 30x8.
    func testTheReaderShowsEveryPartAtEverySize() {
        let item = Story(id: "feed:emoji", path: "feed.atom", format: "feed", title: Self.title, body: [Self.text], comments: [])
        var comment = Comment(id: CommentID(value: 1), depth: 0, parent: nil, author: "👨‍👩‍👧", text: "We are a family.")
        comment.age = "1 hour ago"
        let native = Story(id: "family", path: "family.txt", format: "tidings", title: "Family", body: ["Body."], comments: [comment])
        let stories = [item, native]
        for (width, height) in [(80, 24), (30, 8)] {
            let size = "\(width)x\(height)"
            var runner = HeadlessRunner(state: AppState(stories: stories, width: width, height: height), parse: { summary in
                stories.first { $0.id == summary.id }.map { .success($0) } ?? .failure(LoadProblem(path: summary.path, failure: .vanished))
            })
            var screen = runner.state.render()
            Snapshot.assertRowsFit(screen)
            XCTAssertTrue(screen.text.contains("👨👩👧👦"), "\(size)\n\(screen.text)")
            runner.press(.tab)
            for _ in 0..<4 { runner.press(.down) }
            screen = runner.state.render()
            Snapshot.assertRowsFit(screen)
            XCTAssertTrue(screen.text.contains("👍 🏽 thumbs 🤷♀️ shrug"), "\(size)\n\(screen.text)")
            runner.press(.escape)
            runner.press(.down)
            runner.press(.enter)
            screen = runner.state.render()
            Snapshot.assertRowsFit(screen)
            XCTAssertTrue(screen.text.contains("👨👩👧 ·"), "\(size): the author whole\n\(screen.text)")
        }
    }
}
