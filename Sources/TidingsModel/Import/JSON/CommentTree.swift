/// Builds a story's flat pre-order comment list (`Story.comments`) one comment at a time, keeping parent
/// indices and depths, then counts descendants. Readers walk their source with explicit stacks and call
/// `add` in pre-order; nothing here recurses.
struct CommentTree {
    private(set) var comments: [Comment] = []
    /// Comments counted so far, stubs excluded (what the list shows when bodies are not built).
    private(set) var counted = 0
    /// Whether comments are built in full; without it only `counted` (and ids, when asked) are kept.
    let full: Bool
    let wantsIDs: Bool
    private(set) var ids: [CommentID] = []

    init(full: Bool, wantsIDs: Bool) {
        self.full = full
        self.wantsIDs = wantsIDs
    }

    /// Adds a comment below `parent` (an index returned by an earlier `add`, or nil for the top level) and
    /// returns its index. `make` builds the comment's fields only when comments are built in full.
    @discardableResult
    mutating func add(parent: Int?, id: @autoclosure () -> CommentID, kind: Comment.Kind = .comment,
                      make: (inout Comment) -> Void) -> Int {
        if kind != .unsaved {
            counted += 1
            if wantsIDs && !full { ids.append(id()) }
        }
        guard full else { return counted - 1 }
        let depth = parent.map { comments[$0].depth + 1 } ?? 0
        var comment = Comment(id: id(), kind: kind, depth: depth, parent: parent, body: StoryBody(blocks: []))
        make(&comment)
        comments.append(comment)
        return comments.count - 1
    }

    /// The finished list, with descendant counts.
    mutating func finish() -> [Comment] {
        Story.countDescendants(&comments)
        return comments
    }

    /// The comment ids to hand the loader (counted comments only), or nil when not asked for.
    var commentIDs: [CommentID]? {
        guard wantsIDs else { return nil }
        return full ? comments.filter(\.isCounted).map(\.id) : ids
    }
}
