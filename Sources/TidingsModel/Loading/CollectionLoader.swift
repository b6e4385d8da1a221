import Foundation

/// The one place files become stories: finds files under the given paths, picks the importer for each,
/// and counts what is unread.
public struct CollectionLoader: Sendable {
    public var registry: ImporterRegistry
    /// Files larger than this are reported as problems instead of being read.
    public var maximumFileSize: Int
    /// Where the list entries of large files are kept between runs; nil: none are kept.
    public var summaryCache: SummaryCache?
    /// Files at least this large list their first stories early (`earlyEntries`): reading all of a 27 MB
    /// archive takes longer than a first screen may.
    public var smallestEarlyListed: Int64 = 4 << 20
    /// How much of such a file is read for its first stories: a screenful and more, in a few milliseconds.
    public var earlyHead = 1 << 20

    public init(registry: ImporterRegistry = .standard, maximumFileSize: Int = 64 << 20, summaryCache: SummaryCache? = nil) {
        self.registry = registry
        self.maximumFileSize = maximumFileSize
        self.summaryCache = summaryCache
    }

    /// Everything under `paths`, collected: the simple form of `load(_:report:)`.
    public func loadAll(_ paths: [String]) -> (stories: [Story], problems: [LoadProblem]) {
        var stories: [Story] = []
        var problems: [LoadProblem] = []
        load(paths) { event in
            switch event {
            case .stories(let found): stories.append(contentsOf: found)
            case .problem(let problem): problems.append(problem)
            }
        }
        return (stories, problems)
    }

    /// Walks `paths` (files, or folders searched recursively, hidden entries skipped but a Maildir's Maildir++
    /// folders) and reports each result.
    /// Files whose stories continue in other files are reported last, read together (`JoinedFiles`).
    /// `stop` is asked before each file (a dump whose output failed stops reading).
    public func load(_ paths: [String], stop: () -> Bool = { false }, report: (LoadEvent) -> Void) {
        var held: [HeldFile] = []
        for (order, file) in listFiles(paths, problem: { report(.problem($0)) }).enumerated() {
            if stop() { return }
            let result = withImporter(file.path, named: file.named, streaming: { try Self.streamedStories($0, file.path).map { .read($0) } }) { importer, bytes, _ -> ReadOrHeld<[Story]> in
                if let part = importer.heldPart(in: bytes, path: file.path) { return .held(HeldFile(path: file.path, keys: part.keys, order: order)) }
                let stories = try importer.stories(in: bytes, path: file.path)
                return importer.damage(in: bytes).map { .partly(stories, LoadProblem(path: file.path, failure: $0)) } ?? .read(stories)
            }
            switch result {
            case .success(.read(let stories)): report(.stories(stories))
            case .success(.partly(let stories, let problem)):
                report(.stories(stories))
                report(.problem(problem))
            case .success(.held(let file)): held.append(file)
            case .failure(let problem): report(.problem(problem))
            }
        }
        // Groups in the order of their files' names, as the reader lists them (`ParallelLoad.inPathOrder`): a
        // Maildir's messages were listed in readdir's order.
        let groups = JoinedFiles.groups(held).map { ($0.map(\.path).min(by: NameOrder.lessPath) ?? "", $0) }.sorted { NameOrder.lessPath($0.0, $1.0) }.map(\.1)
        for group in groups {
            if stop() { return }
            switch joined(group, { importer, files in try importer.stories(inFiles: files) }) {
            case .success(let stories): report(.stories(ParallelLoad.inPathOrder(stories)))
            case .failure(let problem): report(.problem(problem))
            }
        }
    }

    /// One file's list entries, or the file held back to be read with others (`Importer.joinKeys`). A large
    /// file's entries come from the summary cache when it has them for this version of the file, and are
    /// kept there when they had to be made. `stamped` is told the stamp of the file as it is opened, before
    /// anything is read: the version listed (a change after it has another stamp).
    /// `early`, when given, is told the entries of a large archive's first stories before the whole file is
    /// read, when they do not come from the summary cache (`earlyEntries`).
    public func entriesOrHeld(_ file: ListedFile, order: Int, readState: ReadState,
                              stamped: ((FileStamp) -> Void)? = nil,
                              early: (([StoryEntry]) -> Void)? = nil) -> Result<ReadOrHeld<[StoryEntry]>, LoadProblem> {
        let cache = summaryCache
        let readComments: (String, String?) -> Bool = { readState.hasReadComments($0, legacyID: $1) }
        func key(_ stamp: FileStamp?) -> SummaryCache.Key? {
            stamp.flatMap { cache?.key(path: file.path, stamp: $0, named: file.named) }
        }
        // Entries to be kept carry every comment id, whatever this run's read state needs.
        func listed(_ summaries: [ImportedSummary], keptAs key: SummaryCache.Key?) -> ReadOrHeld<[StoryEntry]> {
            let entries = UnreadCounting.entries(summaries, readState: readState)
            // A damaged file read in part is listed with its problem, and not kept: it is read again next time.
            if let damage = summaries.lazy.compactMap(\.damage).first {
                return .partly(entries, LoadProblem(path: file.path, failure: damage))
            }
            if let key { cache?.store(summaries, for: key) }
            return .read(entries)
        }
        return withImporter(file.path, named: file.named, instead: { stamp in
            stamped?(stamp)
            if let cached = key(stamp).flatMap({ cache?.entries(for: $0, readState: readState) }) { return .read(cached) }
            if let early, stamp.size >= smallestEarlyListed, let entries = earlyEntries(file, readState: readState) { early(entries) }
            return nil
        }, streaming: { importer in
            let kept = key(FileStamp(path: file.path))
            return try importer.summaries(streamingFile: file.path, needsCommentIDs: kept == nil ? readComments : { _, _ in true })
                .map { listed($0, keptAs: kept) }
        }) { importer, bytes, stamp in
            if let part = importer.heldPart(in: bytes, path: file.path) {
                return .held(HeldFile(path: file.path, keys: part.keys, order: order, kept: part.kept, importerIndex: registry.index(of: importer),
                                      startsAStory: part.startsAStory))
            }
            let kept = key(stamp)
            return listed(try importer.summaries(in: bytes, path: file.path, needsCommentIDs: kept == nil ? readComments : { _, _ in true }),
                          keptAs: kept)
        }
    }

    /// The entries of the first stories of a large file, from its first bytes (`Importer.earlySummaries`);
    /// nil when its importer cannot tell stories from part of a file.
    func earlyEntries(_ file: ListedFile, readState: ReadState) -> [StoryEntry]? {
        guard let head = try? FileBytes.prefix(file.path, count: earlyHead),
              case .success(let importer)? = registry.importer(path: file.path, prefix: head.prefix(ImporterRegistry.prefixLength), named: file.named),
              let summaries = importer.earlySummaries(inHead: head, path: file.path,
                                                      needsCommentIDs: { readState.hasReadComments($0, legacyID: $1) }),
              !summaries.isEmpty else { return nil }
        return UnreadCounting.entries(summaries, readState: readState)
    }

    /// The list entries of files read together.
    public func joinedEntries(_ group: [HeldFile], readState: ReadState) -> Result<[StoryEntry], LoadProblem> {
        // Listed from what was kept of each file when every one of them has it: no file is read again.
        if let index = group.first?.importerIndex, registry.importers.indices.contains(Int(index)) {
            let importer = registry.importers[Int(index)]
            let kept = group.compactMap { file in file.kept.map { (path: file.path, kept: $0) } }
            if kept.count == group.count {
                let listed = Self.catching(group[0].path) {
                    try importer.summaries(kept: kept, needsCommentIDs: { readState.hasReadComments($0, legacyID: $1) })
                }
                switch listed {
                case .success(let summaries?): return .success(UnreadCounting.entries(summaries, readState: readState))
                case .success(nil): break
                case .failure(let problem): return .failure(problem)
                }
            }
        }
        return joined(group) { importer, files in try importer.entries(inFiles: files, readState: readState) }
    }

    /// Reads a group's files together and marks every story with them all, unless the importer said which
    /// of them each story is read from (a thread of messages names its own files).
    private func joined<T: StorySourced>(_ group: [HeldFile], _ body: (any Importer, [FileContents]) throws -> [T]) -> Result<[T], LoadProblem> {
        let paths = group.map(\.path)
        return withFiles(paths) { importer, files in
            let items = try body(importer, files)
            guard !importer.namesFilesOfJoinedStories else { return items }
            return items.map { item in
                var item = item
                item.source.otherPaths = Array(paths.dropFirst())
                return item
            }
        }
    }

    /// The files `load` would read, in order, each once however often it is reached; folders that cannot be
    /// listed are reported as problems. Files given in `paths` themselves are `named`.
    public func listFiles(_ paths: [String], problem: (LoadProblem) -> Void) -> [ListedFile] {
        DocumentFiles.list(paths, problem: problem)
    }

    public func loadEvent(_ file: ListedFile) -> LoadEvent {
        switch loadFile(file.path, named: file.named) {
        case .success(let stories): return .stories(stories)
        case .failure(let problem): return .problem(problem)
        }
    }

    /// Reads and parses one file. Unless `named`, a file whose name says it is not a story is skipped (a
    /// `notAStory` problem) without being read.
    public func loadFile(_ path: String, named: Bool = true) -> Result<[Story], LoadProblem> {
        withImporter(path, named: named, streaming: { try Self.streamedStories($0, path) }) { importer, bytes, _ in
            try importer.stories(in: bytes, path: path)
        }
    }

    /// Reads one file and makes its list entries, counting unread comments against `readState` (marks still
    /// under a story's version-1 id count too: the reader moves them when it lists the story).
    public func entries(_ path: String, readState: ReadState, named: Bool = true) -> Result<[StoryEntry], LoadProblem> {
        withImporter(path, named: named, streaming: { try $0.entries(streamingFile: path, readState: readState) }) { importer, bytes, _ in
            try importer.entries(in: bytes, path: path, readState: readState)
        }
    }

    /// Parses the story behind a list entry again from its file (its source reference says which story),
    /// or from all its files together.
    public func story(for summary: StorySummary) -> Result<Story, LoadProblem> {
        guard summary.source.otherPaths.isEmpty else {
            return withFiles(summary.source.paths) { importer, files in
                var story = try importer.story(inFiles: files, for: summary)
                story.source.otherPaths = summary.source.otherPaths
                return story
            }
        }
        // A thread of an mbox is read from its own bytes, not the archive's (`Importer.story(streamingFile:for:)`).
        if summary.source.locator != nil, case .success(let story?)? = partOfFile(summary) { return .success(story) }
        return withImporter(summary.path, named: true, streaming: { importer in
            try importer.story(streamingFile: summary.path, for: summary)
        }) { importer, bytes, _ in try importer.story(in: bytes, for: summary) }
    }

    /// Every story of one file, parsed in full (a search reads an mbox or a feed once, not once per story).
    public func stories(inFile path: String) -> Result<[Story], LoadProblem> {
        withImporter(path, named: true, streaming: { try Self.streamedStories($0, path) }) { importer, bytes, _ in
            try importer.stories(in: bytes, path: path)
        }
    }

    /// The story read by its importer from the part of the file that holds it, when the importer can: nil
    /// when it cannot (the whole file is read then).
    private func partOfFile(_ summary: StorySummary) -> Result<Story?, LoadProblem>? {
        guard let prefix = try? FileBytes.prefix(summary.path, count: ImporterRegistry.prefixLength),
              case .success(let importer)? = registry.importer(path: summary.path, prefix: prefix[...], named: true) else { return nil }
        return Self.catching(summary.path) { try importer.story(streamingFile: summary.path, for: summary) }
    }

    /// Reads several files, to be read as one source by the importer of the first. A file of the group that
    /// is gone since it was listed is left out (a message moved by the mail client); the first must be there.
    private func withFiles<T>(_ paths: [String], _ body: (any Importer, [FileContents]) throws -> T) -> Result<T, LoadProblem> {
        var files: [FileContents] = []
        for (index, path) in paths.enumerated() {
            switch Self.catching(path, { try FileBytes.read(path, limit: maximumFileSize) }) {
            case .success(let bytes): files.append(FileContents(path: path, bytes: bytes))
            case .failure(let problem):
                if index > 0, problem.failure == .vanished { continue }
                return .failure(problem)
            }
        }
        guard case .success(let importer)? = registry.importer(path: paths[0], prefix: files[0].bytes.prefix(ImporterRegistry.prefixLength), named: true) else {
            return .failure(LoadProblem(path: paths[0], failure: .unknownFormat))
        }
        return Self.catching(paths[0]) { try body(importer, files) }
    }

    /// Reads the file whole and hands it to its importer; a file larger than `maximumFileSize` goes to
    /// `streaming` when its importer reads files in pieces (an mbox), else it is too large. `instead` is asked
    /// first, with the file's stamp, and what it answers stands for the file, which is then not read.
    private func withImporter<T>(_ path: String, named: Bool, instead: ((FileStamp) -> T?)? = nil,
                                 streaming: ((any Importer) throws -> T?)? = nil,
                                 _ body: (any Importer, [UInt8], FileStamp) throws -> T) -> Result<T, LoadProblem> {
        // A picture or a README.md beside the stories is not even opened.
        if case .failure(let failure)? = registry.importer(path: path, prefix: nil, named: named) {
            return .failure(LoadProblem(path: path, failure: failure))
        }
        return Self.catching(path) {
            let bytes: [UInt8]
            let stamp: FileStamp
            do {
                switch try FileBytes.read(path, limit: maximumFileSize, instead: { instead?($0) }) {
                case .instead(let answer): return answer
                case .bytes(let read, let readStamp): (bytes, stamp) = (read, readStamp)
                }
            } catch LoadFailure.tooLarge(let size, let limit) {
                guard let streaming, case .success(let importer)? = registry.importer(path: path, prefix: try FileBytes.prefix(path, count: ImporterRegistry.prefixLength)[...], named: named),
                      let result = try streaming(importer) else { throw LoadFailure.tooLarge(bytes: size, limit: limit) }
                return result
            }
            switch registry.importer(path: path, prefix: bytes.prefix(ImporterRegistry.prefixLength), named: named) {
            case .success(let importer)?: return try body(importer, bytes, stamp)
            case .failure(let failure)?: throw failure
            case nil: throw LoadFailure.unknownFormat
            }
        }
    }

    /// Every story of a file read in pieces, each from its own part of the file (nil: the importer reads
    /// files whole only).
    private static func streamedStories(_ importer: any Importer, _ path: String) throws -> [Story]? {
        if let stories = try importer.stories(streamingFile: path) { return stories }
        guard let summaries = try importer.summaries(streamingFile: path, needsCommentIDs: { _, _ in false }) else { return nil }
        return try summaries.map { imported in
            guard let story = try importer.story(streamingFile: path, for: imported.summary) else { throw LoadFailure.storyGone }
            return story
        }
    }

    /// What `work` throws, as the problem of the file at `path`.
    private static func catching<T>(_ path: String, _ work: () throws -> T) -> Result<T, LoadProblem> {
        do {
            return .success(try work())
        } catch let failure as LoadFailure {
            return .failure(LoadProblem(path: path, failure: failure))
        } catch {
            return .failure(LoadProblem(path: path, failure: .other("\(error)")))
        }
    }
}

/// What has a source reference: stories and list entries, so joined files can mark either with their paths.
protocol StorySourced: Sendable {
    var source: SourceReference { get set }
}

extension Story: StorySourced {}

extension StoryEntry: StorySourced {
    var source: SourceReference {
        get { summary.source }
        set { summary.source = newValue }
    }
}
