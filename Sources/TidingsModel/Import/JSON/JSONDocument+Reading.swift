import Foundation

/// Reading values from the tape: members by key, elements in order, strings decoded on demand.
extension JSONDocument {
    func kind(_ node: Int) -> Kind { nodes[node].kind }

    /// The node after `node` and everything inside it.
    @inline(__always)
    func next(after node: Int) -> Int {
        let entry = nodes[node]
        return entry.kind == .object || entry.kind == .array ? Int(entry.end) : node + 1
    }

    /// The elements of an array (empty for anything else).
    func elements(_ node: Int) -> [Int] {
        guard node >= 0, node < nodes.count, nodes[node].kind == .array else { return [] }
        var result: [Int] = []
        result.reserveCapacity(Int(nodes[node].count))
        var child = node + 1
        let end = Int(nodes[node].end)
        while child < end {
            result.append(child)
            child = next(after: child)
        }
        return result
    }

    /// Calls `body` with each key node and value node of an object.
    func forEachMember(_ node: Int, _ body: (_ key: Int, _ value: Int) -> Void) {
        guard node >= 0, node < nodes.count, nodes[node].kind == .object else { return }
        var key = node + 1
        let end = Int(nodes[node].end)
        while key < end {
            let value = key + 1
            body(key, value)
            key = next(after: value)
        }
    }

    /// The value of `key` in an object, or nil.
    func member(_ node: Int, _ key: StaticString) -> Int? {
        guard node >= 0, node < nodes.count, nodes[node].kind == .object else { return nil }
        var candidate = node + 1
        let end = Int(nodes[node].end)
        while candidate < end {
            let value = candidate + 1
            if keyEquals(candidate, key) { return value }
            candidate = next(after: value)
        }
        return nil
    }

    /// The keys of an object, decoded, in order.
    func keys(_ node: Int) -> [String] {
        var result: [String] = []
        forEachMember(node) { key, _ in result.append(string(key) ?? "") }
        return result
    }

    func keyEquals(_ keyNode: Int, _ key: StaticString) -> Bool {
        let entry = nodes[keyNode]
        let length = Int(entry.end - entry.start)
        if entry.flag {
            // Escaped: at most six bytes (`\u0041`) per character, so a long body is no match without decoding.
            return length <= key.utf8CodeUnitCount * 6 && string(keyNode) == key.description
        }
        guard length == key.utf8CodeUnitCount else { return false }
        let start = Int(entry.start)
        for offset in 0..<length where bytes[start + offset] != key.utf8Start[offset] { return false }
        return true
    }

    // MARK: Values

    /// Whether a string value is exactly `text` (compared as bytes, nothing decoded).
    func stringEquals(_ node: Int?, _ text: StaticString) -> Bool {
        guard let node, node >= 0, node < nodes.count, nodes[node].kind == .string else { return false }
        return keyEquals(node, text)
    }

    /// A string value, decoded; nil for anything else (null included).
    func string(_ node: Int?) -> String? {
        guard let node, node >= 0, node < nodes.count else { return nil }
        let entry = nodes[node]
        guard entry.kind == .string else { return nil }
        let range = Int(entry.start)..<Int(entry.end)
        if !entry.flag { return String(decoding: bytes[range], as: UTF8.self) }
        return JSONStringDecoding.decode(bytes[range])
    }

    /// A string, or a number written as one (ids are either, depending on the service and its age).
    func text(_ node: Int?) -> String? {
        guard let node, node >= 0, node < nodes.count else { return nil }
        if nodes[node].kind == .number { return rawText(node) }
        return string(node)
    }

    /// The bytes of a number or literal as written.
    func rawText(_ node: Int) -> String {
        String(decoding: bytes[Int(nodes[node].start)..<Int(nodes[node].end)], as: UTF8.self)
    }

    /// An integer: a number without a fraction (or one whose fraction is zero, as `1714170120.0`), or a
    /// string of digits; nil otherwise.
    func integer(_ node: Int?) -> Int? {
        guard let node, node >= 0, node < nodes.count else { return nil }
        let entry = nodes[node]
        switch entry.kind {
        case .number:
            var value = 0
            var negative = false
            var index = Int(entry.start)
            let end = Int(entry.end)
            if bytes[index] == 0x2D { negative = true; index += 1 }
            while index < end, (0x30...0x39).contains(bytes[index]) {
                let (product, overflow) = value.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                value = product + Int(bytes[index] - 0x30)
                index += 1
            }
            if index < end {
                guard let double = Double(rawText(node)), double.isFinite, abs(double) < 9e15 else { return nil }
                return Int(double.rounded(.down))
            }
            return negative ? -value : value
        case .string:
            return string(node).flatMap { Int($0) }
        default:
            return nil
        }
    }

    func double(_ node: Int?) -> Double? {
        guard let node, node >= 0, node < nodes.count, nodes[node].kind == .number else { return nil }
        return Double(rawText(node))
    }

    func bool(_ node: Int?) -> Bool? {
        guard let node, node >= 0, node < nodes.count, nodes[node].kind == .bool else { return nil }
        return nodes[node].flag
    }

    func isNull(_ node: Int?) -> Bool { node.map { nodes[$0].kind == .null } ?? true }

    /// The 1-based line of each top-level value, in one pass over the bytes.
    func rootLines() -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(rootOffsets.count)
        var line = 1
        var index = 0
        bytes.withUnsafeBufferPointer { buffer in
            for offset in rootOffsets {
                while index < offset {
                    if buffer[index] == 0x0A { line += 1 }
                    index += 1
                }
                result.append(line)
            }
        }
        return result
    }

    /// The 1-based line of a byte offset, for messages.
    static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        bytes[..<min(offset, bytes.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}

extension JSONDocument.Malformed {
    /// The failure in words, with the line where it was found.
    func failure(in bytes: [UInt8]) -> LoadFailure {
        let line = JSONDocument.line(of: offset, in: bytes)
        return .malformed("not valid JSON: \(reason) (line \(line), byte \(offset + 1))")
    }
}
