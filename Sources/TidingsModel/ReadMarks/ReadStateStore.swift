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
        /// The file could not be used for `skipped` story entries of it; it was renamed to `movedTo`, and the
        /// other entries were kept (there was no good `.bak` to load instead).
        case setAsideKeepingTheRest(reason: String, movedTo: String, skipped: Int)
        /// Found unreadable by a save, while the reader ran: moved aside, the reader's marks written instead.
        case setAsideWhileRunning(reason: String, movedTo: String)
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

    /// How long a start waits for another instance's lock before reading without it, and a save before it
    /// gives up (its changes go with the next save), in seconds. A save holds it for milliseconds.
    var lockWaits = (start: 1.0, save: 5.0)

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
        // folder where no lock can be made (read-only) can still be read, and so can a file whose lock another
        // instance holds for more than a second (stopped while saving): saves replace the file whole, so
        // what is read is one save or the other, and a bad file is then left where it is.
        let lock = try? FileLock(path: lockPath, timeout: lockWaits.start)
        defer { lock?.unlock() }
        if lock != nil { removeStaleTemporaryFiles() }
        switch read(target) {
        case .missing: return (ReadState(), .missing)
        case .good(let state): return (state, .loaded)
        case .newer(let version): return (ReadState(), .newerVersion(version))
        case .notAFile(let kind): return (ReadState(), .refused(NotAFile(path: path, kind: kind)))
        case .bad(let reason):
            guard lock != nil, let movedTo = setAside(now: now) else { return (ReadState(), .unusable(reason: reason)) }
            if case .good(let backup) = read(backupPath) {
                return (backup, .setAside(reason: reason, movedTo: movedTo, restoredBackup: true))
            }
            // No last good state: the entries that can be read are kept rather than every mark lost.
            if let bytes = try? FileBytes.read(movedTo, limit: 1 << 30), let kept = ReadStateCoding.salvage(Data(bytes)) {
                return (kept.state, .setAsideKeepingTheRest(reason: reason, movedTo: movedTo, skipped: kept.skipped))
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
    /// `setAside` hears of a file found unreadable and moved aside, with the words the user reads.
    @discardableResult
    public func save(changes: [ReadState.Change], fallback: ReadState, now: Date = Date(),
                     setAside reportSetAside: (String) -> Void = { _ in }) throws -> ReadState {
        // Before the lock: in a folder this user cannot write, no lock file can be made either, and the
        // reason worth saying is the file's.
        if isReadOnly { throw StateFileProblem.readOnly(path: target) }
        return try locked {
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
                throw StateFileProblem.notAFile(NotAFile(path: path, kind: kind))
            case .newer(let version):
                throw StateFileProblem.newerVersion(path: target, version: version)
            case .bad(let reason):
                guard let movedTo = setAside(now: now) else {
                    throw StateFileProblem.unreadableAndStuck(path: target)
                }
                // Spoiled while the reader ran (by hand, a tool, a full disk): said as a start says it.
                reportSetAside(LoadOutcome.setAsideWhileRunning(reason: reason, movedTo: movedTo).words(for: self) ?? reason)
                merged = fallback
            }
            _ = merged.takeJournal()
            try AtomicFile.write(ReadStateCoding.encode(merged), to: target, backup: backupPath)
            return merged
        }
    }

    /// Whether the file is there and its permissions say it is not to be written: not by this user, or by
    /// nobody (which the superuser, whom permissions do not stop, respects too, as editors do).
    var isReadOnly: Bool {
        var info = stat()
        guard stat(target, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        return info.st_mode & 0o222 == 0 || (access(target, W_OK) != 0 && errno == EACCES)
    }

    /// Replaces the file with exactly this state (no merging with what is on disk): for tools and tests.
    public func save(_ state: ReadState) throws {
        try locked { try AtomicFile.write(ReadStateCoding.encode(state), to: target, backup: backupPath) }
    }

    /// Runs `body` holding the lock, creating the state folder first. A path that is not a regular file is
    /// refused before anything is created beside it.
    private func locked<T>(_ body: () throws -> T) throws -> T {
        do { try check() } catch { throw StateFileProblem.notAFile(error) }
        try AtomicFile.createFolders(folder)
        let lock: FileLock
        do {
            lock = try FileLock(path: lockPath, timeout: lockWaits.save)
        } catch FileLock.Refusal.cannotOpen(let reason) {
            // No lock file can be made: the folder is not writable, and a save (which replaces the file
            // through a new one beside it) cannot be done there either; the folder is what to name.
            throw StateFileProblem.cannotCreateFile(folder: folder, reason: reason)
        } catch {
            throw StateFileProblem.cannotLock(path: lockPath, reason: error.words)
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
