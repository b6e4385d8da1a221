import Foundation
import XCTest
import TidingsModel
import TidingsTestSupport

/// The real exports in `../shared/corpus/real` (when this checkout has them beside it): every Hacker News
/// and Reddit file loads with no problem, with the comment counts PROVENANCE.md states.
final class RealCorpusTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/real")

    func corpusPath(_ relative: String) throws -> String {
        let path = Self.corpus.appendingPathComponent(relative).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("skipped: \(Self.corpus.path) is not beside this checkout")
        }
        return path
    }

    /// Comments per file as PROVENANCE.md counts them (loaded comments; `more` stubs are not comments).
    static let expected: [(file: String, stories: Int, comments: Int)] = [
        ("hn/algolia_item_8863_story_dropbox.json", 1, 71),
        ("hn/algolia_item_9224_comment_subtree.json", 1, 2),   // 3 in all with the root, which is the story
        ("hn/algolia_item_17_comment_2014.json", 1, 2),
        ("hn/algolia_search_ask_hn_3hits.json", 3, 0),
        ("reddit/python_2xmo63_thread.json", 1, 45),
        ("reddit/askreddit_cmwov_thread_top.json", 1, 199),
        ("reddit/askreddit_cmwov_morechildren.json", 1, 96),
        ("reddit/funny_3hahrw_thread_rawjson.json", 1, 476),
        ("reddit/funny_3hahrw_permalink_cu5v5h7.json", 1, 3),
    ]

    func testEveryHackerNewsAndRedditFileLoadsWithTheStatedCounts() throws {
        for (file, storyCount, comments) in Self.expected {
            let path = try corpusPath(file)
            let (stories, problems) = CollectionLoader().loadAll([path])
            XCTAssertEqual(problems.map(\.reason), [], file)
            XCTAssertEqual(stories.count, storyCount, file)
            XCTAssertEqual(stories.map(\.summary.commentCount).reduce(0, +), comments, file)
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            ImporterConformance.check(JSONDiscussionImporter(), bytes: bytes, path: path)
        }
    }

    func testStatedShapes() throws {
        let search = try CollectionLoader().loadAll([corpusPath("hn/algolia_search_ask_hn_3hits.json")]).stories
        XCTAssertEqual(search.map(\.declaredComments), [925, 473, 531])
        let top = try CollectionLoader().loadAll([corpusPath("reddit/askreddit_cmwov_thread_top.json")]).stories[0]
        let stubs = top.comments.filter { $0.kind == .unsaved }
        XCTAssertEqual(stubs.count, 127)
        XCTAssertEqual(stubs.filter { $0.text.hasPrefix("Continue this thread") }.count, 13)
        XCTAssertEqual(top.comments.filter(\.isCounted).map(\.depth).max(), 9, "max depth 10 counts the top level as 1")
        XCTAssertFalse(top.comments.contains { $0.text.contains("\r") })
        let python = try CollectionLoader().loadAll([corpusPath("reddit/python_2xmo63_thread.json")]).stories[0]
        XCTAssertFalse(python.comments.contains { $0.text.contains("&amp;") || $0.text.contains("&gt;") })
        let dropbox = try CollectionLoader().loadAll([corpusPath("hn/algolia_item_8863_story_dropbox.json")]).stories[0]
        XCTAssertEqual(dropbox.comments.filter { $0.depth == 0 }.count, 32)
        XCTAssertEqual(dropbox.comments.map(\.depth).max(), 4)
        XCTAssertFalse(dropbox.comments.contains { $0.text.contains("<p>") || $0.text.contains("&#") })
    }
}

/// Every mbox and Usenet file of the real corpus, through the loader: the thread shapes PROVENANCE.md states.
final class RealMailCorpusTests: XCTestCase {
    func load(_ relative: String) throws -> [Story] {
        let path = RealCorpusTests.corpus.appendingPathComponent(relative).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("skipped: \(RealCorpusTests.corpus.path) is not beside this checkout")
        }
        let (stories, problems) = CollectionLoader().loadAll([path])
        XCTAssertEqual(problems.map(\.reason), [], relative)
        return stories
    }

    /// Messages in a thread: its first message (unless it is missing) and every reply.
    func messages(_ story: Story) -> Int {
        story.comments.countedCount + (story.body.blocks.first?.plainText.hasPrefix("The first message of this thread is not saved") == true ? 0 : 1)
    }

    func testNotmuchListHas53MessagesIn25Threads() throws {
        let stories = try load("mbox/notmuch_list_2009-11_53msgs.mbox")
        XCTAssertEqual(stories.count, 25)
        XCTAssertEqual(stories.map(messages).reduce(0, +), 53)
        XCTAssertEqual(stories.map(messages).max(), 7)
        XCTAssertEqual(stories.flatMap(\.comments).map(\.depth).max(), 3)  // reply depth 4: comment depth 3
        XCTAssertTrue(stories.allSatisfy { $0.title?.isEmpty == false })
        XCTAssertTrue(stories.contains { $0.title == "Essai accentué" }, "the ISO-8859-1 encoded subject")
        XCTAssertEqual(Set(stories.map(\.id)).count, 25)
    }

    func testLKMLIsOneChainOfTenUnderAMissingRoot() throws {
        let stories = try load("mbox/lkml_powerpc_85xx_srio_thread.mbox")
        XCTAssertEqual(stories.count, 1)
        let thread = try XCTUnwrap(stories.first)
        XCTAssertEqual(messages(thread), 10)
        XCTAssertEqual(thread.comments.map(\.depth), Array(0..<10))
        XCTAssertNil(thread.author)
        XCTAssertEqual(thread.title, "[PATCH v2 5/7] powerpc/85xx: Add MChk handler for SRIO port")
        XCTAssertTrue(thread.comments.contains { $0.body.blocks.contains { $0.kind == .quote && $0.level >= 2 } })
    }

    func testPatchSeriesIsACoverLetterWithFourPatches() throws {
        let stories = try load("mbox/linux-pm_opp_series_folded_headers.mbox")
        XCTAssertEqual(stories.count, 1)
        XCTAssertEqual(stories[0].comments.count, 4)
        XCTAssertTrue(stories[0].title?.hasPrefix("[PATCH V2 0/4]") == true)
    }

    func testUsenetArticlesAreStoriesOfTheirOwn() throws {
        let anews = try load("usenet/utzoo_net.games_1982_anews.txt")
        XCTAssertEqual(anews.map(\.title), ["Re: Raster vs. Vector"])
        XCTAssertEqual(anews.first?.category, "net.games")
        let bnews = try load("usenet/utzoo_sci.virtual-worlds_1991_bnews.txt")
        XCTAssertEqual(bnews.count, 1)
        XCTAssertEqual(bnews.first?.category, "sci.virtual-worlds")
        XCTAssertTrue(bnews.first?.body.blocks.contains { $0.kind == .quote } == true, "|> quotes")
    }
}
