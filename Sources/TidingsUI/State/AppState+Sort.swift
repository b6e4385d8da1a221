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
    /// date (or an age that says how long ago), or without a title, go last. Titles compare lower-cased, character by character (not with the
    /// locale's rules: the same on every machine, and no Foundation call per comparison on 100,000 rows).
    /// `titleKeys`, when given, are the lower-cased titles of every entry, worked out once for a whole sort.
    func storyOrder(titleKeys: [String?]? = nil) -> StoryRows.Order? {
        // Copies (the storage is shared, not copied): the order is used while `rows` is being changed.
        let entries = self.entries
        let readState = self.readState
        switch sort {
        case .path:
            return nil
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
                let one = titleKeys?[first] ?? entries[first].summary.title?.lowercased()
                let two = titleKeys?[second] ?? entries[second].summary.title?.lowercased()
                switch (one, two) {
                case let (one?, two?): return one != two ? one < two : first < second
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return first < second
                }
            }
        }
    }

    /// The order for a sort of the whole list: title keys worked out once per entry, not per comparison.
    func wholeListOrder() -> StoryRows.Order? {
        guard sort == .title else { return storyOrder() }
        return storyOrder(titleKeys: entries.map { $0.summary.title?.lowercased() })
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
