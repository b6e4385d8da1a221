/// Which entries are stories and which are comments (RFC 4685 `thr:in-reply-to`): an entry answering an
/// entry the bytes hold goes under it, in pre-order with depths; one answering an entry they do not hold
/// is a story of its own. Entries whose replies point at each other in a loop are cut at the first of
/// them, which becomes a story. Built with explicit stacks, in time linear in the entries.
struct FeedThreads {
    /// A story's entry and its comments in pre-order: each comment's entry, its parent's position in
    /// `comments` (nil under the story) and its depth.
    struct Thread {
        var entry: Int
        var comments: [(entry: Int, parent: Int?, depth: Int)] = []
    }

    private(set) var threads: [Thread] = []

    /// Every entry a story of its own: a feed without replies.
    init(standalone count: Int) {
        threads = (0..<count).map { Thread(entry: $0) }
    }

    /// `ids[i]` is entry i's source id, `refs[i]` the id it answers.
    init(ids: [String?], refs: [String?]) {
        let count = ids.count
        var byID: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            if let id, byID[id] == nil { byID[id] = index }
        }
        var parent = [Int?](repeating: nil, count: count)
        var children = [[Int]](repeating: [], count: count)
        for index in 0..<count {
            guard let ref = refs[index], let target = byID[ref], target != index else { continue }
            parent[index] = target
            children[target].append(index)
        }
        // Roots: entries answering nothing held; then, for loops, the first entry not reached from any root.
        var reached = [Bool](repeating: false, count: count)
        var roots: [Int] = []
        func reach(_ root: Int) {
            var stack = [root]
            reached[root] = true
            while let next = stack.popLast() {
                for child in children[next] where !reached[child] {
                    reached[child] = true
                    stack.append(child)
                }
            }
        }
        for index in 0..<count where parent[index] == nil {
            roots.append(index)
            reach(index)
        }
        var loopRoots: [Int] = []
        for index in 0..<count where !reached[index] {
            loopRoots.append(index)
            reach(index)
        }
        if !loopRoots.isEmpty { roots = (roots + loopRoots).sorted() }

        var placed = [Bool](repeating: false, count: count)
        for root in roots {
            var thread = Thread(entry: root)
            placed[root] = true
            var stack: [(entry: Int, parent: Int?, depth: Int)] = children[root].reversed().map { ($0, nil, 0) }
            while let (entry, parentPosition, depth) = stack.popLast() {
                guard !placed[entry] else { continue }
                placed[entry] = true
                let position = thread.comments.count
                thread.comments.append((entry, parentPosition, depth))
                for child in children[entry].reversed() where !placed[child] {
                    stack.append((child, position, depth + 1))
                }
            }
            threads.append(thread)
        }
    }
}
