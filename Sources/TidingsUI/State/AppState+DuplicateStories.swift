import TidingsModel

/// The counted comment ids of one list entry's story, read again from its file (`Effect.recountUnread`).
public struct RecountedStory: Sendable, Equatable {
    public var summary: StorySummary
    public var commentIDs: [CommentID]

    public init(summary: StorySummary, commentIDs: [CommentID]) {
        self.summary = summary
        self.commentIDs = commentIDs
    }

    /// The entry's story as parsed again: its counted comments' ids.
    public init(summary: StorySummary, story: Story) {
        self.init(summary: summary, commentIDs: story.comments.filter(\.isCounted).map(\.id))
    }
}

/// The other rows of the selected story, found once per selection, with their counted comment ids once
/// known: reading marks a comment at a time, and each mark counts them again.
struct CopiesOfSelection: Sendable {
    var story: Int
    /// How many entries there were when they were looked for: a copy may be listed later.
    var entryCount: Int
    var copies: [Int]
    var commentIDs: [Int: [CommentID]] = [:]
    /// Those whose ids are being read from their files.
    var asked: Set<Int> = []
}

/// One story saved in several files (a thread in two mailboxes, a page saved twice) is listed once per file,
/// under one id, so marks made on one row are the others' too. Their counts follow at once: from the parsed
/// story when it is at hand, else from their comment ids, read from their files in the background once
/// per selection. Marks taken from a mail client while loading count for rows listed before them too.
extension AppState {
    /// Counts again the other rows of the selected story (its marks changed).
    mutating func recountCopiesOfSelection() {
        guard entries.indices.contains(selectedStory) else { return }
        let id = entries[selectedStory].keys.id
        if copiesOfSelection?.story != selectedStory || copiesOfSelection?.entryCount != entries.count {
            let known = copiesOfSelection?.story == selectedStory ? copiesOfSelection : nil
            var found = CopiesOfSelection(story: selectedStory, entryCount: entries.count,
                                          copies: entries.indices.filter { $0 != selectedStory && entries[$0].keys.id == id })
            found.commentIDs = known?.commentIDs ?? [:]
            found.asked = known?.asked ?? []
            copiesOfSelection = found
        }
        guard var copies = copiesOfSelection, !copies.copies.isEmpty else { return }
        var unparsed: [StorySummary] = []
        for other in copies.copies where !gone.contains(other) && entries[other].keys.id == id {
            if let ids = copies.commentIDs[other] {
                setUnread(of: other, counting: ids)
            } else if !countFromParsed(other, id: id), copies.asked.insert(other).inserted {
                unparsed.append(entries[other].summary)
            }
        }
        copiesOfSelection = copies
        if !unparsed.isEmpty { request(.recountUnread(unparsed)) }
    }

    /// Counts again every row of the stories named that is listed more than once, but the selected one
    /// (counted as it is read): their marks changed after some of the rows were counted (a mail client's
    /// marks taken from one copy of a thread). One pass over the list.
    mutating func recountCopies(ofStories ids: Set<String>) {
        guard !ids.isEmpty else { return }
        var rows: [String: [Int]] = [:]
        for index in entries.indices where !gone.contains(index) && ids.contains(entries[index].keys.id) {
            rows[entries[index].keys.id, default: []].append(index)
        }
        var unparsed: [StorySummary] = []
        for (id, indices) in rows where indices.count > 1 {
            for index in indices where index != selectedStory && !countFromParsed(index, id: id) {
                unparsed.append(entries[index].summary)
            }
        }
        if !unparsed.isEmpty { request(.recountUnread(unparsed)) }
    }

    /// The comment ids of rows read again have arrived: each row with that very entry (same file and
    /// place) is counted against the marks as they are now, and a copy of the selected story keeps them.
    mutating func receiveRecount(_ stories: [RecountedStory]) {
        for recounted in stories {
            for index in entries.indices where entries[index].keys.id == recounted.summary.id && entries[index].summary == recounted.summary {
                setUnread(of: index, counting: recounted.commentIDs)
                if copiesOfSelection?.copies.contains(index) == true {
                    copiesOfSelection?.commentIDs[index] = recounted.commentIDs
                    copiesOfSelection?.asked.remove(index)
                }
            }
        }
    }

    /// Counts the row again from its story when it is parsed and kept; false when it is not.
    private mutating func countFromParsed(_ index: Int, id: String) -> Bool {
        guard let story = parsedStories.story(at: index, id: id) else { return false }
        setUnread(of: index, counting: story.comments.lazy.filter(\.isCounted).map(\.id))
        return true
    }

    private mutating func setUnread<IDs: Collection<CommentID>>(of index: Int, counting ids: IDs) {
        let unread = readState.unreadCount(storyID: entries[index].summary.id, legacyID: nil, commentIDs: ids, total: ids.count)
        if unread != entries[index].unreadComments {
            entries[index].unreadComments = unread
            unreadTally.stale = true
        }
        // With `H` or a search, a copy read leaves the list at once (and one made unread comes back): only
        // the selected story stays until the selection moves. Also when its count stays as it was: the
        // story's own mark changed (a feed item without comments).
        guard index != selectedStory, hidesRead || activeQuery != nil else { return }
        let listed = rows.row(ofEntry: index) != nil
        guard listed != isListed(index) else { return }
        keepingSelectionOnScreen { state in
            if listed { state.rows.remove(entry: index) } else { state.rows.insert(entry: index, order: state.storyOrder()) }
        }
    }
}
