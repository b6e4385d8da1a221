import Foundation
import Synchronization

/// Looks for a query's words in the stories of the list on background threads, in the order given (the
/// list's order, so the first rows are found first), and hands over what it found in batches. A new search
/// or `cancel` stops the one before at its next story; keys never wait for it.
public final class CollectionSearch: Sendable {
    /// A list entry to search: its index in the reader's entries and its summary.
    public struct Target: Sendable, Equatable {
        public var entry: Int
        public var summary: StorySummary

        public init(entry: Int, summary: StorySummary) {
            self.entry = entry
            self.summary = summary
        }
    }

    /// A story that matches, and how many of its comments hold every word.
    public struct Hit: Sendable, Equatable {
        public var entry: Int
        /// The story's id: the entry may hold another story by the time the hit is taken (the loader
        /// replaces provisional entries), and then the hit is stale.
        public var id: String
        public var comments: Int

        public init(entry: Int, id: String, comments: Int) {
            self.entry = entry
            self.id = id
            self.comments = comments
        }
    }

    /// What was found since the last `take`.
    public struct Batch: Sendable, Equatable {
        public var generation: Int
        public var hits: [Hit] = []
        /// Stories searched so far, and in all (targets added later count from when they are added).
        public var searched = 0
        public var total = 0
        /// Stories whose files could not be read again (gone, changed into something else).
        public var unreadable = 0
        /// The first of them (at most `namedUnreadable`), so the reader can say which they are.
        public var unreadableTargets: [Target] = []
        public var finished = false

        public init(generation: Int) {
            self.generation = generation
        }
    }

    /// Stories read together: one, or every story of a file that holds several (an mbox, a feed).
    private struct Unit: Sendable {
        var targets: [Target]
    }

    /// Stories handed over and not yet made into units: the reader's entries as they are (shared, not
    /// copied) and which of them to search, in order. Workers make units of them a piece at a time, so the
    /// first stories are searched at once and the reader's thread never pays for 100,000 of them.
    private struct Pending: Sendable {
        var entries: [StoryEntry]
        var order: ArraySlice<Int>
    }

    private struct Work {
        var generation = 0
        var query = TextQuery(words: [])
        var pending: [Pending] = []
        /// Whether a worker is making units of pending stories (one at a time, so they keep their order).
        var grouping = false
        var units: [Unit] = []
        var next = 0
        var running = 0
        var searched = 0
        var total = 0
        var unreadable = 0
        var unreadableTargets: [Target] = []
        var hits: [Hit] = []
        /// Units of files holding several stories, by path, while the targets are being grouped.
        var unitOfPath: [String: Int] = [:]
        var reported = true

        var exhausted: Bool { pending.isEmpty && !grouping && next >= units.count }
    }

    public static let parallel = 2
    /// Unreadable stories named in a batch at most: the rest are counted.
    public static let namedUnreadable = 10
    /// Stories made into units at a time.
    static let groupSize = 512
    private let loader: CollectionLoader
    private let queue = DispatchQueue(label: "tidings.search", qos: .utility, attributes: .concurrent)
    private let work = Mutex(Work())

    public init(loader: CollectionLoader = CollectionLoader()) {
        self.loader = loader
    }

    /// Starts looking for `query` in the entries at `order` (indices into `entries`, in the order to search
    /// them); whatever ran before stops.
    public func start(generation: Int, query: TextQuery, entries: [StoryEntry], order: [Int]) {
        work.withLock { work in
            work.generation = generation
            work.query = query
            work.pending = []
            work.units = []
            work.unitOfPath = [:]
            work.next = 0
            work.searched = 0
            work.total = 0
            work.unreadable = 0
            work.unreadableTargets = []
            work.hits = []
            work.reported = false
        }
        add(generation: generation, entries: entries, order: order)
    }

    /// More stories for the search under way (they arrived from the loader after it started).
    public func add(generation: Int, entries: [StoryEntry], order: [Int]) {
        let starts = work.withLock { work -> Int in
            guard work.generation == generation else { return 0 }
            if !order.isEmpty { work.pending.append(Pending(entries: entries, order: order[...])) }
            work.total += order.count
            work.reported = false
            let wanted = min(Self.parallel, work.running + 1) - work.running
            work.running += max(0, wanted)
            return max(0, wanted)
        }
        for _ in 0..<starts { queue.async { [self] in drain() } }
    }

    /// Stops the search under way; what it found is dropped.
    public func cancel() {
        work.withLock { work in
            work.generation &+= 1
            work.pending = []
            work.units = []
            work.hits = []
            work.unitOfPath = [:]
        }
    }

    /// What was found since the last call, for this generation; nil when nothing new.
    public func take() -> Batch? {
        work.withLock { work in
            guard !work.reported || !work.hits.isEmpty else { return nil }
            var batch = Batch(generation: work.generation)
            batch.hits = work.hits
            batch.searched = work.searched
            batch.total = work.total
            batch.unreadable = work.unreadable
            batch.unreadableTargets = work.unreadableTargets
            batch.finished = work.running == 0 && work.exhausted
            work.hits = []
            // A finished search is reported once; one still running each time it moved on.
            work.reported = batch.finished
            return batch
        }
    }

    /// Whether anything is running or waits to be taken.
    public var isBusy: Bool { work.withLock { $0.running > 0 || !$0.reported || !$0.hits.isEmpty } }

    /// What a worker does next.
    private enum Step {
        case search(Unit, TextQuery, Int)
        case group(Pending, Int)
        case wait
        case stop
    }

    /// Searches units until none is left, whichever search they belong to: a worker of a search replaced
    /// goes on with the new one's units, so a new search never waits for workers to start. Stories handed
    /// over are made into units first, a piece at a time; a second worker is started once there are units.
    private func drain() {
        while true {
            let step = work.withLock { work -> Step in
                if work.next < work.units.count, !(work.units.count - work.next < 2 && !work.pending.isEmpty && !work.grouping) {
                    let unit = work.units[work.next]
                    work.next += 1
                    return .search(unit, work.query, work.generation)
                }
                if !work.grouping, var pending = work.pending.first {
                    let piece = Pending(entries: pending.entries, order: pending.order.prefix(Self.groupSize))
                    pending.order = pending.order.dropFirst(Self.groupSize)
                    if pending.order.isEmpty { work.pending.removeFirst() } else { work.pending[0] = pending }
                    work.grouping = true
                    return .group(piece, work.generation)
                }
                if work.grouping { return .wait }
                work.running -= 1
                work.reported = false
                return .stop
            }
            switch step {
            case .search(let unit, let query, let generation):
                let (hits, unreadable) = search(unit, query)
                work.withLock { work in
                    guard work.generation == generation else { return }
                    work.hits += hits
                    work.searched += unit.targets.count
                    work.unreadable += unreadable.count
                    work.unreadableTargets += unreadable.prefix(max(0, Self.namedUnreadable - work.unreadableTargets.count))
                    work.reported = false
                }
            case .group(let piece, let generation):
                let targets = piece.order.map { Target(entry: $0, summary: piece.entries[$0].summary) }
                let starts = work.withLock { work -> Int in
                    work.grouping = false
                    guard work.generation == generation else { return 0 }
                    for target in targets {
                        // Stories of one file are read together: the file is parsed once for all of them.
                        if target.summary.source.locator != nil, target.summary.source.otherPaths.isEmpty {
                            if let unit = work.unitOfPath[target.summary.path], unit >= work.next {
                                work.units[unit].targets.append(target)
                                continue
                            }
                            work.unitOfPath[target.summary.path] = work.units.count
                        }
                        work.units.append(Unit(targets: [target]))
                    }
                    let wanted = min(Self.parallel, work.units.count - work.next) - work.running
                    work.running += max(0, wanted)
                    return max(0, wanted)
                }
                for _ in 0..<starts { queue.async { [self] in drain() } }
            case .wait:
                usleep(200)
            case .stop:
                return
            }
        }
    }

    /// The hits among one unit's stories, and those of them that could not be read.
    private func search(_ unit: Unit, _ query: TextQuery) -> ([Hit], [Target]) {
        guard let first = unit.targets.first else { return ([], []) }
        // One story on its own: a file of its own, or a thread read from several files (a Maildir's).
        if unit.targets.count == 1, first.summary.source.locator == nil || !first.summary.source.otherPaths.isEmpty {
            let match: StoryMatch?
            if first.summary.format == NativeImporter().name, first.summary.source.otherPaths.isEmpty {
                // Native files are searched in their bytes: nothing is built that the search does not need.
                match = (try? FileBytes.read(first.summary.path, limit: loader.maximumFileSize))
                    .flatMap { try? NativeImporter.search($0, query: query) }
            } else {
                match = (try? loader.story(for: first.summary).get()).map(query.match)
            }
            guard let match else { return ([], [first]) }
            return (match.matches ? [Hit(entry: first.entry, id: first.summary.id, comments: match.comments.count)] : [], [])
        }
        guard case .success(let stories) = loader.stories(inFile: first.summary.path) else {
            // One story of a file that holds several may still be read on its own (a large mbox, streamed).
            var hits: [Hit] = []
            var unreadable: [Target] = []
            for target in unit.targets {
                guard case .success(let story) = loader.story(for: target.summary) else { unreadable.append(target); continue }
                let match = query.match(story)
                if match.matches { hits.append(Hit(entry: target.entry, id: target.summary.id, comments: match.comments.count)) }
            }
            return (hits, unreadable)
        }
        let byID = Dictionary(stories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var hits: [Hit] = []
        var unreadable: [Target] = []
        for target in unit.targets {
            guard let story = byID[target.summary.id] else { unreadable.append(target); continue }
            let match = query.match(story)
            if match.matches { hits.append(Hit(entry: target.entry, id: target.summary.id, comments: match.comments.count)) }
        }
        return (hits, unreadable)
    }
}
