/// Files whose stories continue in other files (Hacker News items saved one per file): held back while the
/// folder loads, then put together by the ids they share, each group read as one document.
public struct HeldFile: Sendable {
    public var path: String
    /// The ids the file holds and names (`Importer.joinKeys`), hashed: a Maildir holds 400,000 of them.
    public var keys: [UInt64]
    /// Its place in the file listing, so groups keep the listing's order.
    public var order: Int
    /// What its importer kept of it for the list (`Importer.heldPart`), so it need not be read again.
    public var kept: (any Sendable)?
    public var importer: (any Importer)?
    /// The file holds the start of its story (a thread's first message): only groups with one are listed
    /// early (`ParallelLoad.Batch.provisional`).
    public var startsAStory: Bool

    public init(path: String, keys: [String], order: Int, kept: (any Sendable)? = nil, importer: (any Importer)? = nil,
                startsAStory: Bool = false) {
        self.path = path
        self.keys = keys.map(Self.hash)
        self.order = order
        self.kept = kept
        self.importer = importer
        self.startsAStory = startsAStory
    }

    static func hash(_ key: String) -> UInt64 {
        var hash = StableHash()
        hash.add(key)
        return hash.value
    }
}

/// What an importer keeps of a file held to be read with others: the keys it joins by, and what listing
/// it needs (a message's envelope), so the file is read once to be listed.
public struct HeldPart: Sendable {
    public var keys: [String]
    public var kept: (any Sendable)?
    /// The file holds the start of its story (`HeldFile.startsAStory`).
    public var startsAStory: Bool

    public init(keys: [String], kept: (any Sendable)? = nil, startsAStory: Bool = false) {
        self.keys = keys
        self.kept = kept
        self.startsAStory = startsAStory
    }
}

/// A file read on its own, or held back to be read with others.
public enum ReadOrHeld<Value: Sendable>: Sendable {
    case read(Value)
    /// Read from a damaged file: what could be read, and the file's problem.
    case partly(Value, LoadProblem)
    case held(HeldFile)
}

enum JoinedFiles {
    /// Groups of held files that share an id, directly or through others (union by key), each group in
    /// listing order and the groups in the order of their first file.
    static func groups(_ files: [HeldFile]) -> [[HeldFile]] {
        groupIndices(files).map { $0.map { files[$0] } }
    }

    /// The groups as indices into `files`: a Maildir holds 400,000 files, which are not copied to be grouped.
    static func groupIndices(_ files: [HeldFile]) -> [[Int]] {
        let sorted = files.indices.sorted { files[$0].order < files[$1].order }
        var parent = Array(sorted.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        var owner: [UInt64: Int] = [:]
        owner.reserveCapacity(files.count)
        for (index, file) in sorted.enumerated() {
            for key in files[file].keys {
                if let other = owner[key] {
                    let (a, b) = (root(index), root(other))
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    owner[key] = index
                }
            }
        }
        owner = [:]
        // Each group's first member is its root (the smallest index joins the others), so a group is
        // complete in order when walking the sorted files once.
        var groupOf = [Int](repeating: -1, count: sorted.count)
        var groups: [[Int]] = []
        for index in sorted.indices {
            let group = root(index)
            if groupOf[group] < 0 {
                groupOf[group] = groups.count
                groups.append([])
            }
            groups[groupOf[group]].append(sorted[index])
        }
        return groups
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
