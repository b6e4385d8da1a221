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
    /// byte in UTF-8 (not with the locale's rules: the same on every machine; `TitleSortKey`).
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
                // The starts decide nearly always; untitled stories have the largest start, and go last.
                let one = entries[first].keys.titleKey, two = entries[second].keys.titleKey
                var order = one.compareStart(two)
                if order == 0, one.titled {
                    // Keys no longer than their starts differ only in length ("a" and "a\u{0}").
                    order = one.isWhole && two.isWhole ? one.length - two.length
                        : TitleSortKey.compareBytes(TitleSortKey.key(entries[first].keys.title ?? ""),
                                                    TitleSortKey.key(entries[second].keys.title ?? ""))
                }
                return order != 0 ? order < 0 : first < second
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

    /// Every entry in title order (`storyOrder`'s order), worked out on numbers: each entry keeps the first
    /// 32 bytes of its title's key as four integers (`ListKeys.titleKey`), so 100,000 titles sort as integers;
    /// only titles whose first 32 bytes are the same are compared in full.
    func titleOrder() -> [Int] {
        var keyed = entries.indices.map { Keyed(key: entries[$0].keys.titleKey, entry: $0) }
        keyed.sort { a, b in
            let order = a.key.compareStart(b.key)
            return order != 0 ? order < 0 : a.entry < b.entry
        }
        // Runs with the same start: ordered by the whole key, unless the start is the whole key for every
        // one of them (the same title: load order, as sorted).
        var first = 0
        while first < keyed.count {
            var end = first + 1
            while end < keyed.count, keyed[end].key.compareStart(keyed[first].key) == 0 { end += 1 }
            let run = keyed[first..<end]
            if run.count > 1, keyed[first].key.titled, !run.allSatisfy({ $0.key.isWhole && $0.key.length == keyed[first].key.length }) {
                let keys = run.map { (key: TitleSortKey.key(entries[$0.entry].keys.title ?? ""), item: $0) }
                let sorted = keys.sorted { a, b in
                    let order = TitleSortKey.compareBytes(a.key, b.key)
                    return order != 0 ? order < 0 : a.item.entry < b.item.entry
                }
                for (offset, item) in sorted.enumerated() { keyed[first + offset] = item.item }
            }
            first = end
        }
        return keyed.map(\.entry)
    }

    /// An entry's place in the whole-list title sort.
    struct Keyed {
        var key: TitleSortKey
        var entry: Int
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
    /// row: with a sort, a story arriving from the loader may take that row; in load order, a feed's story
    /// read with its comment feed at the end (`placeLateStories`).
    mutating func followFirstRowUntilTouched() {
        guard !touched, pendingRestore == nil, !rows.isEmpty else { return }
        let first = rows.entry(atRow: 0)
        if first != selectedStory { selectStory(first) }
    }
}
