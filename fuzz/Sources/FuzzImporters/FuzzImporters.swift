import Foundation
import TidingsModel

/// Any bytes, fed to every registered importer: each either throws a `LoadFailure` or returns stories whose
/// summaries, list entries and JSON agree with them, with a well-formed comment tree. A new importer is
/// fuzzed by being in `ImporterRegistry.standard`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImporters(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for importer in ImporterRegistry.standard.importers {
        _ = importer.claim(path: "fuzz", prefix: bytes.prefix(4096), named: true)
        let stories: [Story]
        do {
            stories = try importer.stories(in: bytes, path: "fuzz")
        } catch is LoadFailure {
            continue
        } catch {
            fatalError("\(importer.name) threw something other than a LoadFailure: \(error)")
        }
        var marks = ReadState()
        for story in stories { marks.setComments(story.comments.prefix(3).map(\.id), in: story.id, read: true) }
        guard let entries = try? importer.entries(in: bytes, path: "fuzz", readState: marks) else {
            fatalError("\(importer.name): entries failed after a parse")
        }
        precondition(entries.count == stories.count, "\(importer.name): entries and stories differ in number")
        for (entry, story) in zip(entries, stories) {
            precondition(entry.summary == story.summary, "\(importer.name): summary differs from the full parse")
            precondition(entry.unreadComments == marks.unreadCount(of: story), "\(importer.name): unread count differs")
            for (index, comment) in story.comments.enumerated() {
                if let parent = comment.parent { precondition(parent < index && story.comments[parent].depth == comment.depth - 1) }
                else { precondition(comment.depth == 0) }
            }
            let json = StoryJSON.line(story)
            precondition((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil || story.comments.count > 400,
                         "\(importer.name): dump wrote invalid JSON")
        }
    }
    return 0
}
