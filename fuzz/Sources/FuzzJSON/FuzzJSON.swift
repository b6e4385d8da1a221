import Foundation
import TidingsModel

/// Any bytes, fed to the JSON discussion importer (seeded with a fixture of every shape): it throws a
/// `LoadFailure` or returns stories whose list entries agree with them, whose comment trees are well formed,
/// and whose `dump` record reads back to the same record.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let importer = JSONDiscussionImporter()
    let stories: [Story]
    do {
        stories = try importer.stories(in: bytes, path: "fuzz.json")
    } catch is LoadFailure {
        return 0
    } catch {
        fatalError("threw something other than a LoadFailure: \(error)")
    }
    var marks = ReadState()
    for story in stories { marks.setComments(story.comments.prefix(3).map(\.id), in: story.id, read: true) }
    guard let entries = try? importer.entries(in: bytes, path: "fuzz.json", readState: marks) else {
        fatalError("entries failed after a parse")
    }
    precondition(entries.count == stories.count, "entries and stories differ in number")
    for (entry, story) in zip(entries, stories) {
        precondition(entry.summary == story.summary, "summary differs from the full parse")
        precondition(entry.unreadComments == marks.unreadCount(of: story), "unread count differs")
        for (index, comment) in story.comments.enumerated() {
            if let parent = comment.parent { precondition(parent < index && story.comments[parent].depth == comment.depth - 1) }
            else { precondition(comment.depth == 0) }
        }
        // Dumped as if from the file it is read back from (`path` and `locator` say where a record was read).
        var placed = story
        placed.source = SourceReference(path: "fuzz.json")
        let line = StoryJSON.line(placed)
        guard let again = try? importer.stories(in: Array(line.utf8), path: "fuzz.json"), again.count == 1 else {
            fatalError("a dump record does not read back")
        }
        precondition(StoryJSON.line(again[0]) == line, "a dump record changes on a round trip")
    }
    return 0
}
