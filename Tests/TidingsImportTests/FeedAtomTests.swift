import Foundation
import XCTest
@testable import TidingsModel

/// Atom feeds: text, HTML and XHTML content, `xml:base`, relative links, inherited authors, prefixes used
/// without being declared.
final class FeedAtomTests: XCTestCase {
    func testEntriesWithTextHTMLAndXHTMLContent() throws {
        let stories = try DiscussionFixture.stories("feed_atom.xml")
        XCTAssertEqual(stories.map(\.id), ["feed:urn:uuid:text", "feed:urn:uuid:html", "feed:urn:uuid:xhtml", "feed:urn:uuid:summary"])
        XCTAssertEqual(stories.map(\.title), ["Text entry", "HTML & title", "XHTML title", "Summary only, untyped HTML"])
        XCTAssertEqual(stories.map(\.category), Array(repeating: "Atom <Example>", count: 4), "the feed's type=\"html\" title as text")
        // Type text: paragraphs at the blank line, the lines of each joined; `<` is text.
        XCTAssertEqual(stories[0].body.lines, ["First line of the first paragraph.", "Second paragraph <not a tag>."])
        // Type html: content before summary.
        XCTAssertEqual(stories[1].body.lines, ["Escaped HTML body"])
        // Type xhtml: the inside of the div, prefixed names and all; its enclosure after it.
        XCTAssertEqual(stories[2].body.lines, ["Inline XHTML & a link.", "Second", "Enclosure: audio.mp3"])
        XCTAssertEqual(stories[2].body.blocks[0].runs.map(\.emphasis), [.none, .bold, .none, .none, .none])
        // A summary without a type that is HTML all the same.
        XCTAssertEqual(stories[3].body.lines, ["Labelled as text, written as HTML"])
    }

    func testLinksAndXMLBase() throws {
        let stories = try DiscussionFixture.stories("feed_atom.xml")
        // `posts/text` against the feed's xml:base; the entry's own xml:base; rel="enclosure" is not the link
        // of an entry with one of its own, but a link of its text, resolved against the feed's xml:base.
        XCTAssertEqual(stories.map(\.url), ["https://atom.example.net/base/posts/text", "https://other.example.net/dir/page.html",
                                            "https://atom.example.net/xhtml", nil])
        XCTAssertEqual(stories[1].body.links, ["https://other.example.net/dir/img/x.png"])
        XCTAssertEqual(stories[2].body.links, ["https://atom.example.net/base/rel/link", "https://atom.example.net/base/audio.mp3"])
    }

    func testAuthorsDatesAndCounts() throws {
        let stories = try DiscussionFixture.stories("feed_atom.xml")
        // An entry without an author takes the feed's; dc:creator with an undeclared prefix still counts.
        XCTAssertEqual(stories.map(\.author), ["Feed Author", "Entry Author", "Undeclared Prefix", "Feed Author"])
        // `published` before `updated`.
        XCTAssertEqual(stories.map(\.date), [Date(timeIntervalSince1970: 1_717_236_000), Date(timeIntervalSince1970: 1_717_135_200),
                                             Date(timeIntervalSince1970: 1_717_243_200), Date(timeIntervalSince1970: 1_717_246_800)])
        // thr:count on the replies link; thr:total with its prefix undeclared.
        XCTAssertEqual(stories.map(\.declaredComments), [7, nil, 3, nil])
    }

    func testAnAtomFeedWithoutItsNamespace() throws {
        let text = """
            <feed><title>Bare</title><link href="https://bare.example/"/>
            <entry><title>One</title><id>1</id><link href="one"/><updated>2024-01-02T03:04:05Z</updated>
            <author><email>one@bare.example</email></author><summary>Plain</summary></entry></feed>
            """
        let story = try XCTUnwrap(FeedImporter().stories(in: Array(text.utf8), path: "bare.atom").first)
        XCTAssertEqual(story.id, FeedStoryID.id(key: "1", scope: FeedStoryID.scope(naming: "link https://bare.example\ntitle Bare")), "an id that is no URI is scoped by its feed")
        XCTAssertEqual(story.url, "https://bare.example/one")
        XCTAssertEqual(story.author, "one@bare.example")
        XCTAssertEqual(story.category, "Bare")
        XCTAssertEqual(story.body.lines, ["Plain"])
    }

    func testContentElsewhereOrNotTextFallsBackToTheSummary() throws {
        let text = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
            <entry><title>A</title><id>a</id><content src="https://x.example/a.html" type="text/html"/><summary>Sum A</summary></entry>
            <entry><title>B</title><id>b</id><content type="image/png">iVBORw0KGgo=</content><summary>Sum B</summary></entry>
            <entry><title>C</title><id>c</id><content type="text/html">&lt;p&gt;C&lt;/p&gt;</content></entry>
            </feed>
            """
        let stories = try FeedImporter().stories(in: Array(text.utf8), path: "f.atom")
        XCTAssertEqual(stories.map(\.body.lines), [["Sum A"], ["Sum B"], ["C"]])
    }

    func testUndeclaredPrefixesResolveByTheirUsualNames() throws {
        let text = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>A</title><content:encoded>&lt;p&gt;Encoded&lt;/p&gt;</content:encoded><description>Desc</description>
            <dc:creator>Dee</dc:creator><slash:comments>4</slash:comments><weird:title>Not it</weird:title></item>
            </channel></rss>
            """
        let story = try XCTUnwrap(FeedImporter().stories(in: Array(text.utf8), path: "t.rss").first)
        XCTAssertEqual(story.title, "A")
        XCTAssertEqual(story.author, "Dee")
        XCTAssertEqual(story.declaredComments, 4)
        XCTAssertEqual(story.body.lines, ["Encoded"])
    }

    func testOnlyTheStoryAskedForIsRendered() throws {
        let importer = FeedImporter()
        let bytes = try DiscussionFixture.bytes("feed_atom.xml")
        let path = DiscussionFixture.path("feed_atom.xml")
        let summaries = try importer.summaries(in: bytes, path: path, needsCommentIDs: { _, _ in false }).map(\.summary)
        XCTAssertEqual(summaries.map(\.title), ["Text entry", "HTML & title", "XHTML title", "Summary only, untyped HTML"])
        let third = try importer.story(in: bytes, for: summaries[2])
        XCTAssertEqual(third.id, "feed:urn:uuid:xhtml")
        XCTAssertEqual(third.body.lines, ["Inline XHTML & a link.", "Second", "Enclosure: audio.mp3"])
        // By its locator when the id changed (the file was edited).
        var moved = summaries[1]
        moved.id = "feed:gone"
        XCTAssertEqual(try importer.story(in: bytes, for: moved).id, "feed:urn:uuid:html")
        // Building one story leaves the others alone: the list entry is exactly the story's.
        XCTAssertEqual(third.summary, summaries[2])
    }
}
