import TidingsModel

/// Searching the whole collection (`/` in the story list, `F` anywhere): a query line on the status line;
/// Enter narrows the list to the stories that match, their matching comments counted beside them. Filters
/// decide at once from the list entries; words are looked for by a background search (an effect), whose
/// results arrive in batches and are listed in place as they come. Esc stops a running search and drops the
/// query; in the story list it drops a finished one.
extension AppState {
    /// Opens the query line, holding the query in force so it can be changed.
    mutating func beginSearch() -> CommandOutcome {
        // The search in force, and a space after it: what is typed next is another word or filter, not the
        // end of the last one (`format:feed` then `in:x` must not read `format:feedin:x`).
        let current = activeQuery?.query.text ?? ""
        prompt = Prompt(purpose: .search, editor: LineEditor(current.isEmpty || current.hasSuffix(" ") ? current : current + " "))
        return .done
    }

    /// The query line was sent: an empty one drops the query, a bad one says why and stays open.
    mutating func submitSearch(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            prompt = nil
            clearSearch()
            return
        }
        let query: StoryQuery
        do {
            query = try StoryQuery.parse(trimmed)
        } catch {
            promptProblem = error.message
            // Kept among the recent messages too: cut short on a narrow screen, it can be read in full there.
            message = "Search: " + error.message
            return
        }
        prompt = nil
        // A line of nothing but `-` or `""` holds no query.
        guard !query.isEmpty else {
            clearSearch()
            return
        }
        apply(query)
    }

    /// Narrows the list to what `query` admits; the selected story stays when it passes, else the first one
    /// listed is selected (with words: the first match found, unless it is the story selected before).
    mutating func apply(_ query: StoryQuery) {
        if activeQuery?.searching == true { request(.cancelSearch) }
        searchGeneration += 1
        let filter = EntryFilter(query, now: now, timeZone: timeZone)
        var active = ActiveQuery(query: query, filter: filter, needsReadMark: filter.needsReadMark, words: query.textQuery,
                                 generation: searchGeneration, storyBefore: selectedStory)
        if query.readsText {
            active.found = Array(repeating: -1, count: entries.count)
            active.searching = true
            active.selectionFollowsFirstHit = true
        }
        activeQuery = active
        // The query is judged anew for every story, the selected one too.
        let before = selectedStory
        listingStrictly = true
        keepingSelectionOnScreen { state in state.relistStories() }
        listingStrictly = false
        if query.readsText {
            let order = searchOrder(in: 0..<entries.count)
            activeQuery?.total = order.count
            request(.search(generation: searchGeneration, words: query.textQuery, entries: entries, order: order))
            if order.isEmpty { activeQuery?.searching = false }
        } else if rows.row(ofEntry: before) == nil, !rows.isEmpty {
            selectStory(rows.entry(atRow: 0))
        }
        storyList.top = min(storyList.top, max(0, rows.count - 1))
        settle()
        if !query.readsText { message = rows.isEmpty ? "No story matches" : nil }
    }

    /// The entries in `range` the filters admit, in the order the list shows them (so the first rows are
    /// searched first), for the background search.
    func searchOrder(in range: Range<Int>) -> [Int] {
        guard let active = activeQuery else { return [] }
        let readMarks = active.filter.needsReadMark
        // Stories gone from the disk are not searched (`AppState+Changes`).
        var indices = active.filter.isEmpty ? range.filter { !gone.contains($0) }
            : range.filter { !gone.contains($0) && active.filter.admits(entries[$0], storyRead: readMarks && readState.isStoryRead(entries[$0].keys.id)) }
        if let order = storyOrder() { indices.sort(by: order) }
        return indices
    }

    /// Drops the query: every story listed again, the selection kept.
    mutating func clearSearch() {
        guard let active = activeQuery else { return }
        if active.searching { request(.cancelSearch) }
        activeQuery = nil
        keepingSelectionOnScreen { state in state.relistStories() }
        message = active.searching ? "Search stopped" : "Search cleared"
    }

    /// Results of the background search arrive: matches are listed in their place.
    mutating func receiveSearch(_ batch: CollectionSearch.Batch) {
        guard var active = activeQuery, active.generation == batch.generation, active.searching else { return }
        var listed: [Int] = []
        for hit in batch.hits where active.found.indices.contains(hit.entry) && entries[hit.entry].summary.id == hit.id {
            if active.found[hit.entry] < 0 { active.hits += 1 }
            active.found[hit.entry] = Int32(clamping: hit.comments)
            listed.append(hit.entry)
        }
        active.searched = batch.searched
        active.total = batch.total
        active.unreadable = batch.unreadable
        active.searching = !batch.finished
        activeQuery = active
        let keep = listed.filter { isListed($0) }
        keepingSelectionOnScreen { state in state.rows.insert(entries: keep, order: state.storyOrder()) }
        if active.selectionFollowsFirstHit, !rows.isEmpty {
            // The story selected before the search stays if it matches; else the first row is selected.
            if rows.row(ofEntry: active.storyBefore) != nil {
                if selectedStory != active.storyBefore { selectStory(active.storyBefore) }
                activeQuery?.selectionFollowsFirstHit = false
            } else if rows.entry(atRow: 0) != selectedStory {
                // Another story: chosen in the list, not opened (so not read) for the reader in a pane.
                focus = .stories
                selectStory(rows.entry(atRow: 0))
                storyList.top = 0
            }
        }
        if batch.finished {
            activeQuery?.selectionFollowsFirstHit = false
            if rows.isEmpty { message = "No story matches" }
            if batch.unreadable > 0 { message = Self.unreadableMessage(batch) }
        }
        needsFrame = true
    }

    /// Says which stories could not be read again, by title and file, so they can be found; the whole
    /// message stays in the problem list when the status line cuts it.
    static func unreadableMessage(_ batch: CollectionSearch.Batch) -> String {
        let count = batch.unreadable
        let named = batch.unreadableTargets.map { "“" + StoryTitle.shown($0.summary.title) + "” in " + $0.summary.path }
        let more = count - named.count
        return "\(count.formatted) \(count == 1 ? "story" : "stories") could not be read again to search"
            + (named.isEmpty ? "" : ": " + named.joined(separator: ", ")) + (more > 0 && !named.isEmpty ? ", and \(more.formatted) more" : "")
    }

    /// Entries the loader added while a query with words is in force are searched too.
    mutating func searchArrivals(from start: Int) {
        guard var active = activeQuery, active.query.readsText, start < entries.count else { return }
        if active.found.count > start { active.found.removeSubrange(start...) }
        active.found += repeatElement(-1, count: entries.count - active.found.count)
        let order = searchOrder(in: start..<entries.count)
        if !order.isEmpty {
            active.searching = true
            active.total += order.count
            request(.searchMore(generation: active.generation, entries: entries, order: order))
        }
        activeQuery = active
    }

    /// Whether a search with words runs and has found nothing yet: its first match is drawn at once.
    public var searchHasNoHitsYet: Bool { activeQuery.map { $0.searching && $0.hits == 0 } ?? false }

    /// A key that moves the selection stops it following the first match.
    mutating func stopFollowingFirstHit() {
        activeQuery?.selectionFollowsFirstHit = false
    }

    /// The query as the status line shows it: "“rust -go” 12 found" or "… searching 45%".
    var searchStatus: String? {
        guard let active = activeQuery else { return nil }
        var text = "/" + active.query.text
        if active.query.readsText {
            // Counted from the matches as they stand: stories changed or removed on disk meanwhile no
            // longer count.
            var found = 0
            for (index, comments) in active.found.enumerated() where comments >= 0 && !gone.contains(index) { found += 1 }
            if active.searching {
                let percent = active.total == 0 ? 0 : active.searched * 100 / active.total
                text += " · \(found.formatted) found, searching \(percent)%"
            } else {
                text += " · \(found.formatted) found"
            }
        } else {
            text += " · \(rows.count.formatted) listed"
        }
        return text
    }
}
