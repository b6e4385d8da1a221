/// Files whose stories continue in other files (Hacker News items saved one per file): held back while the
/// folder loads, then put together by the ids they share, each group read as one document.
///
/// A Maildir holds 400,000 of these at once, so each is small: its keys in place, what was kept of it by
/// reference, its importer by its place in the registry (72 bytes, and one allocation, where it was 256
/// and three).
public struct HeldFile: Sendable {
    public var path: String
    /// The ids the file holds and names (`Importer.joinKeys`), hashed.
    public var keys: JoinKeys
    /// Its place in the file listing, so groups keep the listing's order.
    public var order: Int
    /// What its importer kept of it for the list (`Importer.heldPart`), so it need not be read again.
    public var kept: (any AnyObject & Sendable)?
    /// Its importer's place in the loader's registry, when it kept something.
    public var importerIndex: Int8
    /// The file holds the start of its story (a thread's first message): only groups with one are listed
    /// early (`ParallelLoad.Batch.provisional`).
    public var startsAStory: Bool

    public init(path: String, keys: [String], order: Int, kept: (any AnyObject & Sendable)? = nil, importerIndex: Int? = nil,
                startsAStory: Bool = false) {
        self.path = path
        self.keys = JoinKeys(keys.map(Self.hash))
        self.order = order
        self.kept = kept
        self.importerIndex = importerIndex.map { Int8(clamping: $0) } ?? -1
        self.startsAStory = startsAStory
    }

    /// A key's hash, never 0 (which `JoinKeys` keeps for none).
    static func hash(_ key: String) -> UInt64 {
        var hash = StableHash()
        hash.add(key)
        return max(1, hash.value)
    }
}

/// A held file's keys: up to three in place (a message's own id, its thread's start and its parent), more
/// in an array.
public struct JoinKeys: Sequence, Sendable {
    private var first: UInt64 = 0
    private var second: UInt64 = 0
    private var third: UInt64 = 0
    private var more: [UInt64]?

    /// No keys.
    init() {}

    init(_ keys: [UInt64]) {
        if keys.count > 3 {
            more = keys
            return
        }
        if keys.count > 0 { first = keys[0] }
        if keys.count > 1 { second = keys[1] }
        if keys.count > 2 { third = keys[2] }
    }

    public func makeIterator() -> Iterator { Iterator(keys: self) }

    /// Whether there are no keys.
    var isEmpty: Bool { more?.isEmpty ?? (first == 0 && second == 0 && third == 0) }

    /// The keys in order, without making an array of the three in place.
    public struct Iterator: IteratorProtocol {
        let keys: JoinKeys
        var place = 0

        public mutating func next() -> UInt64? {
            if let more = keys.more {
                guard place < more.count else { return nil }
                place += 1
                return more[place - 1]
            }
            while place < 3 {
                place += 1
                let key = place == 1 ? keys.first : place == 2 ? keys.second : keys.third
                if key != 0 { return key }
            }
            return nil
        }
    }
}

/// What an importer keeps of a file held to be read with others: the keys it joins by, and what listing
/// it needs (a message's envelope), so the file is read once to be listed.
public struct HeldPart: Sendable {
    public var keys: [String]
    /// By reference: 400,000 of these are held at once.
    public var kept: (any AnyObject & Sendable)?
    /// The file holds the start of its story (`HeldFile.startsAStory`).
    public var startsAStory: Bool

    public init(keys: [String], kept: (any AnyObject & Sendable)? = nil, startsAStory: Bool = false) {
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
    /// Groups of held files that share an id, directly or through others (union by key), each group in the
    /// order of its files' names and the groups in the order of their first file listed.
    static func groups(_ files: [HeldFile]) -> [[HeldFile]] {
        groupIndices(files).map { $0.map { files[$0] } }
    }

    /// The groups as indices into `files`: a Maildir holds 400,000 files, which are not copied to be grouped.
    static func groupIndices<Files: RandomAccessCollection<HeldFile>>(_ files: Files) -> [[Int]] where Files.Index == Int {
        // The places first: a held file read from its chunk is copied with its references each time.
        let orders = files.map(\.order)
        let sorted = orders.indices.sorted { orders[$0] < orders[$1] }.map { files.startIndex + $0 }
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
        // Each group's files in the order of their names, not readdir's (which differs from copy to copy of a
        // Maildir): replies sent in the same second keep the order they arrived in, on every machine.
        return groups.map { group in
            // Only names of digits alone (MH, news) need more than the paths' own order; that is known once
            // for each file, not found again in each of the comparisons (a Maildir's 390,000 files).
            let paths = group.map { files[$0].path }
            let numeric = paths.map(NameOrder.isNumberedPath)
            return group.indices.sorted { first, second in
                numeric[first] && numeric[second] ? NameOrder.lessPath(paths[first], paths[second]) : paths[first] < paths[second]
            }.map { group[$0] }
        }
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
