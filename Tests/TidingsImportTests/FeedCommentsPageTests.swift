import Foundation
import XCTest
@testable import TidingsModel

/// The page of an item's discussion (RSS `comments`, as Hacker News and Lobsters feeds give it beside the
/// article's link; Atom `link rel="replies" type="text/html"`): a numbered link after the item's text.
final class FeedCommentsPageTests: XCTestCase {
    func stories(_ xml: String) throws -> [Story] {
        try FeedImporter().stories(in: Array(xml.utf8), path: "/feeds/f.xml")
    }

    func testAnRSSItemsCommentsPageIsANumberedLinkAfterItsText() throws {
        let items = try stories("""
            <?xml version="1.0"?><rss version="2.0"><channel><title>HN</title><link>https://news.example/</link>
            <item><title>Article</title><link>https://article.example/x</link><comments>https://lob.example/s/abc123</comments></item>
            <item><title>Said</title><link>https://article.example/y</link><description>&lt;p&gt;See &lt;a href="https://lob.example/s/def"&gt;the thread&lt;/a&gt;&lt;/p&gt;</description>
            <comments>https://lob.example/s/def</comments></item>
            <item><title>Self</title><link>https://news.example/item?id=3</link><comments>https://news.example/item?id=3</comments></item>
            <item><title>Relative</title><link>https://news.example/item?id=4</link><comments>/c/4</comments></item>
            </channel></rss>
            """)
        XCTAssertEqual(items[0].url, "https://article.example/x", "the item's link stays the article")
        XCTAssertEqual(items[0].body.lines, ["Comments: https://lob.example/s/abc123"])
        XCTAssertEqual(items[0].body.links, ["https://lob.example/s/abc123"])
        XCTAssertEqual(items[0].body.blocks[0].runs.map(\.link), [nil, 0])
        XCTAssertEqual(items[1].body.lines, ["See the thread"], "a page the text links already is not said again")
        XCTAssertEqual(items[1].body.links, ["https://lob.example/s/def"])
        XCTAssertEqual(items[2].body.lines, [], "a page that is the item's own link is not said twice")
        XCTAssertEqual(try stories("""
            <rss version="2.0"><channel><item><title>Post</title><link>https://blog.example/post</link>
            <comments>https://blog.example/post#comments</comments></item></channel></rss>
            """)[0].body.lines, [], "nor a part of its page (a blog's comments under its post)")
        XCTAssertEqual(try stories("""
            <rss version="2.0"><channel><item><title>Post</title><link>https://blog.example/k/</link>
            <comments>http://blog.example/k</comments></item></channel></rss>
            """)[0].body.lines, [], "nor its page over http, without the final slash")
        XCTAssertEqual(try stories("""
            <rss version="2.0"><channel><item><title>Video</title><link>https://v.example/watch?v=AbCdE</link>
            <comments>https://V.example/watch?v=abcde</comments></item></channel></rss>
            """)[0].body.lines, ["Comments: https://V.example/watch?v=abcde"], "a path's case names another page")
        let odd = try stories("""
            <rss version="2.0"><channel><link>https://lobste.rs/</link>
            <item><title>Fragment</title><link>https://lobste.rs/s/x</link><comments>#comments</comments></item>
            <item><title>Script</title><link>https://a.example/</link><comments>javascript:alert(1)</comments></item>
            <item><title>Said</title><link>https://a.example/</link><description>&lt;p&gt;Comments URL: &lt;a href="https://news.example/item?id=7"&gt;https://news.example/item?id=7&lt;/a&gt;&lt;/p&gt;</description><comments>https://news.example/item?id=7</comments></item>
            </channel></rss>
            """)
        XCTAssertEqual(odd.map(\.body.lines), [[], [], ["Comments URL: https://news.example/item?id=7"]],
                       "not the feed's home page, not a script, not twice")
        XCTAssertEqual(items[3].body.links, ["https://news.example/c/4"], "made absolute as the item's other links are")
    }

    func testAnAtomEntrysRepliesPageButNotItsCommentFeed() throws {
        let entries = try stories("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><id>urn:b</id>
            <entry><title>Post</title><id>urn:p</id><link href="https://blog.example/p"/>
            <link rel="replies" type="application/atom+xml" href="https://blog.example/p/comments/feed"/>
            <link rel="replies" type="text/html; charset=utf-8" href="https://blog.example/p/comments"/>
            <content type="text">Words.</content></entry></feed>
            """)
        XCTAssertEqual(entries[0].body.lines, ["Words.", "Comments: https://blog.example/p/comments"])
    }
}

/// Controls written as character references in a feed's titles and names reach the one gate to the screen
/// as the body's do: a whole escape sequence is one ␛, not U+FFFD and the sequence's leftovers.
final class FeedControlReferenceTests: XCTestCase {
    func testAnEscapeSequenceWrittenAsReferencesIsOneMarkerInTitlesAndNames() throws {
        let xml = """
            <rss version="2.0"><channel><title>Gamma &#27;[7mreverse&#27;[0m</title><item>
            <title>Title with &#27;[31mescape&#27;[0m and &#x1b;]2;pwn&#x07; inside</title><author>a@b (Eve &#27;[1mBold&#27;[0m)</author>
            <description>Body &amp;#27;[31mRED&amp;#27;[0m ok &#0; &#xD800;</description></item></channel></rss>
            """
        let story = try XCTUnwrap(FeedImporter().stories(in: Array(xml.utf8), path: "/f.xml").first)
        XCTAssertEqual(story.title.map { UntrustedText.sanitize($0) }, "Title with ␛escape␛ and ␛ inside")
        XCTAssertEqual(story.author.map { UntrustedText.sanitize($0) }, "Eve ␛Bold␛")
        XCTAssertEqual(story.category.map { UntrustedText.sanitize($0) }, "Gamma ␛reverse␛")
        XCTAssertEqual(story.body.lines.map { UntrustedText.sanitize($0) }, ["Body ␛RED␛ ok \u{FFFD} \u{FFFD}"], "NUL and a surrogate name no character")
    }
}
