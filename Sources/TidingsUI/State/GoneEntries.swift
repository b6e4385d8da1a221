/// List entries whose stories left the disk, or were read again into other entries, while the reader ran.
/// They stay in `AppState.entries` (everything keyed by an entry index stays valid: the selection, the
/// story being parsed, parsed stories, `Effect.loadStory`) and are only left out: never listed, counted or
/// selected.
struct GoneEntries: Sendable {
    private var flags: [Bool] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    func contains(_ entry: Int) -> Bool { entry >= 0 && entry < flags.count && flags[entry] }

    mutating func insert(_ entry: Int) {
        guard entry >= 0, !contains(entry) else { return }
        if entry >= flags.count { flags += repeatElement(false, count: entry + 1 - flags.count) }
        flags[entry] = true
        count += 1
    }

    /// The entries from `start` on are no more (the loader replaced them).
    mutating func removeAll(from start: Int) {
        guard start < flags.count else { return }
        count -= flags[max(0, start)...].lazy.filter { $0 }.count
        flags.removeSubrange(max(0, start)...)
    }
}
