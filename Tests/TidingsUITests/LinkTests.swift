import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// `o`, `1`…`9` and `y` in each pane: which link each asks the executable to open or copy, what is refused
/// (and said in the status line instead), at a wide and a tiny size.
final class LinkTests: XCTestCase {
    static let storyURL = "https://example.com/story"
    static let textLinks = ["https://example.com/one", "https://example.com/two"]
    static let onlyLink = "https://example.com/cited"
    static let commentLinks = ["https://example.com/first", "mailto:editor@example.com"]

    /// A story with its own link and two numbered links in its text; comments with one link, two, none.
    static func story(url: String? = storyURL) -> Story {
        let text = StoryBody(blocks: [.init(.paragraph, [.init("One", link: 0), .init(" and "), .init("two", link: 1), .init(".")])],
                             links: textLinks)
        var story = StoryBuilder.story("links", body: text, comments: [(0, "one link"), (0, "two links"), (0, "no link")])
        story.url = url
        story.comments[0].body = StoryBody(blocks: [.init(.paragraph, [.init("See this", link: 0)])], links: [onlyLink])
        story.comments[1].body = StoryBody(blocks: [.init(.paragraph, [.init("a", link: 0), .init(" b", link: 1)])],
                                           links: commentLinks)
        return story
    }

    func reader(_ story: Story = story(), width: Int = 80, height: Int = 24) -> AppState {
        AppState(stories: [story, StoryBuilder.story("other", comments: [])], width: width, height: height)
    }

    /// The effects of one key.
    func press(_ key: KeyPress, _ state: inout AppState) -> [AppState.Effect] {
        state.update(.key(key))
    }

    func statusLine(_ state: inout AppState) -> String {
        let screen = state.render()
        return screen.row(screen.height - 1)
    }

    func testOOpensTheStoryLinkOrTheSelectedCommentsOnlyLink() {
        var state = reader()
        XCTAssertEqual(press(.character("o"), &state), [.openURL(Self.storyURL)], "in the story list")
        XCTAssertEqual(state.message, "Opening \(Self.storyURL)")
        state.press(.tab)
        XCTAssertEqual(state.focus, .text)
        XCTAssertEqual(press(.character("o"), &state), [.openURL(Self.storyURL)], "in the story text")
        state.press(.tab)
        XCTAssertEqual(state.focus, .comments)
        XCTAssertEqual(press(.character("o"), &state), [.openURL(Self.onlyLink)], "a comment with one link opens it")
        state.press(.down)
        XCTAssertEqual(press(.character("o"), &state), [], "two links: the user picks one by its number")
        XCTAssertEqual(state.message, "This comment has 2 links: 1-2 open one")
        state.press(.down)
        XCTAssertEqual(press(.character("o"), &state), [.openURL(Self.storyURL)], "no link: the story's")
    }

    func testOAndYOnACommentWithoutLinksActOnItsOwnPageWhenItHasOne() {
        var story = Self.story()
        let ownPage = "https://example.com/story/comments/3"
        story.comments[2].url = ownPage
        story.comments[0].url = "https://example.com/story/comments/1"
        var state = reader(story)
        state.press(.tab)
        state.press(.tab)
        XCTAssertEqual(press(.character("o"), &state), [.openURL(Self.onlyLink)], "the link the comment cites comes first")
        state.press(.down)
        state.press(.down)
        XCTAssertEqual(press(.character("o"), &state), [.openURL(ownPage)], "a feed reply's own page, not the story's")
        XCTAssertEqual(press(.character("y"), &state), [.copyToClipboard(ownPage)])
        XCTAssertEqual(press(.character("0"), &state), [.openURL(Self.storyURL)], "0 is still the story's own link")
        // An own page that would not open (no host, a control character) is as none: the story's link.
        for unusable in ["http://", "https://example.com/c\nevil", "https://example.com/\u{202E}c"] {
            var story = Self.story()
            story.comments[2].url = unusable
            var state = reader(story)
            state.press(.tab, .tab, .down, .down)
            XCTAssertEqual(press(.character("o"), &state), [.openURL(Self.storyURL)], unusable)
        }
    }

    func testDigitsOpenTheNumberedLinksOfTheTextInFocus() {
        var state = reader()
        XCTAssertEqual(press(.character("2"), &state), [.openURL(Self.textLinks[1])], "in the list: the story text's")
        state.press(.tab)
        XCTAssertEqual(press(.character("1"), &state), [.openURL(Self.textLinks[0])])
        XCTAssertEqual(press(.character("3"), &state), [])
        XCTAssertEqual(state.message, "No link [3] in the story text: it has 2")
        state.press(.tab)
        XCTAssertEqual(press(.character("1"), &state), [.openURL(Self.onlyLink)], "the selected comment's own [1]")
        XCTAssertEqual(press(.character("2"), &state), [])
        XCTAssertEqual(state.message, "No link [2] in this comment: it has 1")
        state.press(.down)
        XCTAssertEqual(press(.character("2"), &state), [.openURL(Self.commentLinks[1])], "mailto opens")
        state.press(.down)
        XCTAssertEqual(press(.character("1"), &state), [])
        XCTAssertEqual(state.message, "No link [1] in this comment: it has none")
    }

    /// `[0]` is the story's own link in the story text: the key `0` opens it, as a click on it does, from any
    /// pane (comments number their links from 1), at once even with ten links or more, since no number
    /// starts with 0.
    func testZeroOpensTheStorysOwnLink() {
        var state = reader()
        XCTAssertEqual(press(.character("0"), &state), [.openURL(Self.storyURL)], "in the list")
        state.press(.tab)
        XCTAssertTrue(state.render().text.contains("[0] \(Self.storyURL)"), "shown as [0] in the story text")
        XCTAssertEqual(press(.character("0"), &state), [.openURL(Self.storyURL)], "in the story text")
        state.press(.tab)
        XCTAssertEqual(press(.character("0"), &state), [.openURL(Self.storyURL)], "in the comments")
        var bare = reader(Self.story(url: nil))
        XCTAssertEqual(press(.character("0"), &bare), [])
        XCTAssertEqual(bare.message, "The story has no link of its own")
        let links = (1...13).map { "https://example.com/\($0)" }
        var many = Self.story()
        many.body = StoryBody(blocks: [.init(.paragraph, links.indices.map { .init("l\($0) ", link: $0) })], links: links)
        var state13 = reader(many)
        state13.press(.tab)
        XCTAssertEqual(press(.character("0"), &state13), [.openURL(Self.storyURL)], "with 13 links, no line to type on")
        XCTAssertNil(state13.prompt)
    }

    /// With ten links or more, a digit that starts a longer number opens a line for the rest: the link opens
    /// as soon as no digit can follow, or on Enter; Esc drops it.
    func testTwoDigitLinkNumbersAreTyped() {
        let links = (1...13).map { "https://example.com/\($0)" }
        let text = StoryBody(blocks: [.init(.paragraph, links.indices.map { .init("l\($0) ", link: $0) })], links: links)
        var state = reader(StoryBuilder.story("many", body: text, comments: []))
        state.press(.tab)
        XCTAssertEqual(press(.character("1"), &state), [])
        XCTAssertTrue(statusLine(&state).contains("Open link (1-13, Enter): 1"), statusLine(&state))
        XCTAssertEqual(press(.character("2"), &state), [.openURL(links[11])], "12: no digit can follow")
        XCTAssertNil(state.prompt)
        _ = press(.character("1"), &state)
        XCTAssertEqual(press(.character("0"), &state), [.openURL(links[9])])
        _ = press(.character("1"), &state)
        XCTAssertEqual(press(.enter, &state), [.openURL(links[0])], "Enter opens a shorter number")
        XCTAssertEqual(press(.character("5"), &state), [.openURL(links[4])], "5: no link 50 or more, opened at once")
        // A key that types no digit drops the line and does what it does (`q` would quit).
        _ = press(.character("1"), &state)
        _ = press(.character("y"), &state)
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.message, "The story has no link of its own; its text has 13: 1-13 open one", "y did what it does")
        _ = press(.character("1"), &state)
        _ = press(.escape, &state)
        XCTAssertNil(state.prompt)
        _ = press(.character("1"), &state)
        XCTAssertEqual(press(.character("9"), &state), [])
        XCTAssertEqual(state.message, "No link [19] in the story text: it has 13")
        // Tiny: the line still fits, cut.
        var tiny = reader(StoryBuilder.story("many", body: text, comments: []), width: 30, height: 8)
        tiny.press(.tab)
        _ = press(.character("1"), &tiny)
        XCTAssertTrue(statusLine(&tiny).hasPrefix(" Link: 1"), "a short label leaves the digits room: \(statusLine(&tiny))")
    }

    /// An Enter typed after a number that opened its link at once is the number's: in the comments it does
    /// not fold the thread as well.
    func testAnEnterAfterANumberThatOpenedAtOnceIsTheNumbers() {
        let links = (1...13).map { "https://example.com/\($0)" }
        var story = StoryBuilder.story("many", comments: [(0, "first"), (1, "a reply")])
        story.comments[0].body = StoryBody(blocks: [.init(.paragraph, links.indices.map { .init("l\($0) ", link: $0) })], links: links)
        var state = reader(story)
        state.press(.enter)
        XCTAssertEqual(state.focus, .comments)
        XCTAssertEqual(state.selectedComment, 0)
        XCTAssertEqual(press(.character("5"), &state), [.openURL(links[4])])
        XCTAssertEqual(press(.enter, &state), [])
        XCTAssertEqual(state.thread?.collapsed, [], "the thread is not folded")
        _ = press(.character("1"), &state)
        XCTAssertEqual(press(.character("3"), &state), [.openURL(links[12])])
        _ = press(.enter, &state)
        XCTAssertEqual(state.thread?.collapsed, [], "13 opened without Enter: the Enter after is taken with it")
        _ = press(.enter, &state)
        XCTAssertEqual(state.thread?.collapsed, [0], "a second Enter is a key of its own")
        _ = press(.enter, &state)
        // Typed later, or after a click, Enter is a key of its own.
        let opened = state.now
        XCTAssertEqual(press(.character("5"), &state), [.openURL(links[4])])
        _ = state.update(.tick(opened.addingTimeInterval(4)))
        _ = press(.enter, &state)
        XCTAssertEqual(state.thread?.collapsed, [0], "four seconds later")
    }

    func testYCopiesTheLinkOWouldOpen() {
        var state = reader()
        XCTAssertEqual(press(.character("y"), &state), [.copyToClipboard(Self.storyURL)])
        XCTAssertEqual(state.message, "Copied \(Self.storyURL)")
        state.press(.tab)
        XCTAssertEqual(press(.character("y"), &state), [.copyToClipboard(Self.storyURL)])
        state.press(.tab)
        XCTAssertEqual(press(.character("y"), &state), [.copyToClipboard(Self.onlyLink)])
        XCTAssertEqual(state.message, "Copied \(Self.onlyLink)")
    }

    func testOnlyHttpHttpsAndMailtoLeaveTheReader() {
        let refused = ["javascript:alert(1)", "JavaScript:alert(document.cookie)", "file:///etc/passwd", "ftp://example.com/file",
                       "data:text/html,<script>x</script>", "https://exa mple.com/", "https://example.com/\u{1B}]52;c;aGk=\u{07}",
                       "https://example.com/\u{1B}[2J", "https://example.com/a\u{7}b", "https://example.com/\u{202E}gpj.exe",
                       "/relative/path", "www.example.com", "http://"]
        for link in refused {
            var state = reader(Self.story(url: link))
            XCTAssertEqual(press(.character("o"), &state), [], link)
            XCTAssertTrue(state.message?.hasPrefix("Not opened (") == true, "\(link): \(state.message ?? "no message")")
            XCTAssertEqual(press(.character("y"), &state), [], link)
            XCTAssertTrue(state.message?.hasPrefix("Not copied (") == true, "\(link): \(state.message ?? "no message")")
            // What is shown passed the gate: no escape, control or bidi character reaches the screen.
            let screen = state.render().text
            XCTAssertFalse(screen.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x202E || $0.value == 0x7F }, link)
        }
        var state = reader(Self.story(url: "javascript:alert(1)"))
        XCTAssertEqual(press(.character("o"), &state), [])
        XCTAssertEqual(state.message, "Not opened (only http, https and mailto links open): javascript:alert(1)")
        state = reader(Self.story(url: "https://example.com/\u{1B}[2J"))
        _ = press(.character("o"), &state)
        XCTAssertEqual(state.message, "Not opened (it has spaces or control characters): https://example.com/␛")
    }

    func testAStoryWithoutALinkSaysSo() {
        var state = reader(Self.story(url: nil))
        XCTAssertEqual(press(.character("o"), &state), [])
        XCTAssertEqual(state.message, "The story has no link of its own; its text has 2: 1-2 open one")
        state.press(.tab, .tab, .down)
        XCTAssertEqual(press(.character("y"), &state), [])
        XCTAssertEqual(state.message, "This comment has 2 links: 1-2 open one")
        state.press(.down)
        XCTAssertEqual(press(.character("o"), &state), [])
        XCTAssertEqual(state.message, "The story has no link of its own")
    }

    func testTheLinkKeysDoNothingOnThePages() {
        var state = reader()
        state.press(.character("?"))
        XCTAssertEqual(press(.character("o"), &state), [])
        XCTAssertEqual(press(.character("1"), &state), [])
        XCTAssertEqual(state.overlay, .help(top: 0))
    }

    func testABrowserThatCannotStartIsNamed() {
        var state = reader()
        _ = press(.character("o"), &state)
        XCTAssertEqual(state.update(.openFailed(program: "nosuch-browser", reason: "No such file or directory")), [])
        XCTAssertEqual(state.message, "Could not start nosuch-browser: No such file or directory")
    }

    func testMessagesAt80x24And30x8() {
        var wide = reader()
        _ = press(.character("o"), &wide)
        XCTAssertEqual(statusLine(&wide), " Opening https://example.com/story".padding(toLength: 80, withPad: " ", startingAt: 0))
        wide = reader(Self.story(url: "javascript:alert(1)"))
        _ = press(.character("o"), &wide)
        XCTAssertTrue(statusLine(&wide).hasPrefix(" Not opened (only http, https and mailto links open): javascript:alert(1)"))

        var tiny = reader(width: 30, height: 8)
        _ = press(.character("y"), &tiny)
        XCTAssertEqual(tiny.message, "Copied \(Self.storyURL)")
        let copied = statusLine(&tiny)
        XCTAssertEqual(DisplayWidth.of(copied), 30)
        XCTAssertTrue(copied.hasPrefix(" Copied https://exa"), copied)
        tiny = reader(Self.story(url: "file:///etc/passwd"), width: 30, height: 8)
        _ = press(.character("o"), &tiny)
        let refused = statusLine(&tiny)
        XCTAssertEqual(DisplayWidth.of(refused), 30)
        XCTAssertTrue(refused.hasPrefix(" Not opened"), refused)
        tiny.press(.character("3"))
        XCTAssertTrue(statusLine(&tiny).hasPrefix(" No link [3] in the"), statusLine(&tiny))
    }

    func testTheHeadlessRunnerRecordsWhatWouldBeOpenedAndCopied() {
        var runner = HeadlessRunner(state: reader(), parse: { _ in .failure(LoadProblem(path: "", reason: "not used")) })
        runner.press(.character("o"), .character("2"), .character("y"))
        XCTAssertEqual(runner.opened, [Self.storyURL, Self.textLinks[1]])
        XCTAssertEqual(runner.copied, [Self.storyURL])
    }
}
