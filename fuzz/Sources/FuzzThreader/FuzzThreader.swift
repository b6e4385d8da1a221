import Foundation
import TidingsModel

/// Any bytes as a mailbox to thread, with ids from a small alphabet so duplicates, loops and self references
/// are common: every message is listed exactly once, depths and parents agree, each thread is in pre-order
/// with a placeholder only as a root over replies, and threads and replies come in order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzThreader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let inputs = threadInputs(UnsafeBufferPointer(start: data, count: size))
    let threads = MessageThreader.threads(inputs)
    check(threads, inputs: inputs)
    precondition(MessageThreader.threads(inputs) == threads, "not deterministic")
    return 0
}

/// Per message: one byte for the id (nil, empty, or one of eight), one for the date (none, or one of a few
/// so that ties are common) and the number of parents, then a byte per parent (empty, or one of eight).
private func threadInputs(_ bytes: UnsafeBufferPointer<UInt8>) -> [ThreadInput] {
    let names = ["a", "b", "c", "d", "e", "f", "g", "<h@x>", ""]
    let ids: [String?] = names + [nil]
    var inputs: [ThreadInput] = []
    var position = 0
    while position + 1 < bytes.count {
        let id = ids[Int(bytes[position]) % ids.count]
        let shape = bytes[position + 1]
        position += 2
        let date: Date? = shape & 0x80 == 0 ? nil : Date(timeIntervalSinceReferenceDate: Double((shape >> 4) & 0x7))
        var parents: [String] = []
        for _ in 0..<Int(shape & 0x0F) where position < bytes.count {
            parents.append(names[Int(bytes[position]) % names.count])
            position += 1
        }
        inputs.append(ThreadInput(id: id, parents: parents, date: date))
    }
    return inputs
}

private func check(_ threads: [MessageThread], inputs: [ThreadInput]) {
    var listed = [Int](repeating: 0, count: inputs.count)
    var previousFirst = -1
    for thread in threads {
        let nodes = thread.nodes
        guard let root = nodes.first else { preconditionFailure("empty thread") }
        precondition(root.depth == 0 && root.parent == nil, "root with depth or parent")
        precondition(root.message != nil || (root.placeholderID != nil && nodes.count > 1), "bare placeholder root")
        var path: [Int] = []
        var first = Int.max
        var lastChild: [Int: Int] = [:]
        for (position, node) in nodes.enumerated() {
            if let message = node.message {
                precondition(inputs.indices.contains(message), "index out of range")
                precondition(node.placeholderID == nil, "message with a placeholder id")
                listed[message] += 1
                first = min(first, message)
            } else {
                precondition(position == 0, "placeholder below the root")
            }
            guard position > 0 else { path = [0]; continue }
            guard let parent = node.parent, parent < position else { preconditionFailure("bad parent") }
            precondition(node.depth == nodes[parent].depth + 1, "depth is not parent's + 1")
            precondition(node.depth <= path.count, "not pre-order")
            path.removeLast(path.count - node.depth)
            precondition(path.last == parent, "not pre-order")
            path.append(position)
            if let before = lastChild[parent], let earlier = nodes[before].message, let message = node.message {
                let a = key(inputs[earlier].date), b = key(inputs[message].date)
                precondition(a < b || (a == b && earlier < message), "replies out of order")
            }
            lastChild[parent] = position
        }
        precondition(first > previousFirst, "threads out of order")
        previousFirst = first
    }
    precondition(listed.allSatisfy { $0 == 1 }, "a message not listed exactly once")
    let roots = Set(threads.compactMap { $0.nodes.first?.message })
    for (index, input) in inputs.enumerated() where !input.parents.contains(where: { !$0.isEmpty && $0 != input.id }) {
        precondition(roots.contains(index), "a message naming no parent but itself is not a root")
    }
}

private func key(_ date: Date?) -> Double { date?.timeIntervalSinceReferenceDate ?? -.infinity }
