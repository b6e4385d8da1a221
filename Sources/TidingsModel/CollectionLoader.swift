import Foundation

/// A file that could not be loaded, or was skipped as not a story, with the reason in words a reader
/// understands.
public struct LoadProblem: Error, Sendable, Equatable {
    /// A real problem, or a file that is simply not a story (shown only when asked, never counted).
    public enum Kind: Sendable, Equatable {
        case failed
        case notAStory
    }

    public var path: String
    public var reason: String
    public var kind: Kind
    public init(path: String, reason: String, kind: Kind = .failed) {
        self.path = path
        self.reason = reason
        self.kind = kind
    }

    /// Not a story (a README, a picture): skipped, not a failure.
    public var isSkipped: Bool { kind == .notAStory }
}

/// A file to load, and whether the user named it (then its name does not decide whether it is a story)
/// rather than it being found in a folder.
public struct ListedFile: Sendable, Equatable {
    public var path: String
    public var named: Bool
    public init(path: String, named: Bool) {
        self.path = path
        self.named = named
    }
}

/// What the loader reports as it goes: stories and problems (skipped files among them) in file order.
public enum LoadEvent: Sendable {
    case stories([Story])
    case problem(LoadProblem)
}

/// The one place files become stories: finds files under the given paths and parses each in turn.
public struct CollectionLoader: Sendable {
    public var registry: FormatRegistry
    /// Files larger than this are reported as problems instead of being read.
    public var maximumFileSize: Int

    public init(registry: FormatRegistry = .standard, maximumFileSize: Int = 64 << 20) {
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
        withBytes(of: path, named: named) { try registry.parse($0, path: path, named: named) }
    }

    /// Reads one file and makes its list entries; `named` as for `loadFile`.
    public func entries(_ path: String, readState: ReadState, named: Bool = true) -> Result<[StoryEntry], LoadProblem> {
        withBytes(of: path, named: named) { try registry.entries($0, path: path, readState: readState, named: named) }
    }

    private func withBytes<T>(of path: String, named: Bool, _ body: ([UInt8]) throws -> T) -> Result<T, LoadProblem> {
        // A picture or a README.md beside the stories is not even opened.
        if !named, let reason = registry.skipReason(path: path, prefix: nil) {
            return .failure(LoadProblem(path: path, reason: reason, kind: .notAStory))
        }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path, limit: maximumFileSize)
        } catch {
            return .failure(LoadProblem(path: path, reason: "\(error)"))
        }
        do {
            return .success(try body(bytes))
        } catch let error as DocumentError {
            return .failure(LoadProblem(path: path, reason: error.message, kind: error.isNotAStory ? .notAStory : .failed))
        } catch {
            return .failure(LoadProblem(path: path, reason: "\(error)"))
        }
    }
}

/// Reads a whole file with a size limit and errors that say what went wrong.
enum FileBytes {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw ReadError(description: reason(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw ReadError(description: reason(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw ReadError(description: "not a regular file") }
        let size = Int(info.st_size)
        guard size <= limit else {
            throw ReadError(description: "too large (\(size >> 20) MiB; the limit is \(limit >> 20) MiB)")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + filled, size - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(description: reason(errno))
            }
            if count == 0 { break }  // the file shrank while reading: keep what is there
            filled += count
        }
        if filled < size { bytes.removeSubrange(filled...) }
        return bytes
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "file disappeared"
        case EISDIR: return "is a folder"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
