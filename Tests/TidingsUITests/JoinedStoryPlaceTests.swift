import Foundation
import TidingsModel
import TidingsTestSupport
import XCTest
@testable import TidingsUI

/// Stories read from several files together (a feed and its comment feed) come last from the loader: in
/// the list they go among the files beside their first file, by name, as the path order says.
final class JoinedStoryPlaceTests: XCTestCase {
    func entry(_ id: String, path: String, otherPaths: [String] = []) -> StoryEntry {
        var story = StoryBuilder.story(id, comments: [])
        story.source = SourceReference(path: path, locator: "0", otherPaths: otherPaths)
        return StoryEntry(story: story, readState: ReadState())
    }

    func listed(_ state: AppState) -> [String] {
        (0..<state.rows.count).map { state.entries[state.rows.entry(atRow: $0)].summary.id }
    }

    func testAFeedReadWithItsCommentFeedIsListedByItsFilesName() {
        var state = AppState(width: 80, height: 24)
        state.absorb(ParallelLoad.Batch(entries: [entry("news", path: "/f/news.rss"), entry("rdf", path: "/f/rdf.rdf")]))
        state.absorb(ParallelLoad.Batch(entries: [entry("post 1", path: "/f/blog-comments.atom", otherPaths: ["/f/blog.atom"]),
                                                  entry("post 2", path: "/f/blog-comments.atom", otherPaths: ["/f/blog.atom"]),
                                                  entry("zine", path: "/f/zine-comments.atom", otherPaths: ["/f/zine.atom"]),
                                                  entry("alone", path: "/f/lone-feed-with-replies.atom")],
                                        finished: true, lateCount: 4))
        XCTAssertEqual(listed(state), ["post 1", "post 2", "alone", "news", "rdf", "zine"])
        XCTAssertEqual(state.entries.map(\.summary.id), ["news", "rdf", "post 1", "post 2", "zine", "alone"], "entries keep their indices")
        state.press(.character("s"), .character("S"))
        XCTAssertEqual(state.message, "Sorted by path (load order)")
        XCTAssertEqual(listed(state), ["post 1", "post 2", "alone", "news", "rdf", "zine"], "the same order when chosen again")
    }

    func testAFolderThatComesInOneBatchToo() {
        var state = AppState(width: 80, height: 24)
        state.absorb(ParallelLoad.Batch(entries: [entry("news", path: "/f/news.rss"),
                                                  entry("post", path: "/f/blog-comments.atom", otherPaths: ["/f/blog.atom"])],
                                        finished: true, lateCount: 1))
        XCTAssertEqual(listed(state), ["post", "news"])
        XCTAssertEqual(state.selectedStory, 1, "no key pressed yet: the reader is on the first row")
        XCTAssertEqual(state.storyList.top, 0)
        XCTAssertTrue(state.loadRanks.keys.allSatisfy { state.entries[$0].summary.id == "post" }, "only the placed story has a rank")
    }

    func testLateStoriesGoWhereTheWalkOfTheirFoldersPutsThem() {
        var state = AppState(width: 80, height: 24)
        state.absorb(ParallelLoad.Batch(entries: [entry("news", path: "/f/news.rss"), entry("story", path: "/f/zz/story.txt")]))
        state.absorb(ParallelLoad.Batch(entries: [entry("blog", path: "/f/a-blog/blog-comments.xml", otherPaths: ["/f/a-blog/blog.xml"]),
                                                  entry("thread", path: "/f/box/cur/1", otherPaths: ["/f/box/cur/2"]),
                                                  entry("article", path: "/f/spool/2"), entry("last", path: "/f/zz/zz/9")],
                                        finished: true, lateCount: 4))
        // A folder's own files first, then its subfolders by name, each walked whole.
        XCTAssertEqual(listed(state), ["news", "blog", "thread", "article", "story", "last"])
    }

    func testAStoryOfFilesInTwoFoldersGoesWhereTheFirstOfThemIs() {
        var state = AppState(width: 80, height: 24)
        state.absorb(ParallelLoad.Batch(entries: [entry("a", path: "/f/a.txt"), entry("z", path: "/f/z.txt"),
                                                  entry("sub", path: "/f/a-comments/b.txt")]))
        // Read together, named by the first path in text order: the comment feed in the subfolder.
        state.absorb(ParallelLoad.Batch(entries: [entry("post", path: "/f/a-comments/c.xml", otherPaths: ["/f/posts.xml"])],
                                        finished: true, lateCount: 1))
        XCTAssertEqual(listed(state), ["a", "post", "z", "sub"], "at the post's file, a file of the top folder")
    }

    func testPathsGivenAreWalkedInTheOrderGiven() {
        var state = AppState(width: 80, height: 24)
        state.sourcePaths = ["o2z/", "o2a", "o2z/sub", "one.xml"]
        state.absorb(ParallelLoad.Batch(entries: [entry("a", path: "o2z/a.txt"), entry("c", path: "o2z/c.txt"),
                                                  entry("k", path: "o2a/k.txt"), entry("l", path: "o2a/l.txt")]))
        state.absorb(ParallelLoad.Batch(entries: [entry("blog", path: "o2z/b-blog.xml", otherPaths: ["o2z/sub/b-blog-comments.xml"]),
                                                  entry("hn", path: "o2z/sub/9000001.json", otherPaths: ["o2z/m-9000002.json"]),
                                                  entry("one", path: "one.xml")],
                                        finished: true, lateCount: 3))
        XCTAssertEqual(listed(state), ["a", "blog", "c", "hn", "k", "l", "one"], "o2z whole, then o2a, then the file named last")
    }

    func testLateStoriesAloneFollowThePathsInTheOrderGiven() {
        var state = AppState(width: 80, height: 24)
        state.sourcePaths = ["mz/work", "mz/inbox"]
        // The loader hands over threads read together in the order of their paths' text.
        state.absorb(ParallelLoad.Batch(entries: [entry("inbox", path: "mz/inbox/cur/1", otherPaths: ["mz/inbox/new/2"]),
                                                  entry("work", path: "mz/work/cur/1")],
                                        finished: true, lateCount: 2))
        XCTAssertEqual(listed(state), ["work", "inbox"])
        state.sourcePaths = ["mz"]
        var one = AppState(width: 80, height: 24)
        one.sourcePaths = ["mz"]
        one.absorb(ParallelLoad.Batch(entries: [entry("inbox", path: "mz/inbox/cur/1"), entry("work", path: "mz/work/cur/1")],
                                      finished: true, lateCount: 2))
        XCTAssertEqual(listed(one), ["inbox", "work"])
        XCTAssertTrue(one.loadRanks.isEmpty, "in the walk's order already: no places to give")
    }

    func testAFileAddedBesideOneNamedApartGoesWhereTheWalkPutsIt() {
        var state = AppState(width: 80, height: 24)
        state.sourcePaths = ["w8/l.txt", "o2z", "w8"]
        state.absorb(ParallelLoad.Batch(entries: [entry("l", path: "w8/l.txt"), entry("a", path: "o2z/a.txt"), entry("k", path: "w8/k.txt")],
                                        finished: true))
        _ = state.update(.collectionChanged(CollectionUpdate(files: ["w8/m.txt"], entries: [entry("m", path: "w8/m.txt")])))
        XCTAssertEqual(listed(state), ["l", "a", "k", "m"], "after w8's k, not after the l named first")
    }

    func testAfterAProvisionalListTheFinalStoriesAreLaterPlacedToo() {
        var state = AppState(width: 80, height: 24)
        state.absorb(ParallelLoad.Batch(provisional: [entry("early", path: "/f/spool/1")]))
        state.absorb(ParallelLoad.Batch(entries: [entry("story", path: "/f/zz.txt")]))
        XCTAssertEqual(listed(state), ["story", "early"], "the provisional stories at the end")
        state.absorb(ParallelLoad.Batch(entries: [entry("blog", path: "/f/blog-comments.xml", otherPaths: ["/f/blog.xml"]),
                                                  entry("early", path: "/f/spool/1"), entry("article", path: "/f/spool/2")],
                                        finished: true, provisional: [], lateCount: 3))
        XCTAssertEqual(listed(state), ["blog", "story", "early", "article"])
    }
}
