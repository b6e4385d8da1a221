import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// A podcast item in the story pane: its enclosure after the text, a numbered link that the digit keys
/// open, `o` opening it when the item has no link of its own, what the feed wrote cleaned on the way.
final class FeedEnclosureScreenTests: XCTestCase {
    static let feed = """
        <rss version="2.0"><channel><title>Pod</title><link>https://pod.example/</link>
        <item><title>Episode 1</title><guid isPermaLink="false">ep1</guid>
        <enclosure url="https://pod.example/ep1.mp3" length="12345678" type="audio/mpeg"/></item>
        <item><title>Episode 2</title><link>https://pod.example/2</link><description>Notes.</description>
        <enclosure url="https://pod.example/e\u{1B}[31m2.mp3" type="audio/\u{1B}[2Jmpeg\u{07}"/></item>
        </channel></rss>
        """

    func stories() throws -> [Story] {
        try FeedImporter().stories(in: Array(Self.feed.utf8), path: "/feeds/pod.xml")
    }

    func testTheEnclosureIsANumberedLinkAfterTheText() throws {
        let story = try stories()[0]
        let text = StoryText.lines(for: story, width: 60, timeZone: TimeZone(identifier: "UTC")!).map(\.text)
        XCTAssertTrue(text.contains("Enclosure: ep1.mp3[1] (audio/mpeg, 12 MB)"), text.joined(separator: "\n"))
        XCTAssertTrue(text.contains("[1] https://pod.example/ep1.mp3"), "listed under the text as links are")
        XCTAssertFalse(text.contains("(no story text)"))
        var state = AppState(stories: try stories(), width: 80, height: 24)
        XCTAssertEqual(state.update(.key(.character("1"))), [.openURL("https://pod.example/ep1.mp3")])
        XCTAssertEqual(state.update(.key(.character("o"))), [.openURL("https://pod.example/ep1.mp3")],
                       "no link of its own: `o` opens the enclosure")
        state.press(.down)
        XCTAssertEqual(state.update(.key(.character("o"))), [.openURL("https://pod.example/2")], "the item's own link first")
    }

    func testControlCharactersInTheTypeAndAddressNeverReachTheScreen() throws {
        let story = try stories()[1]
        XCTAssertTrue(story.body.lines[1].contains("\u{1B}"), "the feed's bytes as written, up to the screen")
        for width in [80, 30, 12] {
            let rows = StoryText.lines(for: story, width: width, timeZone: TimeZone(identifier: "UTC")!).map(\.text)
            XCTAssertFalse(rows.joined().unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(width): \(rows)")
            XCTAssertTrue(rows.joined().contains("Enclosure:"), "\(width)")
        }
    }
}

extension FeedEnclosureScreenTests {
    /// A channel whose videos are by the channel itself (YouTube) is named once in the story's header.
    func testAFeedThatIsItsItemsAuthorIsNamedOnce() {
        var story = StoryBuilder.story("v", comments: [])
        story.header.category = "Retro Computing"
        story.header.author = "Retro Computing"
        story.header.dateText = "today"
        let text = StoryText.lines(for: story, width: 60, timeZone: TimeZone(identifier: "UTC")!).map(\.text)
        XCTAssertTrue(text.contains("Retro Computing · today"), text.joined(separator: "\n"))
        story.header.author = "Someone"
        XCTAssertTrue(StoryText.lines(for: story, width: 60, timeZone: TimeZone(identifier: "UTC")!).map(\.text)
            .contains("Retro Computing · Someone · today"))
    }
}

extension FeedEnclosureScreenTests {
    /// A feed item is an article: the list shows no comment count for one without comments (it showed `0`),
    /// but shows what a feed declared, and a discussion site's story with no comments keeps its `0`.
    func testAFeedItemWithoutCommentsShowsNoCount() throws {
        var items = try stories()
        items[1].declaredComments = 4
        var discussion = StoryBuilder.story("Ask HN: nothing yet", comments: [])
        discussion.format = "hn"
        var state = AppState(stories: items + [discussion], width: 60, height: 12)
        let screen = state.render()
        let rows = (1...3).map { screen.row($0).trimmingCharacters(in: .whitespaces) }
        XCTAssertTrue(rows[0].hasSuffix("Episode 1"), "no count: '\(rows[0])'")
        XCTAssertTrue(rows[1].hasSuffix("4 unsaved"), rows[1])
        XCTAssertTrue(rows[2].hasSuffix(" 0"), rows[2])
        // Nor does its text say "0 comments"; a declared count is said.
        let utc = TimeZone(identifier: "UTC")!
        XCTAssertFalse(StoryText.lines(for: items[0], width: 60, timeZone: utc).map(\.text).contains("0 comments"))
        XCTAssertTrue(StoryText.lines(for: items[1], width: 60, timeZone: utc).map(\.text).contains("4 comments, none saved"))
        XCTAssertTrue(StoryText.lines(for: discussion, width: 60, timeZone: utc).map(\.text).contains("0 comments"))
    }
}
