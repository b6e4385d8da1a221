import Foundation

/// Loads and saves the read-state file. A save takes a lock, applies this instance's changes on top of
/// what is on disk, keeps the previous file as `.bak`, and replaces the file atomically. A file that cannot
/// be read is set aside, never overwritten; a path that is not a regular file (a folder, device, pipe or
/// socket) is refused and never touched. docs/STATE.md describes every rule.
public struct ReadStateStore: Sendable {
    /// The path as given (it may be a symlink).
    public let path: String
    /// Where the state really lives: a symlinked state file is written through to its target.
    public let target: String
    public var backupPath: String { target + ".bak" }
    public var lockPath: String { target + ".lock" }

    /// What `load` found.
    public enum LoadOutcome: Equatable, Sendable {
        case missing
        case loaded
        /// The file could not be used; it was renamed to `movedTo`. With `restoredBackup`, the last good state
        /// was loaded from the `.bak` file, else reading starts from nothing.
        case setAside(reason: String, movedTo: String, restoredBackup: Bool)
        /// The file could not be used nor moved; saving is disabled so it is not overwritten.
        case unusable(reason: String)
        /// Written by a newer Tidings: refused, so that it is never rewritten in an older version.
        case newerVersion(Int)
        /// The path is not a regular file: nothing was read, moved or created, and saving will refuse too.
        case refused(NotAFile)
    }

    public init(path: String) {
        self.path = path
        target = Self.resolveLinks(path)
    }

    /// `--state` when given, else `$XDG_STATE_HOME/tidings/state.json`, else `~/.local/state/tidings/state.json`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/tidings/state.json"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/tidings/state.json"
    }

    // MARK: Loading

    /// Throws when the path exists and is not a regular file: such a path is never used.
    public func check() throws(NotAFile) {
        try NotAFile.check(path)
    }

    public func load(now: Date = Date()) -> (ReadState, LoadOutcome) {
        do { try check() } catch { return (ReadState(), .refused(error)) }
        // Nothing to read needs no lock: a run that ends before its first save leaves no file and no folder.
        var info = stat()
        if stat(target, &info) != 0, errno == ENOENT || errno == ENOTDIR { return (ReadState(), .missing) }
        // The lock keeps another instance from saving between reading a bad file and setting it aside. A
        // folder where no lock can be made (read-only) can still be read.
        let lock = FileLock(path: lockPath)
        defer { lock?.unlock() }
        removeStaleTemporaryFiles()
        switch read(target) {
        case .missing: return (ReadState(), .missing)
        case .good(let state): return (state, .loaded)
        case .newer(let version): return (ReadState(), .newerVersion(version))
        case .notAFile(let kind): return (ReadState(), .refused(NotAFile(path: path, kind: kind)))
        case .bad(let reason):
            guard let movedTo = setAside(now: now) else { return (ReadState(), .unusable(reason: reason)) }
            if case .good(let backup) = read(backupPath) {
                return (backup, .setAside(reason: reason, movedTo: movedTo, restoredBackup: true))
            }
            return (ReadState(), .setAside(reason: reason, movedTo: movedTo, restoredBackup: false))
        }
    }

    private enum FileContents {
        case missing
        case good(ReadState)
        case newer(Int)
        case notAFile(NotAFile.Kind)
        case bad(String)
    }

    private func read(_ file: String) -> FileContents {
        var info = stat()
        guard stat(file, &info) == 0 else {
            // No such file, or a path through something that is not a folder: there is no state yet (saving
            // will say why it cannot create one).
            return errno == ENOENT || errno == ENOTDIR ? .missing : .bad("it cannot be examined: \(String(cString: strerror(errno)))")
        }
        if let kind = NotAFile.kind(of: info.st_mode) { return .notAFile(kind) }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(file, limit: 1 << 30)
        } catch {
            return .bad("it cannot be read: \(error)")
        }
        do {
            return .good(try ReadStateCoding.decode(Data(bytes)))
        } catch let error as ReadStateCoding.DecodeError {
            if let version = error.newerVersion { return .newer(version) }
            return .bad(error.description)
        } catch {
            return .bad("\(error)")
        }
    }

    /// Renames an unreadable state file out of the way; only ever a regular file (never a folder or device).
    private func setAside(now: Date) -> String? {
        var info = stat()
        guard lstat(target, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let stamp = target + ".corrupt-" + formatter.string(from: now)
        var candidate = stamp
        var attempt = 1
        while lstat(candidate, &info) == 0 {
            attempt += 1
            candidate = stamp + "-\(attempt)"
        }
        return rename(target, candidate) == 0 ? candidate : nil
    }

    /// Temporary files left by a save that was killed half way; safe to remove under the lock.
    private func removeStaleTemporaryFiles() {
        let folder = (target as NSString).deletingLastPathComponent
        let prefix = "." + (target as NSString).lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            unlink((folder.isEmpty ? "." : folder) + "/" + name)
        }
    }

    // MARK: Saving

    /// Saves: under the lock, `changes` are applied to the file on disk (so marks another instance saved are
    /// kept); when the file is missing or unreadable, `fallback` (this instance's whole state) is written and
    /// an unreadable file is set aside first. Returns what was written.
    @discardableResult
    public func save(changes: [ReadState.Change], fallback: ReadState, now: Date = Date()) throws -> ReadState {
        try locked {
            var merged: ReadState
            switch read(target) {
            case .good(var onDisk):
                onDisk.apply(changes)
                merged = onDisk
            case .missing:
                // The first save: a start with no file did not look for leftovers of a killed save.
                removeStaleTemporaryFiles()
                merged = fallback
            case .notAFile(let kind):
                throw AtomicFile.WriteError(description: "\(path) \(NotAFile(path: path, kind: kind)); it is left as it is")
            case .newer(let version):
                throw AtomicFile.WriteError(description: "\(target) was written by a newer Tidings (version \(version)); it is left as it is")
            case .bad:
                guard setAside(now: now) != nil else {
                    throw AtomicFile.WriteError(description: "\(target) cannot be read nor moved aside; it is left as it is")
                }
                merged = fallback
            }
            _ = merged.takeJournal()
            try AtomicFile.write(ReadStateCoding.encode(merged), to: target, backup: backupPath)
            return merged
        }
    }

    /// Replaces the file with exactly this state (no merging with what is on disk): for tools and tests.
    public func save(_ state: ReadState) throws {
        try locked { try AtomicFile.write(ReadStateCoding.encode(state), to: target, backup: backupPath) }
    }

    /// Runs `body` holding the lock, creating the state folder first. A path that is not a regular file is
    /// refused before anything is created beside it.
    private func locked<T>(_ body: () throws -> T) throws -> T {
        do { try check() } catch { throw AtomicFile.WriteError(description: "\(path) \(error); it is left as it is") }
        try AtomicFile.createFolders(folder)
        guard let lock = FileLock(path: lockPath) else {
            throw AtomicFile.WriteError(description: "cannot lock \(lockPath): \(String(cString: strerror(errno)))")
        }
        defer { lock.unlock() }
        return try body()
    }

    private var folder: String {
        let folder = (target as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Follows symlinks (also dangling ones) to the file they name.
    static func resolveLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
                  let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/") ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return current
    }
}

/// An exclusive `flock` on a lock file beside the state, held while reading and replacing it.
final class FileLock {
    private let descriptor: Int32

    /// Locks `path`, creating the file (not its folder) when missing; nil when that is not possible.
    init?(path: String) {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR {
                close(descriptor)
                return nil
            }
        }
    }

    func unlock() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Crash-safe whole-file replacement.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes a new temporary file (created exclusively, mode 0600, then the old file's mode) in the same
    /// folder, flushes it, keeps the old file as `backup` when given, renames over, and flushes the folder.
    public static func write(_ data: Data, to path: String, backup: String? = nil) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        try createFolders(directory)
        var template = Array((directory + "/." + (path as NSString).lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw WriteError(description: "cannot create a file in \(directory): \(errorText())") }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        var existing = stat()
        if stat(path, &existing) == 0 { fchmod(descriptor, existing.st_mode & 0o7777) }
        var written = 0
        let failure: String? = data.withUnsafeBytes { buffer -> String? in
            while written < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errorText()
                }
                written += count
            }
            return nil
        }
        if let failure {
            close(descriptor)
            throw WriteError(description: "cannot write \(path): \(failure)")
        }
        guard fsync(descriptor) == 0 else {
            let text = errorText()
            close(descriptor)
            throw WriteError(description: "cannot flush \(path): \(text)")
        }
        close(descriptor)
        // Checked again just before replacing: a folder or device that appeared meanwhile is never replaced.
        if stat(path, &existing) == 0, let kind = NotAFile.kind(of: existing.st_mode) {
            throw WriteError(description: "\(path) \(NotAFile(path: path, kind: kind)); it is left as it is")
        }
        if let backup, FileManager.default.fileExists(atPath: path) {
            // The backup is a second name for the old file, made under a temporary name and renamed, so a
            // good `.bak` exists at every moment once one was written.
            let linkName = temporary + ".bak"
            unlink(linkName)
            if link(path, linkName) == 0 { rename(linkName, backup) }
        }
        guard rename(temporary, path) == 0 else { throw WriteError(description: "cannot replace \(path): \(errorText())") }
        succeeded = true
        let folderDescriptor = open(directory, O_RDONLY | O_DIRECTORY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    static func errorText() -> String { String(cString: strerror(errno)) }

    /// `mkdir -p`, with a message that names the part of the path that is in the way.
    static func createFolders(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw WriteError(description: "cannot create the folder \(path): a file is in the way")
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try createFolders(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw WriteError(description: "cannot create the folder \(path): \(errorText())")
        }
    }
}
