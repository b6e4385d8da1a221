import TidingsModel
import TidingsUI

/// Stories made in code for tests: comments given as (depth, text), ids numbered from 1 in order.
public enum StoryBuilder {
    public static func story(_ id: String, body: StoryBody = ["Body."], comments: [(depth: Int, text: String)]) -> Story {
        var list: [Comment] = []
        var lastAtDepth: [Int] = []
        for (number, item) in comments.enumerated() {
            let parent = item.depth > 0 ? lastAtDepth[item.depth - 1] : nil
            lastAtDepth = Array(lastAtDepth.prefix(item.depth)) + [list.count]
            list.append(Comment(id: CommentID(value: UInt64(number + 1)), depth: item.depth, parent: parent, text: item.text))
        }
        for index in list.indices.reversed() {
            if let parent = list[index].parent { list[parent].descendantCount += list[index].descendantCount + 1 }
        }
        return Story(id: id, path: id, format: "tidings", title: id, body: body, comments: list)
    }
}

extension AppState {
    /// Presses keys as the reader's update gets them. Stories given to `AppState(stories:)` are all kept
    /// parsed, so no effect needs carrying out; use `HeadlessRunner` for stories parsed on demand.
    public mutating func press(_ keys: KeyPress...) {
        for key in keys { _ = update(.key(key)) }
    }
}
