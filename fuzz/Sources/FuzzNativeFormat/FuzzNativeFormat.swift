import Foundation
import TidingsModel

/// Any bytes: the native parser either throws a DocumentError or returns stories whose summary, entries and
/// JSON agree with them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNativeFormat(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let format = NativeImporter()
    guard let stories = try? format.parse(bytes, path: "fuzz") else { return 0 }
    guard let story = stories.first else { fatalError("a parse without a story") }
    var marks = ReadState()
    marks.setComments(story.comments.prefix(3).map(\.id), in: story.id, read: true)
    guard let entry = try? format.entries(bytes, path: "fuzz", readState: marks).first else { fatalError("entries failed after parse") }
    precondition(entry.summary == story.summary, "summary differs from the full parse")
    precondition(entry.unreadComments == marks.unreadCount(of: story), "unread count differs")
    for (index, comment) in story.comments.enumerated() {
        if let parent = comment.parent { precondition(parent < index && story.comments[parent].depth == comment.depth - 1) }
        else { precondition(comment.depth == 0) }
    }
    let json = StoryJSON.line(story)
    precondition((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil || story.comments.count > 400,
                 "dump wrote invalid JSON")
    return 0
}
