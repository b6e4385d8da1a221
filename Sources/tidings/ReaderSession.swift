import ArgumentParser
import Foundation
import Synchronization
import TidingsModel
import TidingsUI

/// Runs the interactive reader: loads in the background, draws, reads keys, saves read state.
struct ReaderSession {
    let sources: [String]
    let store: ReadStateStore
    /// Save at most this often while reading; quitting always saves.
    static let saveInterval: TimeInterval = 0.5
    /// After a failed save (read-only or full disk), try again this often.
    static let retryInterval: TimeInterval = 3

    func run() throws {
        // First make sure the reader can run here: a run that refuses to start leaves the state file, its
        // folder and its lock file exactly as they were.
        do {
            try CursesTerminal.checkUsable()
        } catch let error as CursesTerminal.Unavailable {
            StandardError.say(error.description)
            throw ExitCode(2)
        }
        let (readState, outcome) = store.load()
        var canSave = true
        var startMessage: String?
        switch outcome {
        case .missing, .loaded: break
        case .setAside(let reason, let movedTo, let restoredBackup):
            startMessage = "Unreadable state file (\(reason)) moved to \(movedTo); "
                + (restoredBackup ? "loaded the last good state from \(store.backupPath)" : "starting with nothing read")
        case .newerVersion(let version):
            StandardError.say("\(store.target) was written by a newer Tidings (state version \(version); this build reads \(ReadStateCoding.version)); it is left untouched. Use a newer tidings, or --state FILE for another file.")
            throw ExitCode(2)
        case .refused(let refusal):
            // Checked before (StartChecks); this is a path that changed since.
            StandardError.say("state file \(UntrustedText.sanitize(store.path)): \(refusal)")
            throw ExitCode(2)
        case .unusable(let reason):
            startMessage = "The state file \(store.path) could not be read (\(reason)); read marks will not be saved"
            canSave = false
        }

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch let error as CursesTerminal.Unavailable {
            StandardError.say(error.description)
            throw ExitCode(2)
        }
        defer { terminal.close() }
        SignalFlag.install()

        let size = terminal.size
        var state = AppState(provider: FileStories(), readState: readState, width: size.width, height: size.height)
        state.message = startMessage
        let loading = ParallelLoad(sources: sources, readState: readState)
        let saver = StateSaver(store: store)
        var savedRevision = state.readStateRevision
        var lastSave = Date.distantPast

        var needsFrame = true
        var loadingDone = false
        while true {
            let batch = loading.take()
            loadingDone = batch.finished
            if state.absorb(batch) { needsFrame = true }
            if state.message == nil, let failure = saver.takeFailure() {
                state.message = "Cannot save read state (\(failure)); will retry"
                needsFrame = true
            }
            // Draw only when something changed: an idle reader uses no CPU.
            if needsFrame { terminal.present(state.render()) }
            needsFrame = true
            if state.shouldQuit || SignalFlag.received != 0 { break }
            // While stories arrive, look for them every few milliseconds; idle, wake ten times a second.
            terminal.setInputTimeout(milliseconds: state.loadProgress == nil && loadingDone ? 100 : 4)
            switch terminal.readKey() {
            case .key(let key): state.handle(key)
            case .resize:
                let size = terminal.size
                state.resize(width: size.width, height: size.height)
            case .interrupt: state.perform(.quit)
            case .timeout: needsFrame = false
            }
            let sinceSave = Date().timeIntervalSince(lastSave)
            let changed = state.readStateRevision != savedRevision && sinceSave >= Self.saveInterval
            let retry = saver.hasFailed && sinceSave >= Self.retryInterval
            if canSave, changed || retry {
                saver.save(changes: state.takeReadStateChanges(), fallback: state.readState)
                savedRevision = state.readStateRevision
                lastSave = Date()
            }
        }
        loading.cancel()
        if canSave {
            if state.readStateRevision != savedRevision || saver.hasFailed {
                saver.save(changes: state.takeReadStateChanges(), fallback: state.readState)
            }
            if let failure = saver.finish() {
                terminal.close()
                FileHandle.standardError.write(Data("tidings: read state not saved to \(store.path): \(failure)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}

/// Writes read state on a background queue, reporting failures to the main loop. Changes that could not
/// be saved are kept and go with the next attempt.
final class StateSaver: Sendable {
    private struct Pending {
        var changes: [ReadState.Change] = []
        var fallback = ReadState()
        var failure: String?
        var failed = false
    }

    private let store: ReadStateStore
    private let queue = DispatchQueue(label: "tidings.save")
    private let pending = Mutex(Pending())

    init(store: ReadStateStore) { self.store = store }

    /// Queues a save of `changes`; `fallback` is the whole state, written if the file is gone or unreadable.
    func save(changes: [ReadState.Change], fallback: ReadState) {
        pending.withLock {
            $0.changes += changes
            $0.fallback = fallback
        }
        queue.async { [self] in
            let (changes, fallback) = pending.withLock { value in
                defer { value.changes.removeAll() }
                return (value.changes, value.fallback)
            }
            do {
                try store.save(changes: changes, fallback: fallback)
                pending.withLock { $0.failed = false }
            } catch {
                pending.withLock {
                    // Keep the changes, in order, ahead of any that arrived meanwhile.
                    $0.changes = changes + $0.changes
                    $0.failure = "\(error)"
                    $0.failed = true
                }
            }
        }
    }

    /// Whether the last save failed (its changes are still pending).
    var hasFailed: Bool { pending.withLock { $0.failed } }

    /// A failure not yet reported.
    func takeFailure() -> String? { pending.withLock { value in defer { value.failure = nil }; return value.failure } }

    /// Waits for queued saves; returns the error if the last one failed.
    func finish() -> String? {
        queue.sync {}
        return pending.withLock { $0.failed ? ($0.failure ?? "save failed") : nil }
    }
}

/// Termination signals become a flag the loop checks, so the terminal is restored and state saved first.
enum SignalFlag {
    nonisolated(unsafe) static var received: sig_atomic_t = 0

    static func install() {
        for number in [SIGTERM, SIGHUP, SIGINT] {
            signal(number) { received in SignalFlag.received = received }
        }
    }
}
