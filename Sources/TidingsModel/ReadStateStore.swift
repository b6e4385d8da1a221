import Foundation

/// Loads and saves the read-state file: atomic replacement, and a file it cannot read is set aside, never lost.
public struct ReadStateStore: Sendable {
    public let path: String

    /// What `load` found.
    public enum LoadOutcome: Equatable, Sendable {
        case missing
        case loaded
        /// The file could not be used; it was renamed to `movedTo` and reading starts from empty.
        case setAside(reason: String, movedTo: String)
        /// The file could not be used nor moved; saving is disabled so it is not overwritten.
        case unusable(reason: String)
    }

    public init(path: String) { self.path = path }

    /// `--state` when given, else `$XDG_STATE_HOME/tidings/state.json`, else `~/.local/state/tidings/state.json`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/tidings/state.json"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/tidings/state.json"
    }

    public func load(now: Date = Date()) -> (ReadState, LoadOutcome) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return (ReadState(), .missing)
        } catch {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                return (ReadState(), .missing)
            }
            return setAside(reason: isDirectory.boolValue ? "it is a folder" : "it cannot be read", now: now)
        }
        do {
            return (try ReadStateCoding.decode(data), .loaded)
        } catch let error as ReadStateCoding.DecodeError {
            return setAside(reason: error.description, now: now)
        } catch {
            return setAside(reason: "\(error)", now: now)
        }
    }

    private func setAside(reason: String, now: Date) -> (ReadState, LoadOutcome) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        var target = path + ".corrupt-" + formatter.string(from: now)
        var attempt = 1
        while FileManager.default.fileExists(atPath: target) {
            attempt += 1
            target = path + ".corrupt-" + formatter.string(from: now) + "-\(attempt)"
        }
        if rename(path, target) == 0 {
            return (ReadState(), .setAside(reason: reason, movedTo: target))
        }
        return (ReadState(), .unusable(reason: reason))
    }

    /// Writes the state atomically: a new temporary file in the same folder, flushed, then renamed over the old one.
    public func save(_ state: ReadState) throws {
        try AtomicFile.write(ReadStateCoding.encode(state), to: path)
    }
}

/// Crash-safe whole-file replacement.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ data: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var template = Array((directory + "/." + (path as NSString).lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw WriteError(description: "cannot create a file in \(directory): \(errorText())") }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
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
        guard rename(temporary, path) == 0 else { throw WriteError(description: "cannot replace \(path): \(errorText())") }
        succeeded = true
        let folderDescriptor = open(directory, O_RDONLY | O_DIRECTORY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}
