import Foundation

/// Turns loop-free links into the threads shown: placeholders pruned (children take their place), a missing
/// root kept as a placeholder when anything hangs under it, replies ordered, each thread listed in pre-order.
enum ThreadForest {
    static func threads<Source>(_ links: ThreadLinks<Source>, dates: [Date?]) -> [MessageThread] {
        let (shownParent, root) = shownParents(links)
        let count = links.messageCount
        // Threads in the order of their first message: walking the messages in input order meets each root
        // first at its smallest index.
        var roots: [Int] = []
        var seenRoot = [Bool](repeating: false, count: links.containerCount)
        for index in 0..<count where !seenRoot[root[index]] {
            seenRoot[root[index]] = true
            roots.append(root[index])
        }
        let replies = ThreadReplies(shownParent: shownParent, containerCount: links.containerCount, dates: dates)
        var threads: [MessageThread] = []
        threads.reserveCapacity(roots.count)
        var stack: [(container: Int, parent: Int, depth: Int)] = []
        for top in roots {
            var nodes: [MessageThread.Node] = []
            stack.append((top, -1, 0))
            while let (container, parent, depth) = stack.popLast() {
                let here = nodes.count
                let isMessage = links.isMessage(container)
                nodes.append(MessageThread.Node(message: isMessage ? container : nil,
                                                placeholderID: isMessage ? nil : links.placeholderID(container),
                                                depth: depth, parent: parent >= 0 ? parent : nil))
                // Pushed last reply first, so the first reply is listed next: pre-order without recursion.
                let range = replies.range(of: container)
                var position = range.upperBound
                while position > range.lowerBound {
                    position -= 1
                    stack.append((replies.ordered[position], here, depth &+ 1))
                }
            }
            threads.append(MessageThread(nodes: nodes))
        }
        return threads
    }

    /// For each message the container it is shown under (-1 for a root) and the root of its tree. Shown
    /// under means the nearest ancestor that is a message, or the root when only placeholders are above:
    /// placeholders other than roots are pruned. Resolved once per container, walking up with a stack.
    private static func shownParents<Source>(_ links: ThreadLinks<Source>) -> (shownParent: [Int], root: [Int]) {
        let unknown = -2
        var shown = [Int](repeating: unknown, count: links.containerCount)
        var root = [Int](repeating: -1, count: links.containerCount)
        var pending: [Int] = []
        for start in 0..<links.containerCount where shown[start] == unknown {
            var current = start
            while shown[current] == unknown {
                let parent = links.parent[current]
                if parent < 0 {
                    shown[current] = -1
                    root[current] = current
                    break
                }
                pending.append(current)
                current = parent
            }
            while let child = pending.popLast() {
                let parent = links.parent[child]
                let parentShown = links.isMessage(parent) || links.parent[parent] < 0
                shown[child] = parentShown ? parent : shown[parent]
                root[child] = root[parent]
            }
        }
        return (shown, root)
    }
}
