/// Files whose stories continue in other files (Hacker News items saved one per file): held back while the
/// folder loads, then put together by the ids they share, each group read as one document.
public struct HeldFile: Sendable, Equatable {
    public var path: String
    /// The ids the file holds and names (`Importer.joinKeys`).
    public var keys: [String]
    /// Its place in the file listing, so groups keep the listing's order.
    public var order: Int

    public init(path: String, keys: [String], order: Int) {
        self.path = path
        self.keys = keys
        self.order = order
    }
}

/// A file read on its own, or held back to be read with others.
public enum ReadOrHeld<Value: Sendable>: Sendable {
    case read(Value)
    case held(HeldFile)
}

enum JoinedFiles {
    /// Groups of held files that share an id, directly or through others (union by key), each group in
    /// listing order and the groups in the order of their first file.
    static func groups(_ files: [HeldFile]) -> [[HeldFile]] {
        let sorted = files.sorted { $0.order < $1.order }
        var parent = Array(sorted.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        var owner: [String: Int] = [:]
        for (index, file) in sorted.enumerated() {
            for key in file.keys {
                if let other = owner[key] {
                    let (a, b) = (root(index), root(other))
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    owner[key] = index
                }
            }
        }
        var groups: [Int: [HeldFile]] = [:]
        var firsts: [Int] = []
        for index in sorted.indices {
            let group = root(index)
            if groups[group] == nil { firsts.append(group) }
            groups[group, default: []].append(sorted[index])
        }
        return firsts.map { groups[$0]! }
    }

    /// The files' bytes one after another, a line end between: one JSON Lines document.
    static func concatenated(_ parts: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.count + 1 })
        for part in parts {
            bytes += part
            bytes.append(0x0A)
        }
        return bytes
    }
}
