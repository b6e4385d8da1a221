import TidingsModel

/// How many stories have anything unread (not opened, or with unread comments: what `unread` and `n` go by)
/// and how many unread comments there are in all, for the list's title. Kept without going over 100,000
/// entries on every frame: entries arriving are added to it, the story being read changes it by its own
/// difference, and anything else that moves marks (marking everything read, undo, files read again) has it
/// counted again once, at the next frame.
struct UnreadTally: Equatable {
    var stories = 0
    var comments = 0
    /// The entries counted so far: those before this index.
    var counted = 0
    /// The read-state revision and the number of gone entries the count is for.
    var revision = 0
    var goneCount = 0
    /// Set when entries were replaced in a way the fields above do not show.
    var stale = false
}

extension AppState {
    /// What one entry adds to the tally.
    func unreadContribution(of index: Int) -> (stories: Int, comments: Int) {
        guard entries.indices.contains(index), !gone.contains(index) else { return (0, 0) }
        let entry = entries[index]
        let unread = entry.unreadComments > 0 || !readState.isStoryRead(entry.keys.id)
        return (unread ? 1 : 0, entry.unreadComments)
    }

    /// Brings the tally up to date: the entries that arrived since are added; after a change it cannot
    /// follow, every entry is counted again.
    mutating func refreshUnreadTally() {
        if unreadTally.stale || unreadTally.revision != readStateRevision || unreadTally.goneCount != gone.count
            || unreadTally.counted > entries.count {
            unreadTally = UnreadTally(revision: readStateRevision, goneCount: gone.count)
        }
        guard unreadTally.counted < entries.count else { return }
        for index in unreadTally.counted..<entries.count {
            let (stories, comments) = unreadContribution(of: index)
            unreadTally.stories += stories
            unreadTally.comments += comments
        }
        unreadTally.counted = entries.count
    }

    /// Changes the tally by what one entry's change did (`before` is what it added before), when the tally
    /// was up to date before it; `revisionBefore` is the read-state revision before the change.
    mutating func adjustUnreadTally(for index: Int, before: (stories: Int, comments: Int), revisionBefore: Int) {
        guard !unreadTally.stale, unreadTally.revision == revisionBefore, unreadTally.goneCount == gone.count,
              index < unreadTally.counted, unreadTally.counted <= entries.count else { return }
        let after = unreadContribution(of: index)
        unreadTally.stories += after.stories - before.stories
        unreadTally.comments += after.comments - before.comments
        unreadTally.revision = readStateRevision
    }

    /// The list title's words for the tally: "12 unread" and "340 comments", or "all read".
    var unreadWords: (stories: String, comments: String?)? {
        guard hasStories else { return nil }
        guard unreadTally.stories > 0 else { return ("all read", nil) }
        let comments = unreadTally.comments
        return ("\(unreadTally.stories.formatted) unread",
                comments > 0 ? "\(comments.formatted) comment\(comments == 1 ? "" : "s")" : nil)
    }
}
