import Foundation
import XCTest
@testable import TidingsModel

/// Atom comment feeds (RFC 4685): entries that answer others are their comments, in the same file or in
/// files read together.
final class FeedThreadTests: XCTestCase {
    func testCommentsInTheSameFileFormATree() throws {
        let stories = try DiscussionFixture.stories("feed_comments.xml")
        XCTAssertEqual(stories.map(\.id), ["feed:tag:blog.example,2024:post-1", "feed:tag:blog.example,2024:orphan"])
        XCTAssertEqual(stories.map(\.title), ["The post", "Reply to a post not in this file"])
        let post = stories[0]
        XCTAssertEqual(post.outline, ["0|First||First comment", "1|Second||Reply to the first", "2|Fourth||Deep in the thread",
                                      "3|Fifth||Answer to the fourth", "0|Third||Third says hello"])
        XCTAssertEqual(post.comments.map(\.parent), [nil, 0, 1, 2, nil])
        XCTAssertEqual(post.comments.map(\.descendantCount), [3, 2, 1, 0, 0])
        XCTAssertEqual(post.comments.map(\.serviceID), ["tag:blog.example,2024:c1", "tag:blog.example,2024:c2", "tag:blog.example,2024:c4",
                                                        "tag:blog.example,2024:c5", "tag:blog.example,2024:c3"])
        XCTAssertEqual(post.comments[0].id, ServiceIDs.comment("feed:tag:blog.example,2024:c1"))
        XCTAssertEqual(post.comments.map(\.date), [1_717_236_000, 1_717_239_600, 1_717_246_800, 1_717_250_400, 1_717_243_200]
            .map { Date(timeIntervalSince1970: $0) }, "published, else updated")
        XCTAssertEqual(post.body.lines, ["The post itself."])
        XCTAssertEqual(stories[1].comments, [])
        XCTAssertEqual(stories[1].body.lines, ["Where is the post?"])
    }

    func testARepliesTitleIsItsSubjectUnlessItRepeatsTheWriterOrTheText() throws {
        let text = """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0" xml:base="https://blog.example/"><title>Blog</title>
            <entry><title>Post</title><id>p</id><link href="https://blog.example/post"/><content>Post text</content></entry>
            <entry><title>On the second point</title><id>c1</id><thr:in-reply-to ref="p"/><author><name>Ann</name></author>
              <link href="comments/c1"/><content>I disagree.</content></entry>
            <entry><title>By: Bob</title><id>c2</id><thr:in-reply-to ref="p"/><author><name>Bob</name></author>
              <link href="https://blog.example/post#comment-2"/><content>Nice.</content></entry>
            <entry><title>Comment on Post by carol</title><id>c3</id><thr:in-reply-to ref="c1"/><author><name>Carol</name></author>
              <content>Me too.</content></entry>
            <entry><title>This is how   the text...</title><id>c4</id><thr:in-reply-to ref="p"/><author><name>Dan</name></author>
              <content>This is how the text goes on and on.</content></entry>
            <entry><title>Re: Post</title><id>c5</id><thr:in-reply-to ref="p"/><author><name>Eve</name></author>
              <link href="javascript:alert(1)"/><content>Answer.</content></entry>
            <entry><title>Totally agree</title><id>c6</id><thr:in-reply-to ref="p"/><author><name>Al</name></author>
              <link href="ftp://files.example/c6"/><content>Weekly is right.</content></entry>
            <entry><title>Great post! I tried it. Also see the maker's page...</title><id>c7</id><thr:in-reply-to ref="p"/>
              <author><name>Sam</name></author><content type="html">&lt;p&gt;Great post! I tried it.&lt;/p&gt;&lt;p&gt;Also see the maker’s page for more.&lt;/p&gt;</content></entry>
            <entry><title>By: Bob</title><id>c8</id><thr:in-reply-to ref="c2"/><author><name>Ann</name></author><content>Thanks Bob.</content></entry>
            <entry><title>Re: By: Bob</title><id>c9</id><thr:in-reply-to ref="c2"/><author><name>Jo</name></author><content>Agreed.</content></entry>
            <entry><title>Yes</title><id>c10</id><thr:in-reply-to ref="p"/><author><name>Kim</name></author><content>Yesterday I tried it.</content></entry>
            <entry><title>Ha</title><id>c11</id><thr:in-reply-to ref="p"/><author><name>Hal</name></author><content>Hal here. Ha ha.</content></entry>
            <entry><title>Will this survive a frost?</title><id>c12</id><thr:in-reply-to ref="p"/><author><name>Will</name></author>
              <content>Asking for my basil.</content></entry>
            <entry><title>Re: Po…</title><id>c13</id><thr:in-reply-to ref="p"/><author><name>Cy</name></author><content>Cut.</content></entry>
            <entry><title>Ann</title><id>c14</id><thr:in-reply-to ref="p"/><author><name>Ann</name></author><content>Me again.</content></entry>
            <entry><title>Par : Ann</title><id>c15</id><thr:in-reply-to ref="p"/><author><name>Ann</name></author><content>Encore.</content></entry>
            <entry><title>Re:</title><id>c16</id><thr:in-reply-to ref="p"/><author><name>Ed</name></author><content>Bare.</content></entry>
            <entry><title>By: </title><id>c17</id><thr:in-reply-to ref="p"/><content>Nobody.</content></entry>
            <entry><title>...</title><id>c18</id><thr:in-reply-to ref="p"/><author><name>Ed</name></author><content>Dots.</content></entry>
            </feed>
            """
        let story = try XCTUnwrap(FeedImporter().stories(in: Array(text.utf8), path: "/feeds/blog.atom").first)
        XCTAssertEqual(story.comments.map(\.author), ["Ann", "Carol", "Bob", "Ann", "Jo", "Dan", "Eve", "Al", "Sam", "Kim", "Hal",
                                                       "Will", "Cy", "Ann", "Ann", "Ed", nil, "Ed"])
        XCTAssertEqual(story.comments.map(\.subject), ["On the second point", nil, nil, nil, nil, nil, nil, "Totally agree", nil,
                                                        "Yes", "Ha", "Will this survive a frost?", nil, nil, nil, nil, nil, nil],
                       """
                       a writer named as a word of the title, not inside one; the title of what it answers, with a `Re:` \
                       or not, also when that one's is not shown (under Bob's `By: Bob`: Jo's `Re: By: Bob`, Ann's \
                       `By: Bob`), also cut short; a title cut from a text of two paragraphs, also with another \
                       apostrophe; but not a word the text does not start with, nor the writer's name not as the one \
                       it is by
                       """)
        // The entry's own link, resolved against the feed's: the page `o` opens for the comment; a link that
        // is no web page is not one.
        XCTAssertEqual(story.comments.map(\.url), ["https://blog.example/comments/c1", nil, "https://blog.example/post#comment-2"]
                       + Array(repeating: nil, count: 15))
    }

    func testAnRSSItemOpenedHasTheRepliesThatComeAfterIt() throws {
        let text = """
            <rss version="2.0" xmlns:thr="http://purl.org/syndication/thread/1.0"><channel><title>Posts and replies</title>
            <item><title>Post</title><guid>p</guid><link>https://blog.example/p</link><description>Post text</description></item>
            <item><title>Alone</title><guid>q</guid><description>No replies</description></item>
            <item><title>Re: Post</title><guid>r1</guid><thr:in-reply-to ref="p"/><description>First reply</description></item>
            <item><title>Re: Post</title><guid>r2</guid><thr:in-reply-to ref="r1"/><description>Second reply</description></item>
            </channel></rss>
            """
        let bytes = Array(text.utf8)
        let importer = FeedImporter()
        let listed = try importer.summaries(in: bytes, path: "/feeds/posts.rss", needsCommentIDs: { _, _ in false })
        XCTAssertEqual(listed.map(\.summary.commentCount), [2, 0])
        let post = try importer.story(in: bytes, for: listed[0].summary)
        XCTAssertEqual(post.outline, ["0|-||First reply", "1|-||Second reply"], "the replies after it, read too")
        XCTAssertEqual(try importer.story(in: bytes, for: listed[1].summary).body.lines, ["No replies"])
    }

    func testTheListCountsCommentsAndGivesTheirIDsWhenAsked() throws {
        let bytes = try DiscussionFixture.bytes("feed_comments.xml")
        let stories = try FeedImporter().stories(in: bytes, path: "c.xml")
        let listed = try FeedImporter().summaries(in: bytes, path: "c.xml", needsCommentIDs: { id, _ in id.hasSuffix("post-1") })
        XCTAssertEqual(listed.map(\.summary.commentCount), [5, 0])
        XCTAssertEqual(listed[0].commentIDs, stories[0].comments.map(\.id))
        XCTAssertNil(listed[1].commentIDs)
    }

    func testRepliesInALoopAreCutAtTheFirst() throws {
        let text = """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0"><title>Loop</title>
            <entry><title>A</title><id>a</id><thr:in-reply-to ref="b"/><content>a</content></entry>
            <entry><title>B</title><id>b</id><thr:in-reply-to ref="a"/><content>b</content></entry>
            <entry><title>Self</title><id>s</id><thr:in-reply-to ref="s"/><content>s</content></entry>
            </feed>
            """
        let stories = try FeedImporter().stories(in: Array(text.utf8), path: "loop.atom")
        XCTAssertEqual(stories.map { $0.id.split(separator: "~").last }, ["a", "s"])
        XCTAssertEqual(stories[0].outline, ["0|-||b"])
    }

    func testTwoFilesReadTogether() throws {
        let post = Array("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0"><title>Posts</title>
            <entry><title>Post</title><id>tag:x,2024:p</id><content>Post text</content></entry></feed>
            """.utf8)
        // The second file is Latin-1: each document is decoded by its own declaration.
        let replies = Array("""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0"><title>Replies</title>
            <entry><title>R1</title><id>tag:x,2024:r1</id><thr:in-reply-to ref="tag:x,2024:p"/><author><name>One</name></author><content>Reply one</content></entry>
            <entry><title>R2</title><id>tag:x,2024:r2</id><thr:in-reply-to ref="tag:x,2024:r1"/><author><name>Two</name></author><content>R
            """.utf8) + [0xE9] + Array("</content></entry></feed>".utf8)
        let importer = FeedImporter()
        XCTAssertEqual(importer.joinKeys(in: post), ["feed:tag:x,2024:p"])
        XCTAssertEqual(importer.joinKeys(in: replies), ["feed:tag:x,2024:r1", "feed:tag:x,2024:p", "feed:tag:x,2024:r2", "feed:tag:x,2024:r1"])
        let joined = post + [0x0A] + replies + [0x0A]
        let stories = try importer.stories(in: joined, path: "posts.atom")
        XCTAssertEqual(stories.map(\.id), ["feed:tag:x,2024:p"])
        XCTAssertEqual(stories[0].category, "Posts")
        XCTAssertEqual(stories[0].outline, ["0|One||Reply one", "1|Two||Ré"])
        let summaries = try importer.summaries(in: joined, path: "posts.atom", needsCommentIDs: { _, _ in true })
        XCTAssertEqual(summaries.map(\.summary.commentCount), [2])
        XCTAssertEqual(summaries[0].commentIDs, stories[0].comments.map(\.id))
    }

    func testTheLoaderJoinsCommentFeedsThatShareIDs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = #"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">"#
        try Data((header + "<title>P</title><entry><title>Post</title><id>p</id><content>x</content></entry></feed>").utf8)
            .write(to: folder.appendingPathComponent("a-post.xml"))
        try Data((header + #"<title>C</title><entry><title>c</title><id>c</id><thr:in-reply-to ref="p"/><content>Hi</content></entry></feed>"#).utf8)
            .write(to: folder.appendingPathComponent("b-comments.atom"))
        try Data("<rss><channel><title>Plain</title><item><title>Alone</title><guid>q</guid></item></channel></rss>".utf8)
            .write(to: folder.appendingPathComponent("c-plain.rss"))
        let (stories, problems) = CollectionLoader().loadAll([folder.path])
        XCTAssertEqual(problems.map(\.reason), [])
        XCTAssertEqual(stories.map { $0.id.split(separator: "~").last }, ["q", "p"], "a feed without the thread namespace loads at once; joined files last")
        XCTAssertEqual(stories[1].outline, ["0|-||Hi"])
        XCTAssertEqual(stories[1].source.paths.map { ($0 as NSString).lastPathComponent }, ["a-post.xml", "b-comments.atom"])

        let load = ParallelLoad(sources: [folder.path], readState: ReadState())
        load.waitUntilFinished()
        let batch = load.take()
        XCTAssertEqual(batch.problems.map(\.reason), [])
        XCTAssertEqual(batch.entries.map(\.summary.title), ["Alone", "Post"])
        XCTAssertEqual(batch.entries.map(\.unreadComments), [0, 1])
        XCTAssertEqual(batch.lateCount, 1, "the joined story, handed over last: the reader puts it among the files by name")
        XCTAssertEqual(load.take().lateCount, 0, "counted once")
        let reread = try CollectionLoader().story(for: batch.entries[1].summary).get()
        XCTAssertEqual(reread.outline, ["0|-||Hi"])
        XCTAssertEqual(reread.summary, batch.entries[1].summary)
    }
}
