import Foundation
import Synchronization

/// Loads a collection's list entries on worker threads, handing them out in file order as they finish, so
/// a reader can show the first stories at once and the list never reorders under the cursor.
public final class ParallelLoad: Sendable {
    /// What has arrived since the last `take`.
    public struct Batch: Sendable {
        public var entries: [StoryEntry] = []
        /// Files that failed, and files skipped as not stories (`LoadProblem.isSkipped`).
        public var problems: [LoadProblem] = []
        /// Files done and in all (nil until the folders are listed).
        public var done = 0
        public var total: Int?
        public var finished = false
        /// When set, the stories of files still held (a Maildir's threads) as far as they are known: shown
        /// after the others in place of the last such list, until the final ones come (then it is empty).
        public var provisional: [StoryEntry]?
        /// How many of `entries`, at their end, are stories of files read together once every file was seen
        /// (a feed with replies, a Maildir): handed over last, they belong among the files beside them.
        public var lateCount = 0

        public init(entries: [StoryEntry] = [], problems: [LoadProblem] = [], done: Int = 0, total: Int? = nil,
                    finished: Bool = false, provisional: [StoryEntry]? = nil, lateCount: Int = 0) {
            self.entries = entries
            self.problems = problems
            self.done = done
            self.total = total
            self.finished = finished
            self.provisional = provisional
            self.lateCount = lateCount
        }
    }

    private struct Shared {
        var files: [ListedFile] = []
        /// Where the next chunk starts, and where each chunk taken ends (chunks shrink toward the end of the
        /// listing, so a folder of 100 archives of 27 MB keeps every core busy).
        var nextStart = 0
        var chunkEnds: [Int] = []
        var workers = 1
        var chunkResults: [Int: ([StoryEntry], [LoadProblem])] = [:]
        var nextToDeliver = 0
        var pending = Batch()
        var runningWorkers = 0
        var cancelled = false
        /// Files to be read together with others once every file is seen (`JoinedFiles`), each chunk's as it
        /// came: one array grown to 390,000 messages would hold its old and new storage at once as it grew.
        var held: [[HeldFile]] = []
        /// Whether `files` is the whole listing; before that it may hold the first files only.
        var listed = false
        /// The size of chunk 0: the early files, or the usual first chunk.
        var firstChunk = ParallelLoad.firstChunkSize
        /// Whether any story that is not held has been handed out (then no provisional list is needed).
        var deliveredAny = false
        /// Chunks delivered when the next provisional list is made, and whether one is being made.
        var nextProvisional = 1
        var makingProvisional = false
        /// Whether the provisional list is the first stories of a large archive (`CollectionLoader.earlyEntries`),
        /// to be taken away when the first stories are handed out.
        var listedEarly = false

        /// Hands entries out; the first ones take the place of an archive's first stories listed early.
        mutating func deliver(_ entries: [StoryEntry]) {
            guard !entries.isEmpty else { return }
            pending.handOver(entries)
            deliveredAny = true
            if listedEarly {
                pending.provisional = []
                listedEarly = false
            }
        }
    }

    /// At most this many threads are listed early from held files: a first screen and more.
    static let provisionalStories = 200
    /// No provisional list after this many chunks (16,000 files): making one groups all that is held so far.
    static let lastProvisionalChunk = 256

    public static let chunkSize = 64
    /// The first chunk is small: the first screen waits for it, and for nothing else.
    public static let firstChunkSize = 8

    private let shared = Mutex(Shared())
    private let finishedSignal = DispatchSemaphore(value: 0)
    private let observer: ListingObserver?

    /// Starts listing and loading at once. `observer` is told of each folder as the listing enters it and of
    /// the files listed (a `CollectionWatch` watches from there).
    public init(sources: [String], readState: ReadState, loader: CollectionLoader = CollectionLoader(),
                workers: Int = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)), observer: ListingObserver? = nil) {
        self.observer = observer
        let thread = Thread { [self] in
            var listProblems: [LoadProblem] = []
            var started = false
            func startWorkers() {
                started = true
                shared.withLock {
                    $0.runningWorkers = workers
                    $0.workers = workers
                }
                for _ in 0..<workers {
                    let worker = Thread { [self] in
                        Self.yieldToTheReader()
                        work(loader: loader, readState: readState)
                    }
                    worker.stackSize = 4 << 20
                    worker.start()
                }
            }
            // The first files of a big folder are known before its 100,000 names are sorted: loading starts
            // on them at once (they are the first files of the whole listing, `DocumentFiles.list`).
            // A Maildir's messages come in readdir's order, in growing runs while its 400,000 names are read.
            let files = DocumentFiles.list(sources, problem: { listProblems.append($0) }, earlyCount: Self.firstChunkSize, early: { first in
                self.shared.withLock {
                    if !started { $0.firstChunk = first.count }
                    if !$0.listed { $0.files += first }
                }
                if !started { startWorkers() }
            }, entering: observer?.entering)
            shared.withLock {
                if !started { $0.firstChunk = min(Self.firstChunkSize, files.count) }
                $0.files = files
                $0.pending.problems += listProblems
                $0.pending.total = files.count
                $0.listed = true
            }
            observer?.listed(files)
            if !started { startWorkers() }
        }
        thread.start()
    }

    /// Loading runs a little below the threads that draw and parse the story on screen, so a key or the
    /// first screen never waits behind a core busy with the rest of the folder.
    static func yieldToTheReader() {
        #if os(Linux)
        // On Linux the nice value is per thread, and 0 names the calling one.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 5)
        #endif
    }

    private func work(loader: CollectionLoader, readState: ReadState) {
        while true {
            // A chunk to load; none yet while only the first files are listed (wait); none left (stop).
            let job: (Int, Range<Int>, [ListedFile])?? = shared.withLock { state in
                guard !state.cancelled else { return .some(nil) }
                let start = state.nextStart
                guard start < state.files.count else { return state.listed ? .some(nil) : nil }
                // The first chunk is small (the first screen waits for it); then 64 files, fewer as the end
                // nears, so the last files are shared among the workers rather than left to one.
                // The first files are taken one by one (the first screen waits for the first of them only, and
                // a folder of ten large feeds is shared among the cores from the start).
                var size = start < state.firstChunk ? 1 : Self.chunkSize
                if state.listed {
                    size = max(1, min(size, (state.files.count - start) / (state.workers * 4)))
                }
                // While only part of the listing is known, a chunk is taken only when all its files are.
                guard state.listed || start + size <= state.files.count else { return nil }
                let range = start..<min(start + size, state.files.count)
                state.nextStart = range.upperBound
                state.chunkEnds.append(range.upperBound)
                // Copied out: a slice would share the listing's storage, and every run of files added to a
                // Maildir's listing of 400,000 while a chunk is loaded would copy all of it.
                return (state.chunkEnds.count - 1, range, Array(state.files[range]))
            }
            guard let next = job else {
                usleep(1000)
                continue
            }
            guard let (chunk, range, files) = next else { break }
            var entries: [StoryEntry] = []
            var problems: [LoadProblem] = []
            var held: [HeldFile] = []
            var stamps: [(index: Int, stamp: FileStamp)] = []
            let stamped: ((Int, FileStamp) -> Void)? = observer == nil ? nil : { stamps.append(($0, $1)) }
            for (offset, file) in files.enumerated() {
                // The file the first screen waits for lists its first stories early when it is a large archive.
                let waitedFor = offset == 0 && shared.withLock { !$0.deliveredAny && $0.nextToDeliver == chunk }
                let early: (([StoryEntry]) -> Void)? = !waitedFor ? nil : { [self] entries in
                    shared.withLock { state in
                        guard !state.deliveredAny, !state.pending.finished, state.nextToDeliver == chunk else { return }
                        state.pending.provisional = entries
                        state.listedEarly = true
                    }
                }
                switch loader.entriesOrHeld(file, order: range.lowerBound + offset, readState: readState,
                                            stamped: stamped.map { note in { note(range.lowerBound + offset, $0) } }, early: early) {
                case .success(.read(let found)): entries.adopt(found)
                case .success(.partly(let found, let problem)):
                    entries.adopt(found)
                    problems.append(problem)
                case .success(.held(let file)): held.append(file)
                case .failure(let problem): problems.append(problem)
                }
                // The chunk next in order hands out each file's stories as soon as they are read: a chunk of
                // big archives would otherwise keep the first screen waiting for all of them.
                guard !entries.isEmpty || !problems.isEmpty, offset + 1 < files.count else { continue }
                shared.withLock { state in
                    guard state.nextToDeliver == chunk else { return }
                    state.deliver(entries)
                    state.pending.problems.append(contentsOf: problems)
                    state.pending.done = range.lowerBound + offset + 1
                    entries.removeAll()
                    problems.removeAll()
                }
            }
            if !stamps.isEmpty { observer?.stamped(stamps) }
            let provisional: Chunks<HeldFile>? = shared.withLock { state in
                if !held.isEmpty { state.held.append(held) }
                state.chunkResults[chunk] = (entries, problems)
                // Deliver every finished chunk that is next in order.
                while let ready = state.chunkResults.removeValue(forKey: state.nextToDeliver) {
                    state.deliver(ready.0)
                    state.pending.problems.append(contentsOf: ready.1)
                    state.pending.done = state.chunkEnds[state.nextToDeliver]
                    state.nextToDeliver += 1
                }
                // A folder of messages one per file lists nothing until every file is seen: its first threads
                // are listed early, as far as they are known, after the first chunks and a few times more.
                guard !state.deliveredAny, !state.makingProvisional, !state.held.isEmpty,
                      state.nextToDeliver >= state.nextProvisional, state.nextProvisional <= Self.lastProvisionalChunk else { return nil }
                state.makingProvisional = true
                state.nextProvisional = state.nextToDeliver * 4
                return Chunks(state.held)
            }
            if let provisional {
                let entries = Self.provisionalEntries(provisional, loader: loader, readState: readState)
                shared.withLock { state in
                    state.makingProvisional = false
                    guard !state.deliveredAny, !state.pending.finished else { return }
                    state.pending.provisional = entries
                    state.listedEarly = false
                }
            }
        }
        let last = shared.withLock { state -> Bool in
            state.runningWorkers -= 1
            return state.runningWorkers == 0
        }
        guard last else { return }
        // Every file is seen: the held ones are read together, after the others.
        // Taken out of the shared state: what was kept of 400,000 messages is let go once they are listed.
        // The listing is not needed any more either (400,000 paths of a Maildir).
        let (held, listed) = shared.withLock { state in
            defer {
                state.held = []
                state.files = []
            }
            return (Chunks(state.cancelled ? [] : state.held), state.files.count)
        }
        if let observer {
            // By place in the listing: the watch takes them over whole, one array of 390,000, not a copy each.
            // None when nothing was held (a folder of stories read one by one): no table of nothing.
            var keys = [JoinKeys](repeating: JoinKeys(), count: held.isEmpty ? 0 : listed)
            for file in held where file.order < listed { keys[file.order] = file.keys }
            observer.held(held.map(\.path), keys)
        }
        var entries: [StoryEntry] = []
        var problems: [LoadProblem] = []
        for result in Self.joinedEntries(JoinedFiles.groupIndices(held), held, loader: loader, readState: readState) {
            switch result {
            case .success(let found): entries += found
            case .failure(let problem): problems.append(problem)
            }
        }
        // A Maildir's messages were listed in readdir's order: its threads are listed in the order of their
        // files' names (for Maildir names, the order mail arrived in), as a sorted listing would give them.
        entries = Self.inPathOrder(entries)
        shared.withLock { state in
            state.pending.handOver(entries)
            state.pending.lateCount += entries.count
            state.pending.problems += problems
            state.pending.finished = true
            state.pending.provisional = []
        }
        FreedMemory.giveBack()
        finishedSignal.signal()
    }

    /// Every group's entries, in the groups' order, made on every core: 10,000 threads of a Maildir are
    /// threaded at the end, when nothing else is left to do.
    static func joinedEntries(_ groups: [[Int]], _ held: Chunks<HeldFile>, loader: CollectionLoader,
                              readState: ReadState) -> [Result<[StoryEntry], LoadProblem>] {
        let slices = max(1, min(ProcessInfo.processInfo.activeProcessorCount, groups.count / 64))
        let done = Mutex([Int: [Result<[StoryEntry], LoadProblem>]]())
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = (groups.count * slice / slices)..<(groups.count * (slice + 1) / slices)
            let results = groups[range].map { loader.joinedEntries($0.map { held[$0] }, readState: readState) }
            done.withLock { $0[slice] = results }
        }
        return done.withLock { parts in (0..<slices).flatMap { parts[$0] ?? [] } }
    }

    /// Stories in the order of their paths, those of one path keeping their order.
    static func inPathOrder<T: StorySourced>(_ items: [T]) -> [T] {
        items.enumerated().sorted { a, b in
            a.element.source.path != b.element.source.path ? NameOrder.lessPath(a.element.source.path, b.element.source.path) : a.offset < b.offset
        }.map(\.element)
    }

    /// The first threads of the files held so far, in listing order.
    private static func provisionalEntries(_ held: Chunks<HeldFile>, loader: CollectionLoader, readState: ReadState) -> [StoryEntry] {
        var entries: [StoryEntry] = []
        // Only threads whose first message is read already: the others would show as missing their start.
        for group in JoinedFiles.groupIndices(held) where group.contains(where: { held[$0].startsAStory }) {
            if case .success(let found) = loader.joinedEntries(group.map { held[$0] }, readState: readState) { entries += found }
            if entries.count >= provisionalStories { break }
        }
        return inPathOrder(entries)
    }

    /// Everything that arrived since the last call.
    public func take() -> Batch {
        shared.withLock { state in
            let batch = state.pending
            // Not keeping the capacity: the batch holds the storage, and the next entries are taken over whole.
            state.pending.entries.removeAll()
            state.pending.problems.removeAll()
            state.pending.provisional = nil
            state.pending.lateCount = 0
            return batch
        }
    }

    public func cancel() { shared.withLock { $0.cancelled = true } }

    /// Blocks until every file has been loaded (for benchmarks and tools).
    public func waitUntilFinished() {
        finishedSignal.wait()
        finishedSignal.signal()
    }
}

extension ParallelLoad.Batch {
    /// Adds entries to hand out: taken over whole when nothing is waiting (the usual case, the reader takes
    /// every few milliseconds), so 1,000 entries of an archive are not copied one by one.
    mutating func handOver(_ more: [StoryEntry]) {
        entries.adopt(more)
    }
}

extension Array {
    /// Appends `more`, taking its storage over when this array is empty: a file's 1,000 entries are then not
    /// copied one by one.
    public mutating func adopt(_ more: [Element]) {
        if isEmpty { self = more } else { append(contentsOf: more) }
    }
}
