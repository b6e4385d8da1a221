import TidingsModel

/// Runs the reader without a terminal: every effect is carried out at once, on this thread, and answered
/// with its event. Tests and the benchmark drive the reader through it; the executable does the same work
/// on background queues.
public struct HeadlessRunner {
    public var state: AppState
    /// Parses the story behind a list entry (from memory, or from its file through `CollectionLoader`).
    public var parse: (StorySummary) -> Result<Story, LoadProblem>
    /// Saves read marks; nil means every save succeeds without writing anything.
    public var save: (([ReadState.Change], ReadState) -> StateFileProblem?)?
    /// Answers `Effect.rescan`; nil answers that nothing changed.
    public var rescan: (() -> CollectionUpdate)?
    public private(set) var rescans = 0
    public private(set) var quit = false
    public private(set) var redraws = 0
    public private(set) var suspensions = 0
    public private(set) var saves = 0
    /// URLs the reader asked to open and to copy, in order: nothing is started, nothing is written.
    public private(set) var opened: [String] = []
    public private(set) var copied: [String] = []
    /// When set, searches are not run at once but kept here, for a test to answer piece by piece
    /// (`answerSearch`); otherwise each is answered in full as it is asked for.
    public var holdsSearches = false
    public private(set) var heldSearch: (generation: Int, words: TextQuery, targets: [CollectionSearch.Target])?
    public private(set) var searchesCancelled = 0

    public init(state: AppState, parse: @escaping (StorySummary) -> Result<Story, LoadProblem>,
                save: (([ReadState.Change], ReadState) -> StateFileProblem?)? = nil) {
        self.state = state
        self.parse = parse
        self.save = save
    }

    /// Sends an event and carries out the effects it asked for, and those their answers ask for, in order.
    public mutating func send(_ event: Event) {
        var queue = state.update(event)
        while !queue.isEmpty {
            switch queue.removeFirst() {
            case .loadStory(let index, let summary):
                queue += state.update(.storyParsed(index: index, result: parse(summary), summary: summary))
            case .save(let changes, let fallback):
                saves += 1
                if let failure = save?(changes, fallback) {
                    queue += state.update(.saveFailed(failure))
                } else {
                    queue += state.update(.saveFinished)
                }
            case .collectComments(let summaries):
                var ids: [String: [CommentID]] = [:]
                for summary in summaries {
                    if case .success(let story) = parse(summary) { ids[story.id, default: []] += story.comments.filter(\.isCounted).map(\.id) }
                }
                queue += state.update(.commentsCollected(ids))
            case .recountUnread(let summaries):
                let stories = summaries.compactMap { summary -> RecountedStory? in
                    guard case .success(let story) = parse(summary) else { return nil }
                    return RecountedStory(summary: summary, story: story)
                }
                queue += state.update(.unreadRecounted(stories))
            case .search(let generation, let words, let entries, let order):
                let targets = order.map { CollectionSearch.Target(entry: $0, summary: entries[$0].summary) }
                heldSearch = (generation, words, targets)
                if !holdsSearches { queue += state.update(.searchFound(searchBatch(count: targets.count, finished: true))) }
            case .searchMore(let generation, let entries, let order):
                let targets = order.map { CollectionSearch.Target(entry: $0, summary: entries[$0].summary) }
                guard let held = heldSearch, held.generation == generation else { break }
                heldSearch = (generation, held.words, held.targets + targets)
                if !holdsSearches { queue += state.update(.searchFound(searchBatch(count: targets.count, from: held.targets.count, finished: true))) }
            case .cancelSearch:
                searchesCancelled += 1
                heldSearch = nil
            case .rescan:
                rescans += 1
                var update = rescan?() ?? CollectionUpdate()
                update.isRescan = true
                queue += state.update(.collectionChanged(update))
            case .quit: quit = true
            case .redraw: redraws += 1
            case .suspend: suspensions += 1
            case .openURL(let url): opened.append(url)
            case .copyToClipboard(let url): copied.append(url)
            }
        }
    }

    /// Answers the held search for `count` of its targets from `from` on, as the background search would.
    public mutating func answerSearch(count: Int, from start: Int = 0, finished: Bool) {
        send(.searchFound(searchBatch(count: count, from: start, finished: finished)))
    }

    private mutating func searchBatch(count: Int, from start: Int = 0, finished: Bool) -> CollectionSearch.Batch {
        guard let held = heldSearch else { return CollectionSearch.Batch(generation: -1) }
        var batch = CollectionSearch.Batch(generation: held.generation)
        for target in held.targets.dropFirst(start).prefix(count) {
            guard case .success(let story) = parse(target.summary) else {
                batch.unreadable += 1
                if batch.unreadableTargets.count < CollectionSearch.namedUnreadable { batch.unreadableTargets.append(target) }
                continue
            }
            let match = held.words.match(story)
            if match.matches { batch.hits.append(.init(entry: target.entry, id: target.summary.id, comments: match.comments.count)) }
        }
        batch.searched = min(held.targets.count, start + count)
        batch.total = held.targets.count
        batch.finished = finished
        return batch
    }

    public mutating func press(_ keys: KeyPress...) {
        for key in keys { send(.key(key)) }
    }
}
