import TidingsModel

/// The comment tree of one story as the comment pane shows it: which comments are visible given the
/// collapsed ones, and the guide lines (│ ├ └) that connect them. Nothing here recurses.
public struct CommentThread: Sendable {
    public let comments: [Comment]
    /// For each comment: whether a later sibling follows it (decides ├ versus └ and │ below it).
    let hasLaterSibling: [Bool]
    public private(set) var collapsed: Set<Int> = []
    /// Indices of the comments currently shown, in order.
    public private(set) var visible: [Int] = []
    /// Position of each comment in `visible`, or -1 when hidden inside a collapsed thread.
    private var visiblePosition: [Int] = []
    /// Whether each comment counts (is not a stub), kept only when the thread has stubs: most have none,
    /// and then a position is a comment's number.
    private let countedFlags: [Bool]?
    /// For each position in `visible`: how many comments (not stubs) are visible before it; only with stubs.
    private var countedBefore: [Int] = []
    /// Comments in the thread, stubs for replies not saved left out.
    public let countedCount: Int
    /// Comments visible, stubs left out.
    public private(set) var visibleCountedCount = 0

    /// The subject top-level comments answer: the story's title.
    public let rootSubject: String?

    public init(comments: [Comment], rootSubject: String? = nil) {
        self.comments = comments
        self.rootSubject = rootSubject
        var later = [Bool](repeating: false, count: comments.count)
        // lastChild[p] tracks the latest child seen for each parent (nil parent uses the key -1).
        var lastChild: [Int: Int] = [:]
        for index in comments.indices {
            let parent = comments[index].parent ?? -1
            if let previous = lastChild[parent] { later[previous] = true }
            lastChild[parent] = index
        }
        hasLaterSibling = later
        countedCount = comments.countedCount
        countedFlags = countedCount == comments.count ? nil : comments.map(\.isCounted)
        rebuildVisible()
    }

    public var isEmpty: Bool { comments.isEmpty }

    /// The subject a comment answers: its parent's, or the story's title for a top-level comment and under a
    /// parent without a subject (no walk up the ancestors: threads may be 100,000 deep).
    public func parentSubject(of index: Int) -> String? {
        guard comments.indices.contains(index), let parent = comments[index].parent,
              comments.indices.contains(parent) else { return rootSubject }
        return comments[parent].subject ?? rootSubject
    }

    public func position(of index: Int) -> Int? {
        guard visiblePosition.indices.contains(index) else { return nil }
        let position = visiblePosition[index]
        return position >= 0 ? position : nil
    }

    /// The comment's number among the visible comments, from 1, leaving stubs out; nil for a stub or a
    /// hidden comment.
    public func countedNumber(of index: Int) -> Int? {
        guard let position = position(of: index) else { return nil }
        guard let countedFlags else { return position + 1 }
        return countedFlags[index] ? countedBefore[position] + 1 : nil
    }

    public func isCollapsed(_ index: Int) -> Bool { collapsed.contains(index) }

    public func hasReplies(_ index: Int) -> Bool { comments[index].descendantCount > 0 }

    public mutating func setCollapsed(_ index: Int, _ value: Bool) {
        guard hasReplies(index), collapsed.contains(index) != value else { return }
        if value { collapsed.insert(index) } else { collapsed.remove(index) }
        rebuildVisible()
    }

    /// Replaces every fold at once, with one rebuild however many threads change (a comment without
    /// replies has nothing to fold and is left out).
    public mutating func setCollapsed(_ indices: Set<Int>) {
        let folds = indices.filter { comments.indices.contains($0) && hasReplies($0) }
        guard folds != collapsed else { return }
        collapsed = folds
        rebuildVisible()
    }

    /// Makes a comment visible by expanding every collapsed ancestor.
    public mutating func reveal(_ index: Int) {
        var changed = false
        var ancestor = comments[index].parent
        while let current = ancestor {
            if collapsed.remove(current) != nil { changed = true }
            ancestor = comments[current].parent
        }
        if changed { rebuildVisible() }
    }

    /// The comment and all its replies.
    public func subtree(_ index: Int) -> ArraySlice<Comment> {
        comments[index...(index + comments[index].descendantCount)]
    }

    private mutating func rebuildVisible() {
        visible.removeAll(keepingCapacity: true)
        countedBefore.removeAll(keepingCapacity: true)
        visiblePosition = [Int](repeating: -1, count: comments.count)
        var counted = 0
        var index = 0
        while index < comments.count {
            visiblePosition[index] = visible.count
            visible.append(index)
            if let countedFlags {
                countedBefore.append(counted)
                if countedFlags[index] { counted += 1 }
            }
            index += collapsed.contains(index) ? comments[index].descendantCount + 1 : 1
        }
        visibleCountedCount = countedFlags == nil ? visible.count : counted
    }

    /// Guide text for one line of a comment: ancestors' verticals and the comment's own connector.
    /// `levels` is how many nesting columns fit. A deeper comment is drawn at the last column: the columns
    /// go on as they do under its ancestor at that level (so the lines above and below stay unbroken), and
    /// its depth is written after them (`DepthLabel`), its other lines blank there.
    func guide(for index: Int, firstLine: Bool, levels: Int) -> String {
        let depth = comments[index].depth
        if depth > levels, levels > 0 {
            var ancestor = index
            // The walk up is as long as the thread is deep, but only comments on screen are laid out.
            while comments[ancestor].depth > levels, let parent = comments[ancestor].parent { ancestor = parent }
            let columns = ancestor == index ? "" : guide(for: ancestor, firstLine: false, levels: levels)
            return columns + (firstLine ? DepthLabel.text(depth) : DepthLabel.blank(depth))
        }
        let shown = min(depth, levels)
        guard shown > 0 else { return "" }
        var columns = [String](repeating: "  ", count: shown)
        var current = index
        var column = shown - 1
        // Walk up at most `shown` ancestors: the cost is bounded by the width, not by the depth.
        while column >= 0 {
            if column == shown - 1 {
                if firstLine {
                    columns[column] = hasLaterSibling[current] ? "├─" : "└─"
                } else {
                    columns[column] = hasLaterSibling[current] ? "│ " : "  "
                }
            } else {
                columns[column] = hasLaterSibling[current] ? "│ " : "  "
            }
            guard let parent = comments[current].parent else { break }
            current = parent
            column -= 1
        }
        return columns.joined()
    }
}
