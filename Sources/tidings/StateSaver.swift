import Foundation
import Synchronization
import TidingsModel
import TidingsUI

/// Writes read state on a background queue, reporting failures to the main loop. Changes that could not
/// be saved are kept and go with the next attempt.
final class StateSaver: Sendable {
    private struct Pending {
        var changes: [ReadState.Change] = []
        var fallback = ReadState()
        var failure: String?
        var failed = false
        /// Finished saves not yet reported to the reader, as the events that tell it.
        var outcomes: [Event] = []
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
                var notices: [Event] = []
                try store.save(changes: changes, fallback: fallback) { notices.append(.stateFileSetAside($0)) }
                pending.withLock {
                    $0.failed = false
                    $0.outcomes += notices + [.saveFinished]
                }
            } catch {
                pending.withLock {
                    // Keep the changes, in order, ahead of any that arrived meanwhile.
                    $0.changes = changes + $0.changes
                    $0.failure = "\(error)"
                    $0.failed = true
                    $0.outcomes.append(.saveFailed(error as? StateFileProblem ?? .other("\(error)")))
                }
            }
        }
    }

    /// Saves finished since the last call, as the events that tell the reader.
    func takeReports() -> [Event] {
        pending.withLock { value in
            defer { value.outcomes.removeAll() }
            return value.outcomes
        }
    }

    /// Waits for queued saves; returns the error if the last one failed.
    func finish() -> String? {
        queue.sync {}
        return pending.withLock { $0.failed ? ($0.failure ?? "save failed") : nil }
    }
}
