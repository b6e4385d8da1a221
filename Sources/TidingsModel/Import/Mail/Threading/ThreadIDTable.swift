/// Interns Message-IDs to container numbers: an open-addressing table of (hash, container) that keeps no
/// copy of the ids. The caller says whether a container's id equals the one looked up, so the ids stay in
/// the inputs and the placeholders: no retain or release per id, one cache line per probe. Hashes are seeded
/// for each run (the standard library's for ids as written, `KeyedThreadIDs.hash` for ids' stable hashes), so
/// crafted ids cannot pile up in one chain.
struct ThreadIDTable {
    private struct Entry {
        /// Never 0 for a used entry; 0 marks an empty slot.
        var hash: UInt64
        var container: Int
    }

    private var entries: [Entry]
    private var used = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity, size < Int.max / 4 { size &*= 2 }
        entries = Array(repeating: Entry(hash: 0, container: 0), count: size &* 2)
    }

    /// A hash of the id's bytes, never 0.
    static func hash(_ id: String) -> UInt64 {
        var id = id
        let value = id.withUTF8 { bytes -> UInt64 in
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            return UInt64(bitPattern: Int64(hasher.finalize()))
        }
        return value == 0 ? 1 : value
    }

    /// The container whose id has this hash and passes `isID`, or nil.
    func find(_ hash: UInt64, isID: (Int) -> Bool) -> Int? {
        let mask = entries.count &- 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while entries[slot].hash != 0 {
            if entries[slot].hash == hash, isID(entries[slot].container) { return entries[slot].container }
            slot = (slot &+ 1) & mask
        }
        return nil
    }

    /// Adds a container under a hash (the caller has checked its id is not there yet).
    mutating func insert(_ hash: UInt64, container: Int) {
        if (used &+ 1) &* 2 > entries.count { grow() }
        let mask = entries.count &- 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while entries[slot].hash != 0 { slot = (slot &+ 1) & mask }
        entries[slot] = Entry(hash: hash, container: container)
        used &+= 1
    }

    /// Gives the entry of `old` under this hash to `new` (another message with the same id now owns it).
    mutating func replace(_ hash: UInt64, container old: Int, with new: Int) {
        let mask = entries.count &- 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while entries[slot].hash != 0 {
            if entries[slot].hash == hash, entries[slot].container == old {
                entries[slot].container = new
                return
            }
            slot = (slot &+ 1) & mask
        }
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(hash: 0, container: 0), count: old.count &* 2)
        used = 0
        for entry in old where entry.hash != 0 { insert(entry.hash, container: entry.container) }
    }
}
