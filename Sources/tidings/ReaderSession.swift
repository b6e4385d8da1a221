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

    func run() throws {
        let (readState, outcome) = store.load()
        var canSave = true
        var startMessage: String?
        switch outcome {
        case .missing, .loaded: break
        case .setAside(let reason, let movedTo):
            startMessage = "Unreadable state file (\(reason)) moved to \(movedTo); starting with nothing read"
        case .unusable(let reason):
            startMessage = "The state file \(store.path) could not be read (\(reason)); read marks will not be saved"
            canSave = false
        }

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch let error as CursesTerminal.Unavailable {
            FileHandle.standardError.write(Data("tidings: \(error.description)\n".utf8))
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
            if canSave, state.readStateRevision != savedRevision, Date().timeIntervalSince(lastSave) >= Self.saveInterval {
                saver.save(state.readState)
                savedRevision = state.readStateRevision
                lastSave = Date()
            }
        }
        loading.cancel()
        if canSave {
            if state.readStateRevision != savedRevision { saver.save(state.readState) }
            if let failure = saver.finish() {
                terminal.close()
                FileHandle.standardError.write(Data("tidings: read state not saved to \(store.path): \(failure)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}

/// Writes read state on a background queue, newest state first, reporting failures to the main loop.
final class StateSaver: Sendable {
    private let store: ReadStateStore
    private let queue = DispatchQueue(label: "tidings.save")
    private let failure = Mutex<String?>(nil)
    private let pending = Mutex<ReadState?>(nil)

    init(store: ReadStateStore) { self.store = store }

    func save(_ state: ReadState) {
        pending.withLock { $0 = state }
        queue.async { [self] in
            // Only the newest state matters: a burst of changes becomes one write.
            guard let next = pending.withLock({ value -> ReadState? in defer { value = nil }; return value }) else { return }
            do {
                try store.save(next)
                failure.withLock { $0 = nil }
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
        }
    }

    func takeFailure() -> String? { failure.withLock { value in defer { value = nil }; return value } }

    /// Waits for the last write; returns its error if it failed.
    func finish() -> String? {
        queue.sync {}
        return failure.withLock { $0 }
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
