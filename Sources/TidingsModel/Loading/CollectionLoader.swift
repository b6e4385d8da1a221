import Foundation

/// The one place files become stories: finds files under the given paths, picks the importer for each,
/// and counts what is unread.
public struct CollectionLoader: Sendable {
    public var registry: ImporterRegistry
    /// Files larger than this are reported as problems instead of being read.
    public var maximumFileSize: Int

    public init(registry: ImporterRegistry = .standard, maximumFileSize: Int = 64 << 20) {
        self.registry = registry
        self.maximumFileSize = maximumFileSize
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

    /// Walks `paths` (files, or folders searched recursively, hidden entries skipped) and reports each result.
    public func load(_ paths: [String], report: (LoadEvent) -> Void) {
        for file in listFiles(paths, problem: { report(.problem($0)) }) {
            report(loadEvent(file))
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
        withImporter(path, named: named) { importer, bytes in try importer.stories(in: bytes, path: path) }
    }

    /// Reads one file and makes its list entries, counting unread comments against `readState` (marks still
    /// under a story's version-1 id count too: the reader moves them when it lists the story).
    public func entries(_ path: String, readState: ReadState, named: Bool = true) -> Result<[StoryEntry], LoadProblem> {
        withImporter(path, named: named) { importer, bytes in try importer.entries(in: bytes, path: path, readState: readState) }
    }

    /// Parses the story behind a list entry again from its file (its source reference says which story).
    public func story(for summary: StorySummary) -> Result<Story, LoadProblem> {
        withImporter(summary.path, named: true) { importer, bytes in try importer.story(in: bytes, for: summary) }
    }

    private func withImporter<T>(_ path: String, named: Bool, _ body: (any Importer, [UInt8]) throws -> T) -> Result<T, LoadProblem> {
        // A picture or a README.md beside the stories is not even opened.
        if case .failure(let failure)? = registry.importer(path: path, prefix: nil, named: named) {
            return .failure(LoadProblem(path: path, failure: failure))
        }
        do {
            let bytes = try FileBytes.read(path, limit: maximumFileSize)
            switch registry.importer(path: path, prefix: bytes.prefix(4096), named: named) {
            case .success(let importer)?: return .success(try body(importer, bytes))
            case .failure(let failure)?: return .failure(LoadProblem(path: path, failure: failure))
            case nil: return .failure(LoadProblem(path: path, failure: .unknownFormat))
            }
        } catch let failure as LoadFailure {
            return .failure(LoadProblem(path: path, failure: failure))
        } catch {
            return .failure(LoadProblem(path: path, failure: .other("\(error)")))
        }
    }
}
