/// The ids threading reads, by message index: each message's own and its parents' (oldest first, the direct
/// parent last). Strings for messages read in full; 64-bit hashes for the thousands an archive or a Maildir
/// lists, which are threaded without making a string for each.
protocol ThreadIDSource {
    associatedtype ID: Equatable
    var messageCount: Int { get }
    /// The message's id; nil when it has none.
    func id(of message: Int) -> ID?
    func parentCount(of message: Int) -> Int
    /// One of its parents; nil for an empty one (skipped).
    func parent(of message: Int, at position: Int) -> ID?
    /// A hash for the id table, never 0.
    func hash(_ id: ID) -> UInt64
    /// The id's hash as every run and both sources make it (`KeptMessage.key`), to choose among ids alike
    /// whether they were read as strings or as hashes.
    func stableKey(_ id: ID) -> UInt64
    /// The id as a placeholder names it.
    func name(_ id: ID) -> String
}

/// Ids as written: `ThreadInput`s.
struct StringThreadIDs: ThreadIDSource {
    let inputs: [ThreadInput]

    var messageCount: Int { inputs.count }
    func id(of message: Int) -> String? {
        guard let id = inputs[message].id, !id.isEmpty else { return nil }
        return id
    }
    func parentCount(of message: Int) -> Int { inputs[message].parents.count }
    func parent(of message: Int, at position: Int) -> String? {
        let id = inputs[message].parents[position]
        return id.isEmpty ? nil : id
    }
    func hash(_ id: String) -> UInt64 { ThreadIDTable.hash(id) }
    func stableKey(_ id: String) -> UInt64 { KeptMessage.key(id) }
    func name(_ id: String) -> String { id }
}

/// Ids as 64-bit hashes (0 for none), every message's parents in one array: no string and no array per
/// message. Equal hashes are one id, as the listing of archives and Maildirs has always taken them.
struct KeyedThreadIDs: ThreadIDSource {
    private(set) var ids: [UInt64] = []
    /// Message `m`'s parents are `parentKeys[parentStarts[m]..<parentStarts[m + 1]]`.
    private var parentStarts: [Int] = [0]
    private var parentKeys: [UInt64] = []
    /// How a placeholder's hash is written (the name the importer looks the missing start up by).
    let naming: @Sendable (UInt64) -> String

    init(capacity: Int, naming: @escaping @Sendable (UInt64) -> String) {
        self.naming = naming
        ids.reserveCapacity(capacity)
        parentStarts.reserveCapacity(capacity + 1)
        parentKeys.reserveCapacity(capacity * 2)
    }

    /// Adds a message: its id's hash (0 for none); its parents are added with `addParents` before the next.
    mutating func addMessage(_ id: UInt64) {
        if !ids.isEmpty { parentStarts.append(parentKeys.count) }
        ids.append(id)
    }

    /// Adds a parent of the message added last, unless it is one of its parents already (a look along its
    /// few parents: for a long chain, `addParents`).
    mutating func addParent(_ key: UInt64) {
        guard key != 0, !parentKeys[parentStarts[parentStarts.count - 1]...].contains(key) else { return }
        parentKeys.append(key)
    }

    /// Adds the parents of the message added last, oldest first, each once: a hostile message that names
    /// 10,000 (or one id 10,000 times) costs a set, not a look along the list for each.
    mutating func addParents(_ keys: some Collection<UInt64>) {
        guard keys.count > 12 else {
            for key in keys { addParent(key) }
            return
        }
        var seen = Set(parentKeys[parentStarts[parentStarts.count - 1]...])
        for key in keys where key != 0 && seen.insert(key).inserted { parentKeys.append(key) }
    }

    var messageCount: Int { ids.count }
    func id(of message: Int) -> UInt64? { ids[message] == 0 ? nil : ids[message] }
    func parentCount(of message: Int) -> Int { parentEnd(message) - parentStarts[message] }
    func parent(of message: Int, at position: Int) -> UInt64? { parentKeys[parentStarts[message] + position] }
    func parents(of message: Int) -> ArraySlice<UInt64> { parentKeys[parentStarts[message]..<parentEnd(message)] }
    private func parentEnd(_ message: Int) -> Int {
        message + 1 < parentStarts.count ? parentStarts[message + 1] : parentKeys.count
    }

    /// The hashes are the importers' own stable ones, which a crafted archive can aim at one slot: mixed
    /// with a seed of this run first.
    func hash(_ id: UInt64) -> UInt64 {
        var mixed = (id ^ Self.seed) &* 0x9E37_79B9_7F4A_7C15
        mixed ^= mixed >> 29
        return mixed == 0 ? 1 : mixed
    }
    func stableKey(_ id: UInt64) -> UInt64 { id }
    func name(_ id: UInt64) -> String { naming(id) }

    private static let seed = UInt64.random(in: 1...UInt64.max)
}
