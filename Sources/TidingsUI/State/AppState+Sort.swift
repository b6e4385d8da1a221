import Foundation
import TidingsModel

/// `s` and `S`: the order of the story list. Entries keep their load order and their indices; only the rows
/// are ordered (`StoryRows`), so the selection stays on its story and the list scrolls to keep it on the same
/// row of the screen. Stories arriving from the loader go to their place in the order. Counts that change as
/// the user reads (most unread) do not move rows under the cursor: the list is ordered again only when a sort
/// is chosen, or at the next start.
extension AppState {
    mutating func cycleSort(forward: Bool) -> CommandOutcome {
        sort = sort.cycled(forward: forward)
        keepingSelectionOnScreen { $0.relistStories() }
        switch sort {
        case .path: message = "Sorted by path (load order)"
        case .newest: message = "Sorted newest first"
        case .comments: message = "Sorted by most comments"
        case .unread: message = "Sorted by most unread"
        case .title: message = "Sorted by title"
        }
        return .done
    }

    /// The list title's word for the sort: nil for load order, which goes without saying.
    var sortLabel: String? {
        switch sort {
        case .path: return nil
        case .newest: return "newest"
        case .comments: return "most comments"
        case .unread: return "most unread"
        case .title: return "title"
        }
    }

    /// Whether one entry's row comes before another's in the current sort: nil for load order. Ties keep load
    /// order, so the order is total and the same entries always come out the same way. Stories without a
    /// date (or an age that says how long ago), or without a title, go last. Titles compare lower-cased, byte by
    /// byte in UTF-8 (not with the locale's rules: the same on every machine; `titleKey`).
    func storyOrder() -> StoryRows.Order? {
        // Copies (the storage is shared, not copied): the order is used while `rows` is being changed.
        let entries = self.entries
        let readState = self.readState
        switch sort {
        case .path:
            return pathOrder()
        case .newest:
            // A story with only an age ("6 hours ago") is taken as that long before now.
            let now = self.now
            func date(_ entry: Int) -> Date? { entries[entry].keys.postedDate(now: now) }
            return { first, second in
                switch (date(first), date(second)) {
                case let (one?, two?): return one != two ? one > two : first < second
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return first < second
                }
            }
        case .comments:
            return { first, second in
                let one = entries[first].keys.commentCount
                let two = entries[second].keys.commentCount
                return one != two ? one > two : first < second
            }
        case .unread:
            return { first, second in
                let one = entries[first].unreadComments
                let two = entries[second].unreadComments
                if one != two { return one > two }
                // With as many unread comments, a story not opened yet comes first.
                let oneOpened = readState.isStoryRead(entries[first].keys.id)
                let twoOpened = readState.isStoryRead(entries[second].keys.id)
                return oneOpened != twoOpened ? !oneOpened : first < second
            }
        case .title:
            return { first, second in
                let one = entries[first].keys.title.map(Self.titleKey)
                let two = entries[second].keys.title.map(Self.titleKey)
                switch (one, two) {
                case let (one?, two?):
                    let order = Self.compareBytes(one, two)
                    return order != 0 ? order < 0 : first < second
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return first < second
                }
            }
        }
    }

    /// Load order, with each story read again from a changed file in the place of the entry it replaced
    /// (`AppState+Changes`): nil (entry order, which needs no comparison) until a story was read again.
    func pathOrder() -> StoryRows.Order? {
        guard !loadRanks.isEmpty else { return nil }
        let ranks = loadRanks
        return { first, second in
            let one = ranks[first] ?? Double(first)
            let two = ranks[second] ?? Double(second)
            return one != two ? one < two : first < second
        }
    }

    /// Every entry in title order (`storyOrder`'s order), worked out on numbers: the first 16 bytes of
    /// each title's key packed into two integers, so 100,000 titles sort as integers; only titles whose first
    /// 16 bytes are the same are compared in full. The key's start comes from lower-casing only the title's
    /// first 16 characters (lower-casing goes character by character, so it is the start of the whole key).
    func titleOrder() -> [Int] {
        // Worked out in two halves at once (the keys are most of the cost), each with its own buffer for a
        // title's start, read back as big-endian words.
        let entries = self.entries
        let count = entries.count
        let halves = count >= 20_000 ? 2 : 1
        var keyed = [Keyed](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each half writes its own part of the buffer, and the buffer outlives both.
            struct Shared: @unchecked Sendable { let base: UnsafeMutablePointer<Keyed> }
            let shared = Shared(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: halves) { half in
                let base = shared.base
                let start = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.titleStart, alignment: 8)
                defer { start.deallocate() }
                let range = (half * count / halves)..<((half + 1) * count / halves)
                for index in range {
                    (base + index).initialize(to: Self.titleKeyed(entries[index].keys.title, entry: index, start: start))
                }
            }
            initialized = count
        }
        keyed.sort { a, b in
            if a.k0 != b.k0 { return a.k0 < b.k0 }
            if a.k1 != b.k1 { return a.k1 < b.k1 }
            if a.k2 != b.k2 { return a.k2 < b.k2 }
            if a.k3 != b.k3 { return a.k3 < b.k3 }
            return a.entry < b.entry
        }
        // Runs with the same start: ordered by the whole key, unless every key of the run is the start itself,
        // all of one length (the same title: load order, as sorted).
        var first = 0
        while first < keyed.count {
            var end = first + 1
            while end < keyed.count, keyed[end].k0 == keyed[first].k0, keyed[end].k1 == keyed[first].k1,
                  keyed[end].k2 == keyed[first].k2, keyed[end].k3 == keyed[first].k3 { end += 1 }
            let run = keyed[first..<end]
            if run.count > 1, keyed[first].titled,
               !run.allSatisfy({ $0.length <= Self.titleStart && $0.length == keyed[first].length }) {
                let keys = run.map { (key: Self.titleKey(entries[$0.entry].keys.title ?? ""), item: $0) }
                let sorted = keys.sorted { a, b in
                    let order = Self.compareBytes(a.key, b.key)
                    return order != 0 ? order < 0 : a.item.entry < b.item.entry
                }
                for (offset, item) in sorted.enumerated() { keyed[first + offset] = item.item }
            }
            first = end
        }
        return keyed.map(\.entry)
    }

    /// A title's place in the whole-list title sort: the start of its key as four numbers. Untitled stories get
    /// the largest start, which no title has (UTF-8 has no byte 0xFF): they go last.
    struct Keyed {
        var k0: UInt64, k1: UInt64, k2: UInt64, k3: UInt64
        /// The key's length in bytes: two starts alike of keys no longer than the start are the same key.
        var length: Int
        var entry: Int
        var titled: Bool { k0 != .max }
    }

    static func titleKeyed(_ title: String?, entry: Int, start: UnsafeMutableRawBufferPointer) -> Keyed {
        guard var title else { return Keyed(k0: .max, k1: .max, k2: .max, k3: .max, length: 0, entry: entry) }
        start.initializeMemory(as: UInt8.self, repeating: 0)
        let asciiLength: Int? = title.withUTF8 { bytes in
            for (offset, byte) in bytes.enumerated() {
                if byte >= 0x80 { return nil }
                if offset < titleStart { start[offset] = SearchFold.lowerASCII(byte) }
            }
            return bytes.count
        }
        var length = asciiLength ?? 0
        if asciiLength == nil {
            // Beyond ASCII: folded without strings where the letters are known (`quickFold`), else lower-cased
            // as `titleKey` does, from the title's first characters.
            start.initializeMemory(as: UInt8.self, repeating: 0)
            let folded = quickFold(title, limit: titleStart + 1)
                ?? Array(titleKey(String(title.prefix(titleStart + 1))).prefix(titleStart + 1))
            for (offset, byte) in folded.prefix(titleStart).enumerated() { start[offset] = byte }
            length = folded.count
        }
        func word(_ from: Int) -> UInt64 { UInt64(bigEndian: start.loadUnaligned(fromByteOffset: from, as: UInt64.self)) }
        return Keyed(k0: word(0), k1: word(8), k2: word(16), k3: word(24), length: length, entry: entry)
    }

    /// How many bytes of each title's key the whole-list title sort compares as numbers.
    static let titleStart = 32

    /// The first 16 bytes of `titleKey(title)`, worked out without making strings for what most titles are
    /// made of: ASCII, Latin-1 (whose capitals are their small letters less 0x20), and kana and CJK, which have
    /// no case. False for anything else (the caller lower-cases the title's start then).
    static func titleKeyStart(_ title: String, into prefix: inout [UInt8]) -> Bool {
        guard let start = quickFold(title, limit: 16) else { return false }
        for (offset, byte) in start.enumerated() { prefix[offset] = byte }
        return true
    }

    /// What titles are compared by: lower-cased UTF-8, byte by byte (code point order). ASCII, most titles,
    /// is lower-cased by hand: `lowercased()` on 100,000 titles costs more than the sort.
    static func titleKey(_ title: String) -> [UInt8] {
        var bytes = Array(title.utf8)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] += 0x20 }
            return bytes
        }
        return quickFold(title, limit: Int.max) ?? Array(title.lowercased().utf8)
    }

    /// `title` lower-cased as `lowercased()` does, up to `limit` bytes, for titles made of ASCII, Latin-1 and
    /// Russian Cyrillic (whose capitals are their small letters less a fixed step), and characters without
    /// case (kana, CJK, Hangul, punctuation, emoji); nil for anything else. A test holds it to `lowercased()`
    /// for every character it takes.
    static func quickFold(_ title: String, limit: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(limit, title.utf8.count))
        for scalar in title.unicodeScalars {
            var value = scalar.value
            switch value {
            case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x410...0x42F: value += 0x20
            case 0x400...0x40F: value += 0x50
            // No case: the rest of Latin-1, small Cyrillic, punctuation, arrows, shapes and dingbats, kana, CJK,
            // Hangul, emoji.
            case 0...0xFF, 0x430...0x45F, 0x2000...0x206F, 0x2190...0x23FF, 0x2500...0x27BF, 0x3000...0x30FF,
                 0x3130...0x318F, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFE00...0xFE0F, 0x1F300...0x1FAFF:
                break
            default: return nil
            }
            guard let lower = Unicode.Scalar(value) else { return nil }
            UTF8.encode(lower) { byte in if bytes.count < limit { bytes.append(byte) } }
            if bytes.count >= limit { break }
        }
        return bytes
    }

    /// Negative, zero or positive as `one` sorts before, with or after `two`: `memcmp` on the common part,
    /// then the shorter first (a title sort makes 1.7 million of these for 100,000 stories).
    static func compareBytes(_ one: [UInt8], _ two: [UInt8]) -> Int {
        let common = min(one.count, two.count)
        let order = one.withUnsafeBytes { a in two.withUnsafeBytes { b in common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common) } }
        return order != 0 ? Int(order) : one.count - two.count
    }

    /// The order for a sort of the whole list: each entry's key worked out once, not per comparison (a
    /// date read from "6 hours ago", a header copied, a title lower-cased 3.4 million times for 100,000
    /// stories took seconds). The same order as `storyOrder`, which arrivals use one at a time.
    func wholeListOrder() -> StoryRows.Order? {
        switch sort {
        case .path:
            guard !loadRanks.isEmpty else { return nil }
            // Ranks in an array, not looked up in the dictionary 1.7 million times for 100,000 stories.
            var ranks = entries.indices.map(Double.init)
            for (entry, rank) in loadRanks where ranks.indices.contains(entry) { ranks[entry] = rank }
            return { ranks[$0] != ranks[$1] ? ranks[$0] < ranks[$1] : $0 < $1 }
        case .title:
            // A whole list by title is ordered by `titleOrder` itself (`relistStories`); this is the same order.
            return storyOrder()
        case .newest:
            let now = self.now
            // Each entry's key read in place (an entry copied out would retain its strings).
            let dates: [Date?] = entries.indices.map { entries[$0].keys.postedDate(now: now) }
            return { first, second in
                switch (dates[first], dates[second]) {
                case let (one?, two?): return one != two ? one > two : first < second
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return first < second
                }
            }
        case .comments:
            let counts = entries.indices.map { entries[$0].keys.commentCount }
            return { first, second in counts[first] != counts[second] ? counts[first] > counts[second] : first < second }
        case .unread:
            let unread = entries.indices.map { entries[$0].unreadComments }
            let opened = entries.indices.map { readState.isStoryRead(entries[$0].keys.id) }
            return { first, second in
                if unread[first] != unread[second] { return unread[first] > unread[second] }
                return opened[first] != opened[second] ? !opened[first] : first < second
            }
        }
    }

    /// Runs a change to the rows, then scrolls the list so the selected story is on the same row of the
    /// screen as before, when the list is long enough for that.
    mutating func keepingSelectionOnScreen(_ change: (inout AppState) -> Void) {
        let screenRow = rows.row(ofEntry: selectedStory).map { $0 - storyList.top }
        change(&self)
        if let screenRow, let row = rows.row(ofEntry: selectedStory) { storyList.top = max(0, row - screenRow) }
        settle()
    }

    /// Until a key or a click comes (and while no saved place is waited for), the reader stays on the first
    /// row: with a sort, a story arriving from the loader may take that row.
    mutating func followFirstRowUntilTouched() {
        guard !touched, pendingRestore == nil, sort != .path, !rows.isEmpty else { return }
        let first = rows.entry(atRow: 0)
        if first != selectedStory { selectStory(first) }
    }
}
