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
            func date(_ entry: Int) -> Date? {
                let header = entries[entry].summary.header
                return header.date ?? header.dateText.flatMap(RelativeAge.seconds(in:)).map { now - $0 }
            }
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
                let one = entries[first].summary.commentCount
                let two = entries[second].summary.commentCount
                return one != two ? one > two : first < second
            }
        case .unread:
            return { first, second in
                let one = entries[first].unreadComments
                let two = entries[second].unreadComments
                if one != two { return one > two }
                // With as many unread comments, a story not opened yet comes first.
                let oneOpened = readState.isStoryRead(entries[first].summary.id)
                let twoOpened = readState.isStoryRead(entries[second].summary.id)
                return oneOpened != twoOpened ? !oneOpened : first < second
            }
        case .title:
            return { first, second in
                let one = entries[first].summary.header.title.map(Self.titleKey)
                let two = entries[second].summary.header.title.map(Self.titleKey)
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
            let one = ranks[first] ?? first
            let two = ranks[second] ?? second
            return one != two ? one < two : first < second
        }
    }

    /// Every entry in title order (`storyOrder`'s order), worked out on numbers: the first 16 bytes of
    /// each title's key packed into two integers, so 100,000 titles sort as integers; only titles whose first
    /// 16 bytes are the same are compared in full. The key's start comes from lower-casing only the title's
    /// first 16 characters (lower-casing goes character by character, so it is the start of the whole key).
    func titleOrder() -> [Int] {
        struct Keyed { var high: UInt64; var low: UInt64; var titled: Bool; var entry: Int }
        var keyed: [Keyed] = []
        keyed.reserveCapacity(entries.count)
        var prefix = [UInt8](repeating: 0, count: 16)
        for index in entries.indices {
            guard let title = entries[index].summary.header.title else {
                keyed.append(Keyed(high: 0, low: 0, titled: false, entry: index))
                continue
            }
            for offset in 0..<16 { prefix[offset] = 0 }
            if !Self.titleKeyStart(title, into: &prefix) {
                // A letter whose lower case is not known here: lower-cased as `titleKey` does, from the title's
                // first characters.
                for offset in 0..<16 { prefix[offset] = 0 }
                for (offset, byte) in Self.titleKey(String(title.prefix(16))).prefix(16).enumerated() { prefix[offset] = byte }
            }
            var high: UInt64 = 0
            var low: UInt64 = 0
            for offset in 0..<8 { high = high << 8 | UInt64(prefix[offset]) }
            for offset in 8..<16 { low = low << 8 | UInt64(prefix[offset]) }
            keyed.append(Keyed(high: high, low: low, titled: true, entry: index))
        }
        keyed.sort { a, b in
            if a.titled != b.titled { return a.titled }
            if a.high != b.high { return a.high < b.high }
            if a.low != b.low { return a.low < b.low }
            return a.entry < b.entry
        }
        // Runs with the same start: ordered by the whole key (most titles differ within 16 bytes).
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count, keyed[start].titled, keyed[end].titled, keyed[end].high == keyed[start].high,
                  keyed[end].low == keyed[start].low { end += 1 }
            if end - start > 1, keyed[start].titled {
                let keys = keyed[start..<end].map { (key: Self.titleKey(entries[$0.entry].summary.header.title ?? ""), item: $0) }
                let sorted = keys.sorted { a, b in
                    let order = Self.compareBytes(a.key, b.key)
                    return order != 0 ? order < 0 : a.item.entry < b.item.entry
                }
                for (offset, item) in sorted.enumerated() { keyed[start + offset] = item.item }
            }
            start = end
        }
        return keyed.map(\.entry)
    }

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

    /// `title` lower-cased as `lowercased()` does, up to `limit` bytes, for titles made of ASCII, Latin-1
    /// (whose capitals are their small letters less 0x20), kana and CJK (no case); nil for anything else.
    static func quickFold(_ title: String, limit: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(limit, title.utf8.count))
        for scalar in title.unicodeScalars {
            var value = scalar.value
            switch value {
            case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: value += 0x20
            case 0...0xFF, 0x3000...0x30FF, 0x4E00...0x9FFF: break
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
            var ranks = Array(entries.indices)
            for (entry, rank) in loadRanks where ranks.indices.contains(entry) { ranks[entry] = rank }
            return { ranks[$0] != ranks[$1] ? ranks[$0] < ranks[$1] : $0 < $1 }
        case .title:
            var ranks = [Int](repeating: 0, count: entries.count)
            for (rank, entry) in titleOrder().enumerated() { ranks[entry] = rank }
            return { ranks[$0] < ranks[$1] }
        case .newest:
            let now = self.now
            // Ages repeat ("4 hours ago"): each is read once.
            var ages: [String: TimeInterval?] = [:]
            let dates: [Date?] = entries.indices.map { index in
                if let date = entries[index].summary.header.date { return date }
                guard let text = entries[index].summary.header.dateText else { return nil }
                if let age = ages[text] { return age.map { now - $0 } }
                let age = RelativeAge.seconds(in: text)
                ages[text] = age
                return age.map { now - $0 }
            }
            return { first, second in
                switch (dates[first], dates[second]) {
                case let (one?, two?): return one != two ? one > two : first < second
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return first < second
                }
            }
        case .comments:
            let counts = entries.indices.map { entries[$0].summary.commentCount }
            return { first, second in counts[first] != counts[second] ? counts[first] > counts[second] : first < second }
        case .unread:
            let unread = entries.indices.map { entries[$0].unreadComments }
            let opened = entries.indices.map { readState.isStoryRead(entries[$0].summary.id) }
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
