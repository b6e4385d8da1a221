import Foundation

/// List entries of large files kept between runs (docs/DECISIONS.md §26), as a mail reader keeps a header
/// cache: a 27 MB mbox or a 10 MB feed is listed again from a few hundred kilobytes instead of being read and
/// threaded again. An entry is used only for the very version of the file it was made from, by the very build
/// of Tidings that made it; anything else (and any damage) is a miss, and the file is read as usual.
/// Writing is best effort: a cache that cannot be written is simply not kept.
public struct SummaryCache: Sendable {
    /// What an entry was made from.
    public struct Key: Sendable, Equatable {
        public var path: String
        public var stamp: FileStamp
        public var named: Bool
        public var program: ProgramStamp
    }

    /// The build of Tidings: the executable's size and modification time, so a new build never reads what
    /// an older one wrote (importers change between builds).
    public struct ProgramStamp: Sendable, Equatable {
        public var size: UInt64
        public var modified: Int64

        public init(size: UInt64, modified: Int64) {
            self.size = size
            self.modified = modified
        }

        /// The running executable's stamp, nil when it cannot be found.
        public static func current() -> ProgramStamp? {
            #if os(Linux)
            let path = "/proc/self/exe"
            #else
            guard let path = Bundle.main.executablePath else { return nil }
            #endif
            return FileStamp(path: path).map { ProgramStamp(size: UInt64($0.size), modified: $0.modified) }
        }
    }

    /// Files smaller than this are read rather than looked up: reading the cache would cost about as much.
    public static let smallestCachedFile: Int64 = 256 << 10

    public let folder: String
    public let program: ProgramStamp
    /// Files smaller than this are not cached (`smallestCachedFile`; tests use small files).
    public let smallestFile: Int64

    public init(folder: String, program: ProgramStamp, smallestFile: Int64 = SummaryCache.smallestCachedFile) {
        self.folder = folder
        self.program = program
        self.smallestFile = smallestFile
    }

    /// The cache for this user, nil when there is no build stamp or no home: `$XDG_CACHE_HOME/tidings/summaries`
    /// or `~/.cache/tidings/summaries`. Nothing is created until something is stored.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> SummaryCache? {
        guard let program = ProgramStamp.current() else { return nil }
        let base: String
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = cache
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home + "/.cache"
        } else {
            return nil
        }
        return SummaryCache(folder: base + "/tidings/summaries", program: program)
    }

    func key(path: String, stamp: FileStamp, named: Bool) -> Key? {
        guard stamp.size >= smallestFile else { return nil }
        return Key(path: path, stamp: stamp, named: named, program: program)
    }

    /// The entries kept for `key`, nil when there are none for that version of the file.
    func summaries(for key: Key) -> [ImportedSummary]? {
        FileBytes.mapped(entryPath(key.path)) { SummaryCoding.decode($0, key: key) } ?? nil
    }

    /// The list entries kept for `key` with their unread counts, nil when there are none.
    func entries(for key: Key, readState: ReadState) -> [StoryEntry]? {
        FileBytes.mapped(entryPath(key.path)) { bytes in
            SummaryCoding.decode(bytes, key: key) { UnreadCounting.entry($0, readState: readState) }
        } ?? nil
    }

    /// Keeps the entries for `key`: written beside and renamed into place, so a reader never sees half a file.
    func store(_ summaries: [ImportedSummary], for key: Key) {
        guard let bytes = SummaryCoding.encode(summaries, key: key) else { return }
        let target = entryPath(key.path)
        let temporary = target + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).part"
        guard makeFolder() else { return }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return }
        var written = 0
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            return true
        }
        close(descriptor)
        if !complete || rename(temporary, target) != 0 { unlink(temporary) }
    }

    /// One cache file per path: its name is the path's hash (the path itself is in the file and compared).
    func entryPath(_ path: String) -> String {
        var hash = StableHash()
        hash.add(path)
        let hex = String(hash.value, radix: 16)
        return folder + "/" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The cache folder and its parents, private to the user.
    private func makeFolder() -> Bool {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) { return isFolder.boolValue }
        return (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                         attributes: [.posixPermissions: 0o700])) != nil
    }
}
