import TidingsModel

/// `H`: the story list without the stories that have nothing unread. The selected story is always listed,
/// so it never vanishes from under the cursor: a story read while selected goes only when the selection
/// moves off it. Stories arriving from the loader are filtered as they come (`StoryRows`).
extension AppState {
    mutating func toggleHideRead() -> CommandOutcome {
        hidesRead.toggle()
        relistStories()
        if !hidesRead {
            message = "Every story shown"
        } else {
            let hidden = hiddenAsRead
            // Short enough for 30 columns; the list's title keeps the count.
            if hidden > 0 {
                message = "\(hidden.formatted) read \(hidden == 1 ? "story" : "stories") hidden"
            } else if entries.indices.contains(selectedStory), rows.row(ofEntry: selectedStory) != nil, entries[selectedStory].unreadComments == 0,
                      readState.isStoryRead(entries[selectedStory].keys.id) {
                // The selected story is read, and is hidden only once the selection moves off it.
                message = "This read story goes on a move"
            } else {
                message = "Read stories hidden: none yet"
            }
        }
        return .done
    }

    /// Whether the list shows an entry: never one gone from the disk; those the query admits (all without one),
    /// and with `H` only those with anything unread; the selected story always, unless a new query is being
    /// applied (`listingStrictly`).
    func isListed(_ index: Int) -> Bool {
        if gone.contains(index) { return false }
        // Not while a search lists nothing: the story it hid stays hidden (`AppState+EmptyList`).
        if index == selectedStory, !listingStrictly, !storyHiddenByEmptyList, hidesRead || activeQuery != nil { return true }
        if let activeQuery, !activeQuery.admits(index, entry: entries[index], storyRead: { readState.isStoryRead(entries[index].keys.id) }) {
            return false
        }
        return !hidesRead || storyHasUnread(index)
    }

    /// How many stories `H` leaves out: read ones the query (if any) would list, not those the query hides.
    var hiddenAsRead: Int {
        guard hidesRead else { return 0 }
        guard activeQuery != nil || !gone.isEmpty else { return rows.hiddenCount }
        return entries.indices.reduce(0) { count, index in
            guard !gone.contains(index), !isListed(index), !storyHasUnread(index) else { return count }
            if let activeQuery, !activeQuery.admits(index, entry: entries[index], storyRead: { readState.isStoryRead(entries[index].keys.id) }) {
                return count
            }
            return count + 1
        }
    }

    /// Makes the rows again from every entry (the filter or the sort changed).
    mutating func relistStories() {
        if sort == .title {
            // Titles come sorted as they are worked out: no second sort of the rows.
            rows.list(entryCount: entries.count, inOrder: titleOrder(), where: isListed)
        } else if hidesRead || sort != .path || !loadRanks.isEmpty || activeQuery != nil || !gone.isEmpty {
            // Load order is entry order only until a story was placed among others (`loadRanks`).
            rows.list(entryCount: entries.count, where: isListed, order: wholeListOrder())
        } else {
            rows.listAll(entryCount: entries.count)
        }
    }

    /// Makes the rows again from `start` on (the loader replaced the entries there).
    mutating func relistStories(from start: Int) {
        rows.removeEntries(from: start)
        rows.add(upTo: entries.count, where: isListed, order: storyOrder())
    }

    /// The selection moved from `left`: the story selected now is listed, and the one it left goes if the
    /// filter leaves it out (it was listed only because it was selected).
    mutating func keepSelectionListed(leaving left: Int) {
        guard hidesRead || activeQuery != nil, !gone.contains(selectedStory) else { return }
        rows.insert(entry: selectedStory, order: storyOrder())
        if left != selectedStory, entries.indices.contains(left), !isListed(left) { rows.remove(entry: left) }
    }

    /// Whether the list has nothing unread to show: everything is read, and only the selection is left.
    var listShowsNothingUnread: Bool {
        hidesRead && hasStories && rows.count <= 1 && !storyHasUnread(selectedStory)
    }
}
