import Foundation
import XCTest
@testable import TidingsModel
import TidingsTestSupport

/// RSS 2.0 and RSS 1.0 feeds: one story per item, with the fields feeds actually use.
final class FeedRSSTests: XCTestCase {
    func testRSS2ItemsWithContentEncodedDescriptionCDATAAndEntities() throws {
        let stories = try DiscussionFixture.stories("feed_rss2.xml")
        XCTAssertEqual(stories.map(\.id), ["feed:tag:example.com,2024:1", "feed:https://example.com/blog/tom", stories[2].id])
        XCTAssertEqual(stories.map(\.title), ["Cats & <Dogs>", "Tom & Jerry\u{A0}Show éé &bogus;", "No id, no link"])
        XCTAssertEqual(stories.map(\.url), ["https://example.com/blog/cats", "https://example.com/blog/tom", nil])
        XCTAssertEqual(stories.map(\.author), ["Ada", "Ada Lovelace", nil])
        XCTAssertEqual(stories.map(\.category), ["Example & Co. Blog", "Example & Co. Blog", "Example & Co. Blog"])
        XCTAssertEqual(stories.map(\.declaredComments), [12, nil, nil])
        XCTAssertEqual(stories.map(\.format), ["feed", "feed", "feed"])
        XCTAssertEqual(stories.map(\.source.locator), ["0", "1", "2"])
        XCTAssertEqual(stories[0].date, Date(timeIntervalSince1970: 1_717_227_300))
        XCTAssertEqual(stories[1].date, Date(timeIntervalSince1970: 1_717_520_400), "10:00 PDT is 17:00 UTC")
        XCTAssertNil(stories[2].date)
        XCTAssertEqual(stories[2].dateText, "not a date at all")

        // content:encoded wins over description; its relative link is made absolute against the item's link.
        // The HTML renderer shows a no-break space as a space.
        XCTAssertEqual(stories[0].body.lines, ["Full text with a relative link.", "Second paragraph."])
        XCTAssertEqual(stories[0].body.links, ["https://example.com/blog/more"])
        XCTAssertEqual(stories[0].body.blocks[0].runs.map(\.emphasis), [.none, .bold, .none, .none, .none])
        // The description, escaped HTML with an undeclared `&nbsp;` escaped once more.
        XCTAssertEqual(stories[1].body.lines, ["Hello world, see more"])
        XCTAssertEqual(stories[1].body.links, ["https://example.com/blog/more.html"])
        XCTAssertEqual(stories[2].body.lines, ["Plain words."])
        XCTAssertTrue(stories.allSatisfy { $0.comments.isEmpty })
    }

    /// An RSS item opened from its list entry is read up to its place only, and is the same story the whole
    /// file gives; an entry whose item moved (the file changed) is still found by reading all of it.
    func testAnItemIsOpenedFromTheBytesUpToItsPlace() throws {
        let bytes = try DiscussionFixture.bytes("feed_rss2.xml")
        let importer = FeedImporter()
        let whole = try importer.stories(in: bytes, path: "f.xml")
        let summaries = try importer.summaries(in: bytes, path: "f.xml", needsCommentIDs: { _, _ in false })
        for (summary, story) in zip(summaries.map(\.summary), whole) {
            XCTAssertEqual(try importer.story(in: bytes, for: summary), story)
        }
        let partial = try FeedScan.scan(bytes, stoppingAfter: 0)
        XCTAssertTrue(partial.stoppedEarly)
        XCTAssertEqual(partial.entries.count, 1, "nothing after the first item is read")
        // The first item's entry now points at the second place: found by its id in the whole file.
        var moved = summaries[0].summary
        moved.source.locator = "1"
        XCTAssertEqual(try importer.story(in: bytes, for: moved), whole[0])
        // Atom entries may answer one another in the file: an Atom feed is always read whole.
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
            <entry><id>urn:a</id><title>First</title></entry><entry><id>urn:b</id><title>Second</title></entry></feed>
            """
        XCTAssertFalse(try FeedScan.scan(Array(atom.utf8), stoppingAfter: 0).stoppedEarly)
    }

    func testAnItemWithoutIDOrLinkGetsAStableHashOfTitleAndDate() throws {
        let first = try DiscussionFixture.stories("feed_rss2.xml")[2].id
        XCTAssertTrue(first.hasPrefix("feed:"))
        XCTAssertEqual(first.count, 5 + 11 + 1 + 11, "a hash scoped by its feed")
        let renamed = try FeedImporter().stories(in: Array(try DiscussionFixture.bytes("feed_rss2.xml")), path: "/elsewhere/f.xml")[2].id
        XCTAssertEqual(renamed, first, "the id does not depend on the file")
        let other = rss(items: "<item><title>No id, no link</title><pubDate>another date</pubDate></item>")
        XCTAssertNotEqual(try FeedImporter().stories(in: other, path: "x.xml")[0].id, first)
    }

    func testItemsSharingALinkStayApartAndARepeatedGuidIsReadOnceUnlessItsLinkOrTitleDiffers() throws {
        let bytes = rss(items: """
            <item><title>A</title><link>https://example.com/</link></item>
            <item><title>B</title><link>https://example.com/</link></item>
            <item><title>C</title><guid>g1</guid></item>
            <item><title>C again</title><guid>g1</guid></item>
            <item><title>Post D</title><guid>https://site.example/</guid><link>https://site.example/d</link></item>
            <item><title>Post D, updated</title><guid>https://site.example/</guid><link>https://site.example/d</link></item>
            <item><title>Post E</title><guid>https://site.example/</guid><link>https://site.example/e</link></item>
            <item><title>F</title><link>https://site.example/</link></item>
            """)
        let stories = try FeedImporter().stories(in: bytes, path: "x.xml")
        let scope = FeedStoryID.scope(naming: "link \ntitle Test")
        XCTAssertEqual(stories.map(\.id), ["feed:https://example.com/#" + FeedItems.hashKey(item("A"), bytes: []), "feed:https://example.com/#" + FeedItems.hashKey(item("B"), bytes: []),
                                           "feed:\(scope)~g1", "feed:\(scope)~g1#2",
                                           "feed:https://site.example/#https://site.example/d", "feed:https://site.example/#https://site.example/e",
                                           "feed:https://site.example/"])
        XCTAssertEqual(stories.map(\.title), ["A", "B", "C", "C again", "Post D", "Post E", "F"], "one guid on items of other links or titles: each kept")
        let summaries = try FeedImporter().summaries(in: bytes, path: "x.xml", needsCommentIDs: { _, _ in false })
        XCTAssertEqual(summaries.map(\.summary.id), stories.map(\.id))
        // A number given never meets an id written with one.
        let clash = rss(items: """
            <item><title>Comment 2</title><guid>http://blog/post#2</guid><link>http://blog/post#c2</link></item>
            <item><title>Post</title><guid>http://blog/post</guid><link>http://blog/post</link></item>
            <item><title>Post (AMP)</title><guid>http://blog/post</guid><link>http://blog/post/amp</link></item>
            <item><title>Other</title><link>http://blog/post#3</link></item>
            """)
        XCTAssertEqual(try FeedImporter().stories(in: clash, path: "x.xml").map(\.id),
                       ["feed:http://blog/post#2", "feed:http://blog/post#http://blog/post", "feed:http://blog/post#http://blog/post/amp",
                        "feed:http://blog/post#3"])
        // A new item on top with the same guid: the others keep their ids (and read marks).
        let before = rss(items: """
            <item><title>Post A</title><guid>post</guid><link>http://blog/a</link></item>
            <item><title>Post B</title><guid>post</guid><link>http://blog/b</link></item>
            """)
        let after = rss(items: """
            <item><title>Post C</title><guid>post</guid><link>http://blog/c</link></item>
            <item><title>Post A</title><guid>post</guid><link>http://blog/a</link></item>
            <item><title>Post B</title><guid>post</guid><link>http://blog/b</link></item>
            """)
        let noLinks = rss(items: """
            <item><title>Post A</title><guid>post</guid></item>
            <item><title>Post B</title><guid>post</guid></item>
            <item><title>Post B</title><guid>post</guid></item>
            """)
        XCTAssertEqual(try FeedImporter().stories(in: noLinks, path: "x.xml").map(\.title), ["Post A", "Post B"], "no links: titles tell them apart")
        let ids = try FeedImporter().stories(in: before, path: "x.xml").map(\.id)
        XCTAssertEqual(Array(try FeedImporter().stories(in: after, path: "x.xml").map(\.id).dropFirst()), ids)
    }

    /// Guid `1` of one feed and guid `1` of another are two stories (a mark on one never reads the other);
    /// the same feed saved in two files is one, and a URI guid names its item in every feed.
    func testAGuidThatIsNoURIIsKnownWithinItsFeed() throws {
        func feed(_ title: String, link: String?, _ items: String) -> [UInt8] {
            Array("<rss version=\"2.0\"><channel><title>\(title)</title>\(link.map { "<link>\($0)</link>" } ?? "")\(items)</channel></rss>".utf8)
        }
        let items = "<item><title>One</title><guid isPermaLink=\"false\">1</guid></item><item><title>Plain</title></item>"
            + "<item><title>Tagged</title><guid>tag:example.org,2026:7</guid></item>"
        let cooking = try FeedImporter().stories(in: feed("Cooking", link: "https://cook.example/", items), path: "a.xml").map(\.id)
        let security = try FeedImporter().stories(in: feed("Security", link: "https://sec.example/", items), path: "b.xml").map(\.id)
        XCTAssertNotEqual(cooking[0], security[0], "guid 1 of two feeds")
        XCTAssertNotEqual(cooking[1], security[1], "an item without guid or link, in two feeds")
        XCTAssertEqual(cooking[2], "feed:tag:example.org,2026:7")
        XCTAssertEqual(security[2], cooking[2], "a URI guid is the same item wherever it is saved")
        let snapshot = try FeedImporter().stories(in: feed("Cooking", link: "https://cook.example", items), path: "saved/c.xml").map(\.id)
        XCTAssertEqual(snapshot, cooking, "the same feed (its link and title) in another file, its link without the slash")
        // One site's two feeds share its link: their titles tell them apart.
        let jobs = try FeedImporter().stories(in: feed("Cooking jobs", link: "https://cook.example/", items), path: "a.xml").map(\.id)
        XCTAssertNotEqual(jobs[0], cooking[0])
        // Without a link, the title names the feed; without either, the file's name.
        let byTitle = try FeedImporter().stories(in: feed("Cooking", link: nil, items), path: "a.xml")[0].id
        let otherTitle = try FeedImporter().stories(in: feed("Security", link: nil, items), path: "a.xml")[0].id
        XCTAssertNotEqual(byTitle, otherTitle)
        let bare = Array("<rss><channel><item><title>One</title><guid>1</guid></item></channel></rss>".utf8)
        XCTAssertNotEqual(try FeedImporter().stories(in: bare, path: "x/a.xml")[0].id, try FeedImporter().stories(in: bare, path: "x/b.xml")[0].id)
        XCTAssertNotEqual(try FeedImporter().stories(in: bare, path: "siteA/rss.xml")[0].id, try FeedImporter().stories(in: bare, path: "siteB/rss.xml")[0].id,
                          "the file's path, not its name alone")
        // The id before scoping is kept beside it, for its marks to be taken over.
        let story = try FeedImporter().stories(in: feed("Cooking", link: "https://cook.example/", items), path: "a.xml")[0]
        XCTAssertEqual(story.legacyID, "feed:1")
        let summary = try FeedImporter().summaries(in: feed("Cooking", link: "https://cook.example/", items), path: "a.xml", needsCommentIDs: { _, _ in false })[0]
        XCTAssertEqual(summary.summary.legacyID, "feed:1")
        XCTAssertNil(try FeedImporter().stories(in: feed("Cooking", link: "https://cook.example/", items), path: "a.xml")[2].legacyID)
    }

    /// A status page whose items share its link and have no guid: a new item on top takes no older item's id
    /// (it would start read with that item's mark).
    func testANewItemSharingALinkTakesNoOlderItemsID() throws {
        let before = rss(items: """
            <item><title>Outage resolved</title><link>https://status.example/</link></item>
            <item><title>Maintenance window</title><link>https://status.example/</link></item>
            """)
        let after = rss(items: """
            <item><title>NEW: Database outage in progress</title><link>https://status.example/</link></item>
            <item><title>Outage resolved</title><link>https://status.example/</link></item>
            <item><title>Maintenance window</title><link>https://status.example/</link></item>
            """)
        let old = try FeedImporter().stories(in: before, path: "s.xml").map(\.id)
        let new = try FeedImporter().stories(in: after, path: "s.xml").map(\.id)
        XCTAssertEqual(Array(new.dropFirst()), old)
        XCTAssertFalse(old.contains(new[0]))
        // A status page that links every item to its own home, one item at a time: each is known by what it
        // says, so the next one alone takes no mark of the one before.
        func status(_ items: String) -> [UInt8] {
            Array("<rss><channel><title>Status</title><link>https://status.example/</link>\(items)</channel></rss>".utf8)
        }
        let first = try FeedImporter().stories(in: status("<item><title>Outage investigating</title><link>https://status.example/</link></item>"), path: "s.xml")
        let next = try FeedImporter().stories(in: status("<item><title>Maintenance on Friday</title><link>https://status.example</link></item>"), path: "s.xml")
        XCTAssertNotEqual(first[0].id, next[0].id)
        // Same title, no date: the text tells them apart, wherever a new one comes.
        let two = "<item><title>Scheduled maintenance</title><description>Database</description><link>https://status.example/</link></item>"
            + "<item><title>Scheduled maintenance</title><description>Network</description><link>https://status.example/</link></item>"
        let three = "<item><title>Scheduled maintenance</title><description>Storage</description><link>https://status.example/</link></item>" + two
        let before2 = try FeedImporter().stories(in: status(two), path: "s.xml").map(\.id)
        let after3 = try FeedImporter().stories(in: status(three), path: "s.xml").map(\.id)
        XCTAssertEqual(Array(after3.dropFirst()), before2)
        XCTAssertFalse(before2.contains(after3[0]))
        // A guid of megabytes is not written into the state file: its hash stands in.
        let huge = String(repeating: "g", count: 100_000)
        let long = try FeedImporter().stories(in: status("<item><title>Long</title><guid>\(huge)</guid></item>"), path: "s.xml")[0]
        XCTAssertLessThan(long.id.utf8.count, 64)
        // The very same item twice (link, title and date) is numbered: both kept.
        let twice = rss(items: "<item><title>Same</title><link>https://s.example/</link></item><item><title>Same</title><link>https://s.example/</link></item>")
        let ids = try FeedImporter().stories(in: twice, path: "s.xml").map(\.id)
        XCTAssertEqual(ids.count, 2)
        XCTAssertEqual(ids[1], ids[0] + "#2")
    }

    func testAPermalinkGuidIsTheLinkWhenThereIsNone() throws {
        let bytes = rss(items: "<item><title>A</title><guid>https://example.com/a</guid></item>")
        let story = try XCTUnwrap(FeedImporter().stories(in: bytes, path: "x.xml").first)
        XCTAssertEqual(story.id, "feed:https://example.com/a")
        XCTAssertEqual(story.url, "https://example.com/a")
    }

    func testAFeedOnOneLine() throws {
        let text = #"<?xml version="1.0"?><rss version="2.0"><channel><title>One line</title><link>https://one.example/</link><item><title>First</title><link>https://one.example/1</link><description>&lt;p&gt;One&lt;/p&gt;</description></item><item><title>Second</title><link>https://one.example/2</link></item></channel></rss>"#
        let stories = try FeedImporter().stories(in: Array(text.utf8), path: "one.rss")
        XCTAssertEqual(stories.map(\.title), ["First", "Second"])
        XCTAssertEqual(stories.map(\.category), ["One line", "One line"])
        XCTAssertEqual(stories[0].body.lines, ["One"])
        XCTAssertEqual(stories[1].body.lines, [])
    }

    func testRSS1ItemsOutsideTheChannel() throws {
        let stories = try DiscussionFixture.stories("feed_rss1.xml")
        XCTAssertEqual(stories.map(\.id), ["feed:https://news.example.org/2", "feed:https://news.example.org/1"],
                       "only the items present count, not the three the rdf:Seq lists")
        XCTAssertEqual(stories.map(\.title), ["Second release", "First release"])
        XCTAssertEqual(stories.map(\.category), ["Example News", "Example News"])
        XCTAssertEqual(stories.map(\.author), ["Press team", nil])
        XCTAssertEqual(stories[0].date, Date(timeIntervalSince1970: 1_671_235_200))
        XCTAssertEqual(stories[1].date, Date(timeIntervalSince1970: 1_662_805_800))
        XCTAssertEqual(stories[0].body.lines, ["The project is pleased to announce “two”."], "<q> between quotation marks")
    }

    func testRSS091WithItsDoctypeReadsAndItsHTMLEntitiesDecode() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
              "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Caf&eacute;</title><link>https://cafe.example/</link>
            <item><title>Cr&egrave;me br&ucirc;l&eacute;e</title><link>https://cafe.example/1</link>
            <description>Sweet &amp; cold</description></item></channel></rss>
            """
        let stories = try FeedImporter().stories(in: Array(text.utf8), path: "cafe.rss")
        XCTAssertEqual(stories.map(\.title), ["Crème brûlée"])
        XCTAssertEqual(stories.map(\.category), ["Café"])
        XCTAssertEqual(stories[0].body.lines, ["Sweet & cold"])
    }

    func testCharacterReferencesAndUnknownEntities() throws {
        let bytes = rss(items: "<item><title>&#233;&#xE9;&#x1F600; &#0;&#xD800;&#99999999999; &nope; &amp</title></item>")
        XCTAssertEqual(try FeedImporter().stories(in: bytes, path: "x.xml")[0].title,
                       "éé😀 \u{FFFD}\u{FFFD}\u{FFFD} &nope; &",
                       "an RSS title is HTML escaped once more: `&amp` is HTML's legacy ampersand")
    }

    func testLatin1AndWindows1252FeedsAreDecoded() throws {
        var bytes = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf"#.utf8)
        bytes += [0xE9]
        bytes += Array("</title><item><title>".utf8) + [0x93, 0x51, 0x94, 0x20, 0xFC] + Array("</title></item></channel></rss>".utf8)
        let story = try XCTUnwrap(FeedImporter().stories(in: bytes, path: "x.xml").first)
        XCTAssertEqual(story.category, "Café")
        XCTAssertEqual(story.title, "“Q” ü")
    }

    func testAByteOrderMarkAndUTF16() throws {
        let text = #"<?xml version="1.0"?><rss><channel><title>T</title><item><title>Ünïcode</title></item></channel></rss>"#
        let withMark = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        XCTAssertEqual(try FeedImporter().stories(in: withMark, path: "x.xml").map(\.title), ["Ünïcode"])
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        XCTAssertEqual(try FeedImporter().stories(in: utf16, path: "x.xml").map(\.title), ["Ünïcode"])
    }

    func testTheGeneratorsInlineCommentsRenderAsNestedLists() throws {
        let bytes = rss(items: """
            <item><title>T</title><guid isPermaLink="false">s1@bench.invalid</guid>
            <description><![CDATA[<p>Body</p><p>2 comments</p><ul><li><b>a</b>: top<ul><li><b>b</b>: reply</li></ul></li></ul>]]></description></item>
            """)
        let story = try XCTUnwrap(FeedImporter().stories(in: bytes, path: "x.xml").first)
        XCTAssertEqual(story.body.lines, ["Body", "2 comments", "- a: top", "  - b: reply"])
    }

    func testEveryFixtureConforms() throws {
        for name in ["feed_rss2.xml", "feed_rss1.xml", "feed_atom.xml", "feed_comments.xml"] {
            ImporterConformance.check(FeedImporter(), bytes: try DiscussionFixture.bytes(name), path: DiscussionFixture.path(name))
        }
    }

    /// An RSS 2.0 document around the given items.
    /// An entry with only a title, as `FeedItems.hashKey` reads it.
    func item(_ title: String) -> FeedEntry {
        var entry = FeedEntry(index: 0, channel: 0, isAtom: false)
        entry.title = title
        return entry
    }

    func rss(items: String) -> [UInt8] {
        Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test</title>\(items)</channel></rss>".utf8)
    }
}

extension FeedRSSTests {
    /// Addresses a feed writes out without linking them (plain text, an Atom text summary, HTML that names
    /// one in its words) are links numbered where they stand, as in mail; one that is a link already keeps
    /// its number; code is left as written.
    func testAddressesWrittenOutInFeedTextAreLinks() throws {
        let rss = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>a</title><guid>a</guid><description>Visit https://a.example/ now.</description></item>
            <item><title>b</title><guid>b</guid><description>&lt;p&gt;See &lt;a href="https://b.example/"&gt;this&lt;/a&gt;, also https://b.example/ and &lt;code&gt;https://code.example/&lt;/code&gt; and www.c.example.&lt;/p&gt;</description></item>
            </channel></rss>
            """
        let stories = try FeedImporter().stories(in: Array(rss.utf8), path: "/f/t.xml")
        XCTAssertEqual(stories[0].body.links, ["https://a.example/"])
        XCTAssertEqual(stories[0].body.blocks[0].runs.map(\.text), ["Visit ", "https://a.example/", " now."])
        XCTAssertEqual(stories[0].body.blocks[0].runs.map(\.link), [nil, 0, nil])
        XCTAssertEqual(stories[1].body.links, ["https://b.example/", "http://www.c.example"])
        let linked = stories[1].body.blocks[0].runs.compactMap { run in run.link.map { "\(run.text)→\($0)" } }
        XCTAssertEqual(linked, ["this→0", "https://b.example/→0", "www.c.example→1"])
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>tag:a</id>
            <entry><title>e</title><id>tag:e</id><summary type="text">Notes at https://notes.example/1 here</summary></entry></feed>
            """
        let entry = try FeedImporter().stories(in: Array(atom.utf8), path: "/f/a.atom")[0]
        XCTAssertEqual(entry.body.links, ["https://notes.example/1"])
        XCTAssertEqual(entry.body.blocks[0].runs.compactMap(\.link), [0])
    }
}
