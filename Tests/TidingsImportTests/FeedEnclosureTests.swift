import Foundation
import XCTest
@testable import TidingsModel

/// Files feed items carry (podcast episodes, videos): RSS `enclosure`, Atom `rel="enclosure"` and Media RSS
/// `media:content`, shown after the item's text as numbered links, and the link of an item without one.
final class FeedEnclosureTests: XCTestCase {
    func stories(_ xml: String) throws -> [Story] {
        try FeedImporter().stories(in: Array(xml.utf8), path: "/feeds/f.xml")
    }

    func rss(_ items: String) -> String {
        """
        <?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
        <title>Pod</title><link>https://pod.example/show/</link>\(items)</channel></rss>
        """
    }

    func testAPodcastEpisodeShowsItsEnclosureAndOpensIt() throws {
        let story = try XCTUnwrap(stories(rss("""
            <item><title>Episode 1</title><guid isPermaLink="false">ep1</guid>
            <enclosure url="https://pod.example/ep1.mp3" length="12345678" type="audio/mpeg"/></item>
            """)).first)
        XCTAssertEqual(story.body.lines, ["Enclosure: ep1.mp3 (audio/mpeg, 12 MB)"], "sized as attachments are")
        XCTAssertEqual(story.body.links, ["https://pod.example/ep1.mp3"])
        XCTAssertEqual(story.body.blocks[0].runs.map(\.link), [nil, 0, nil], "the name is the numbered link")
        XCTAssertEqual(story.url, "https://pod.example/ep1.mp3", "an item without a link of its own is about its enclosure")
        XCTAssertEqual(story.id, try stories(rss("<item><title>Episode 1</title><guid isPermaLink=\"false\">ep1</guid></item>"))[0].id,
                       "the enclosure plays no part in the id")
    }

    func testEnclosuresFollowTheTextAndKeepTheItemsOwnLink() throws {
        let story = try XCTUnwrap(stories(rss("""
            <item><title>Episode 2</title><link>https://pod.example/show/2</link>
            <description>Show &lt;a href="files/ep2.mp3"&gt;notes&lt;/a&gt;.</description>
            <enclosure url="files/ep2.mp3" length="0" type=" Audio/MPEG "/>
            <enclosure url="https://pod.example/show/files/ep2.mp3" type="audio/mpeg"/>
            <enclosure url="https://cdn.example/a/ep%202%20(final).ogg?token=1#t" length="900" />
            <enclosure type="audio/mpeg"/>
            <media:content url="https://cdn.example/ep2-media.mp3" type="audio/mpeg"/></item>
            """)).first)
        XCTAssertEqual(story.url, "https://pod.example/show/2", "`o` keeps the item's own link")
        // The relative enclosure resolves against the feed's link; the text's link to the same file keeps its
        // number; a length of 0 is no size; the same address twice is shown once; one without an address is
        // none; `media:content` beside enclosures repeats them and is not shown.
        XCTAssertEqual(story.body.lines, ["Show notes.", "Enclosure: ep2.mp3 (audio/mpeg)", "Enclosure: ep 2 (final).ogg (900 B)"])
        XCTAssertEqual(story.body.links, ["https://pod.example/show/files/ep2.mp3", "https://cdn.example/a/ep%202%20(final).ogg?token=1#t"])
        XCTAssertEqual(story.body.blocks[1].runs.map(\.link), [nil, 0, nil])
        XCTAssertEqual(story.body.blocks[2].runs.map(\.link), [nil, 1, nil])
    }

    func testAtomEnclosureLinksResolveAgainstXMLBase() throws {
        let story = try XCTUnwrap(stories("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link href="https://a.example/"/>
            <entry xml:base="https://cdn.example/audio/"><id>urn:a:1</id><title>Talk</title>
            <link rel="enclosure" href="talk.m4a" type="audio/mp4" length="2048"/>
            <link rel="ENCLOSURE" href="https://cdn.example/"/>
            <summary>Words.</summary></entry></feed>
            """).first)
        XCTAssertEqual(story.url, "https://cdn.example/audio/talk.m4a", "an enclosure is no alternate link, but stands in for one")
        XCTAssertEqual(story.body.lines, ["Words.", "Enclosure: talk.m4a (audio/mp4, 2.0 KB)", "Enclosure: https://cdn.example/"],
                       "an address with no file name is its own name")
        XCTAssertEqual(story.body.links, ["https://cdn.example/audio/talk.m4a", "https://cdn.example/"])
    }

    /// YouTube's feeds carry their video only as `media:group/media:content`: the first of a group (the
    /// others are the same file in other forms) is the link of an item without one, and is shown unless it
    /// is a player to embed.
    func testMediaContentAloneIsShown() throws {
        let found = try stories(rss("""
            <item><title>Video</title><guid>v1</guid><media:group><media:title>Video</media:title>
            <media:content url="https://www.youtube.com/v/abc?version=3" type="application/x-shockwave-flash" fileSize="4096"/>
            <media:content url="https://cdn.example/abc.mp4" type="video/mp4"/></media:group></item>
            <item><title>Photos</title><guid>p1</guid><media:content url="https://img.example/one.jpg" medium="image"/>
            <media:content url="https://img.example/two.jpg"/><media:content medium="image"/></item>
            """))
        // The first of the group is YouTube's player, no file: not listed, but the link of an item without
        // one; the file after it in the group is listed.
        XCTAssertEqual(found[0].body.lines, ["Enclosure: abc.mp4 (video/mp4)"])
        XCTAssertEqual(found[0].url, "https://www.youtube.com/v/abc?version=3")
        // An image (an avatar, a header picture) is no file the item carries: only what is not one.
        XCTAssertEqual(found[1].body.lines, ["Enclosure: two.jpg"])
    }

    /// What a feed writes is kept in bounds: a type is cut short, a size that is no count is none, an item
    /// keeps a limited number of enclosures. (Control characters are taken out when laid out, as in all text.)
    func testUntrustedAttributesAreKeptInBounds() throws {
        let longType = String(repeating: "x", count: 500)
        let story = try XCTUnwrap(stories(rss("""
            <item><title>Odd</title><enclosure url="https://e.example/a.mp3" type="audio/\(longType)" length="-5"/>
            \(String(repeating: "<enclosure url=\"https://e.example/many.mp3\"/>", count: 100))</item>
            """)).first)
        XCTAssertEqual(story.body.blocks.count, 2, "one file given 100 times is shown once")
        let type = String(story.body.lines[0].split(separator: "(")[1].dropLast())
        XCTAssertEqual(type.count, FeedEnclosure.typeLimit)
        XCTAssertEqual(FeedEnclosure.size("99999999999999999999"), nil, "never trapping")
        XCTAssertEqual(FeedEnclosure.size(" 42 "), 42)
        XCTAssertEqual(FeedEnclosure.size("4 2"), nil)
        let many = try FeedScan.scan(Array(rss("<item>" + (0..<100).map { "<enclosure url=\"https://e.example/\($0).mp3\"/>" }.joined() + "</item>").utf8))
        XCTAssertEqual(many.entries[0].enclosures.count, FeedEnclosure.limit)
    }

    /// Listing builds no body: the list entry has the enclosure's link, and opening the item from its entry
    /// gives the same story as reading the whole file.
    func testListingAndOpeningAgree() throws {
        let bytes = Array(rss("""
            <item><title>One</title><guid>g1</guid><enclosure url="/e/1.mp3" type="audio/mpeg"/></item>
            <item><title>Two</title><guid>g2</guid><link>https://pod.example/2</link></item>
            """).utf8)
        let importer = FeedImporter()
        let summaries = try importer.summaries(in: bytes, path: "f.xml", needsCommentIDs: { _, _ in false }).map(\.summary)
        XCTAssertEqual(summaries.map(\.header.url), ["https://pod.example/e/1.mp3", "https://pod.example/2"])
        let whole = try importer.stories(in: bytes, path: "f.xml")
        for (summary, story) in zip(summaries, whole) { XCTAssertEqual(try importer.story(in: bytes, for: summary), story) }
    }

    func testFileNames() {
        XCTAssertEqual(FeedEnclosureText.name("https://pod.example/a/ep1.mp3?x=1"), "ep1.mp3")
        XCTAssertEqual(FeedEnclosureText.name("https://pod.example/a/"), "a")
        XCTAssertEqual(FeedEnclosureText.name("https://pod.example"), "https://pod.example")
        XCTAssertEqual(FeedEnclosureText.name("ep%ZZ.mp3"), "ep%ZZ.mp3", "a bad escape is kept as written")
    }
}

extension FeedEnclosureTests {
    /// A YouTube video's text is its `media:description` (plain text, its lines kept: chapters, credits and
    /// links one a line), used when the entry has no summary or content of its own.
    func testAVideosDescriptionIsItsTextWithItsLines() throws {
        let found = try stories("""
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>Retro</title>
            <entry><id>yt:video:a1</id><title>Restoring a Mac</title><link rel="alternate" href="https://www.youtube.com/watch?v=a1"/>
            <media:group><media:title>Restoring a Mac</media:title>
            <media:description>We open it &amp; recap it.
            Chapters:
            0:00 Intro
            2:15 Opening the case

            Parts: https://example.com/parts</media:description></media:group></entry>
            <entry><id>urn:e2</id><title>Both</title><summary>The summary.</summary>
            <media:description>Not this.</media:description></entry>
            <entry><id>urn:e3</id><title>HTML</title><media:description type="html">&lt;b&gt;Bold&lt;/b&gt; words</media:description></entry>
            </feed>
            """)
        XCTAssertEqual(found[0].body.lines, ["We open it & recap it.\nChapters:\n0:00 Intro\n2:15 Opening the case",
                                             "Parts: https://example.com/parts"])
        XCTAssertEqual(found[0].body.links, ["https://example.com/parts"])
        XCTAssertEqual(found[1].body.lines, ["The summary."], "the entry's own text comes first")
        XCTAssertEqual(found[2].body.lines, ["Bold words"])
    }
}

extension FeedEnclosureTests {
    /// A space written into an address (podcast hosts do) is `%20`, so the file opens; its name keeps it.
    func testAnAddressWithASpaceOpens() throws {
        let story = try XCTUnwrap(stories(rss("""
            <item><title>Ep</title><link> https://pod.example/show/episode 3 </link>
            <enclosure url="https://pod.example/files/my episode.mp3" type="audio/mpeg"/>
            <enclosure url="files/other one.mp3"/></item>
            """)).first)
        XCTAssertEqual(story.url, "https://pod.example/show/episode%203")
        XCTAssertEqual(story.body.links, ["https://pod.example/files/my%20episode.mp3", "https://pod.example/show/files/other%20one.mp3"])
        XCTAssertEqual(story.body.lines, ["Enclosure: my episode.mp3 (audio/mpeg)", "Enclosure: other one.mp3"])
    }
}
