import Foundation
import XCTest
import TidingsModel

/// What every output of `MessageThreader` must satisfy, whatever the input: each message listed once,
/// depths and parents consistent, pre-order, placeholders only as roots over replies, threads and replies in
/// order. Returns the first problem found, or nil.
enum ThreadInvariants {
    static func problem(_ threads: [MessageThread], inputs: [ThreadInput]) -> String? {
        var listed = [Int](repeating: 0, count: inputs.count)
        var previousFirst = -1
        for (number, thread) in threads.enumerated() {
            let nodes = thread.nodes
            guard let root = nodes.first else { return "thread \(number) is empty" }
            if root.depth != 0 || root.parent != nil { return "thread \(number): root has depth or parent" }
            if root.message == nil && (root.placeholderID == nil || nodes.count < 2) {
                return "thread \(number): placeholder root without id or replies"
            }
            var path: [Int] = []
            var first = Int.max
            for (position, node) in nodes.enumerated() {
                if let message = node.message {
                    guard inputs.indices.contains(message) else { return "index \(message) out of range" }
                    listed[message] += 1
                    first = min(first, message)
                    if node.placeholderID != nil { return "message \(message) has a placeholder id" }
                } else if position != 0 {
                    return "thread \(number): placeholder at \(position)"
                }
                guard position > 0 else { path = [0]; continue }
                guard let parent = node.parent, parent < position else { return "node \(position): bad parent" }
                if node.depth != nodes[parent].depth + 1 { return "node \(position): depth \(node.depth)" }
                guard node.depth <= path.count else { return "node \(position): not pre-order" }
                path.removeLast(path.count - node.depth)
                if path.last != parent { return "node \(position): not pre-order" }
                path.append(position)
            }
            if first <= previousFirst { return "thread \(number) out of order" }
            previousFirst = first
            if let problem = siblingOrder(nodes, inputs: inputs) { return "thread \(number): \(problem)" }
        }
        if let twice = listed.firstIndex(where: { $0 != 1 }) { return "message \(twice) listed \(listed[twice]) times" }
        for (index, input) in inputs.enumerated() where !input.parents.contains(where: { !$0.isEmpty && $0 != input.id }) {
            // A message that names no parent but itself is a root.
            if !threads.contains(where: { $0.nodes.first?.message == index }) { return "message \(index) is not a root" }
        }
        return nil
    }

    /// Replies under each node by date (none counts as earliest), then input index.
    private static func siblingOrder(_ nodes: [MessageThread.Node], inputs: [ThreadInput]) -> String? {
        var lastChild: [Int: Int] = [:]
        for (position, node) in nodes.enumerated() {
            guard let parent = node.parent, let message = node.message else { continue }
            if let before = lastChild[parent], let previous = nodes[before].message {
                let a = key(inputs[previous].date), b = key(inputs[message].date)
                if !(a < b || (a == b && previous < message)) { return "replies of \(parent) out of order" }
            }
            lastChild[parent] = position
        }
        return nil
    }

    private static func key(_ date: Date?) -> Double { date?.timeIntervalSinceReferenceDate ?? -.infinity }
}
