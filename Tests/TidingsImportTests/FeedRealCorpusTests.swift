import Foundation
import XCTest
import TidingsModel
import TidingsTestSupport

/// The real feeds in `../shared/corpus/real` (rss/ and atom/), when this checkout has them beside it: each
/// loads with no problem, with the item counts PROVENANCE.md states, titled, and with no raw markup left in
/// any body. Skipped, saying so, where the corpus is missing.
final class FeedRealCorpusTests: XCTestCase {
    static let expected: [(file: String, stories: Int)] = [
        ("rss/blogger_aksmoblog_rss20.xml", 8),
        ("rss/cloudflare_blog_rss20.xml", 1),
        ("rss/debian_news_rss10.rdf", 1),      // its rdf:Seq lists six: only the items present count
        ("atom/reddit_homelab_new_atom.xml", 25),
        ("atom/reddit_rust_atom.xml", 1),
        ("atom/touchnokia_movabletype_atom_ru.xml", 15),
    ]

    func corpusPath(_ relative: String) throws -> String {
        let path = RealCorpusTests.corpus.appendingPathComponent(relative).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("skipped: \(RealCorpusTests.corpus.path) is not beside this checkout")
        }
        return path
    }

    func testEveryFeedLoadsWithTheStatedItems() throws {
        for (file, count) in Self.expected {
            let path = try corpusPath(file)
            let (stories, problems) = CollectionLoader().loadAll([path])
            XCTAssertEqual(problems.map(\.reason), [], file)
            XCTAssertEqual(stories.count, count, file)
            XCTAssertEqual(Set(stories.map(\.format)), ["feed"], file)
            for story in stories {
                XCTAssertFalse((story.title ?? "").isEmpty, "\(file): an untitled story")
                XCTAssertNotNil(story.date, "\(file): \(story.title ?? "")")
                XCTAssertNotNil(story.category, file)
                for line in story.body.lines + [story.title ?? ""] {
                    for raw in ["<p>", "</p>", "<br", "<div", "&amp;", "&lt;", "&gt;", "&quot;", "&#"] {
                        XCTAssertFalse(line.contains(raw), "\(file): \(raw) left in \(line.prefix(120))")
                    }
                }
            }
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            ImporterConformance.check(FeedImporter(), bytes: bytes, path: path)
        }
    }

    func testStatedShapes() throws {
        let blogger = CollectionLoader().loadAll([try corpusPath("rss/blogger_aksmoblog_rss20.xml")]).stories
        XCTAssertEqual(blogger.first?.title, "Teh Saxxi")
        XCTAssertEqual(blogger.first?.category, "AK's moblog")
        XCTAssertEqual(blogger.first?.url, "http://aksmoblog.blogspot.com/2006/12/teh-saxxi.html")
        let cloudflare = CollectionLoader().loadAll([try corpusPath("rss/cloudflare_blog_rss20.xml")]).stories
        XCTAssertEqual(cloudflare.first?.title, "Privacy-Preserving Compromised Credential Checking")
        XCTAssertGreaterThan(cloudflare.first?.body.blocks.count ?? 0, 20, "the large content:encoded body")
        let debian = CollectionLoader().loadAll([try corpusPath("rss/debian_news_rss10.rdf")]).stories
        XCTAssertEqual(debian.map(\.id), ["feed:https://www.debian.org/News/2022/20221217"])
        let homelab = CollectionLoader().loadAll([try corpusPath("atom/reddit_homelab_new_atom.xml")]).stories
        XCTAssertEqual(homelab.first?.author, "/u/Remarkable_Housing61")
        XCTAssertEqual(homelab.first?.category, "newest submissions : homelab")
        let nokia = CollectionLoader().loadAll([try corpusPath("atom/touchnokia_movabletype_atom_ru.xml")]).stories
        XCTAssertEqual(nokia.first?.title, "Невидимая броня для Вашего Nokia 5800")
    }
}
