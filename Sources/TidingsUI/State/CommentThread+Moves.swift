import TidingsModel

/// Where the thread moves land: parent, siblings, top-level threads, and the fold that hides a comment.
/// Comments are stored depth first, so a comment's replies follow it and its next sibling comes right after
/// them; each answer costs a walk up the parent links at most twice, never a pass over the whole thread.
extension CommentThread {
    /// The comment after this one's replies with the same parent; nil for the last at its level.
    public func nextSibling(of index: Int) -> Int? {
        guard hasLaterSibling[index] else { return nil }
        return index + comments[index].descendantCount + 1
    }

    /// The comment before this one with the same parent; nil for the first at its level.
    public func previousSibling(of index: Int) -> Int? {
        guard index > 0, comments[index].parent != index - 1 else { return nil }
        // The comment just before is the previous sibling or the last of its replies: climb to its level.
        return ancestor(of: index - 1, withParent: comments[index].parent)
    }

    /// The top-level comment whose thread holds this one.
    public func root(of index: Int) -> Int {
        ancestor(of: index, withParent: nil) ?? index
    }

    /// The next top-level comment after this comment's thread; nil in the last thread.
    public func nextThread(of index: Int) -> Int? {
        let root = root(of: index)
        let next = root + comments[root].descendantCount + 1
        return next < comments.count ? next : nil
    }

    /// The top-level comment of the thread before this comment's thread; nil in the first thread.
    public func previousThread(of index: Int) -> Int? {
        let root = root(of: index)
        return root > 0 ? self.root(of: root - 1) : nil
    }

    /// The comment itself when it is visible, otherwise the collapsed ancestor that hides it.
    public func visibleSelfOrAncestor(of index: Int) -> Int {
        var current = index
        while position(of: current) == nil, let parent = comments[current].parent { current = parent }
        return current
    }

    /// The comment itself or the ancestor whose parent is `parent`, found by the parent links alone.
    private func ancestor(of index: Int, withParent parent: Int?) -> Int? {
        var current = index
        while comments[current].parent != parent {
            guard let up = comments[current].parent else { return nil }
            current = up
        }
        return current
    }
}
