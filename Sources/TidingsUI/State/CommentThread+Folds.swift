import TidingsModel

/// Which comments collapse all and collapse read fold: each is a whole set of folds, applied at once.
extension CommentThread {
    /// Every top-level comment with replies: expanding one of them shows its whole thread open.
    public var topLevelFolds: Set<Int> {
        var folds = Set<Int>()
        var index = 0
        while index < comments.count {
            if hasReplies(index) { folds.insert(index) }
            index += comments[index].descendantCount + 1
        }
        return folds
    }

    /// Every largest thread (top-level or a branch) with nothing unread in it. A thread with an unread reply
    /// stays open along the way to that reply, while its read branches fold: what is new shows, the rest
    /// takes a line each.
    public func readFolds(isUnread: (Int) -> Bool) -> Set<Int> {
        // One pass from the end: a reply comes after its parent, so it is counted before the parent is.
        var unreadWithin = [Bool](repeating: false, count: comments.count)
        for index in comments.indices.reversed() {
            if isUnread(index) { unreadWithin[index] = true }
            if unreadWithin[index], let parent = comments[index].parent { unreadWithin[parent] = true }
        }
        var folds = Set<Int>()
        var index = 0
        while index < comments.count {
            if unreadWithin[index] {
                index += 1
                continue
            }
            if hasReplies(index) { folds.insert(index) }
            index += comments[index].descendantCount + 1
        }
        return folds
    }
}
