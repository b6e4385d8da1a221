import Foundation
import TidingsModel

/// Any bytes through Tidings' XML reader and the feed importer: as they are, and placed inside an RSS item
/// and an Atom entry (so that random bytes reach the reader's handling of elements, references, CDATA,
/// DOCTYPEs, encodings and broken nesting). Each read either throws a `LoadFailure` or gives stories whose
/// list entries agree with them, whose comment trees are well formed, and each of which reads again alone.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeeds(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let importer = FeedImporter()
    let wrapped: [[UInt8]] = [
        bytes,
        Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title><item>".utf8) + bytes
            + Array("</item></channel></rss>".utf8),
        Array("<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:thr=\"http://purl.org/syndication/thread/1.0\"><entry><id>a</id>".utf8)
            + bytes + Array("</entry><entry><id>b</id><thr:in-reply-to ref=\"a\"/>".utf8) + bytes + Array("</entry></feed>".utf8),
    ]
    for input in wrapped {
        _ = importer.claim(path: "fuzz.xml", prefix: input.prefix(4096), named: false)
        _ = importer.joinKeys(in: input)
        let stories: [Story]
        do {
            stories = try importer.stories(in: input, path: "fuzz.xml")
        } catch is LoadFailure {
            continue
        } catch {
            fatalError("threw something other than a LoadFailure: \(error)")
        }
        guard let summaries = try? importer.summaries(in: input, path: "fuzz.xml", needsCommentIDs: { _, _ in true }) else {
            fatalError("summaries failed after a parse")
        }
        precondition(summaries.count == stories.count, "summaries and stories differ in number")
        precondition(Set(stories.map(\.id)).count == stories.count, "two stories share an id")
        for (listed, story) in zip(summaries, stories) {
            precondition(listed.summary == story.summary, "summary differs from the full parse")
            precondition(listed.commentIDs == story.comments.map(\.id), "comment ids differ")
            precondition(Set(story.comments.map(\.id)).count == story.comments.count, "two comments share an id")
            for (index, comment) in story.comments.enumerated() {
                if let parent = comment.parent { precondition(parent < index && story.comments[parent].depth == comment.depth - 1) }
                else { precondition(comment.depth == 0) }
            }
            for block in story.body.blocks {
                for run in block.runs { if let link = run.link { precondition(story.body.links.indices.contains(link)) } }
            }
            guard let alone = try? importer.story(in: input, for: listed.summary) else { fatalError("a listed story does not read alone") }
            precondition(alone == story, "a story read alone differs from the same story read with the rest")
        }
    }
    return 0
}
