import Foundation
import Synchronization
import TidingsModel
import TidingsUI

/// Parses the story the reader asked for on a background queue, so a large file never holds up a key.
/// Only the latest request matters: when the selection moves on quickly, stories passed over are skipped.
final class StoryParser: Sendable {
    private struct Inbox {
        var request: (index: Int, summary: StorySummary)?
        var results: [Event] = []
        var busy = false
    }

    private let loader = CollectionLoader()
    private let queue = DispatchQueue(label: "tidings.parse")
    private let inbox = Mutex(Inbox())

    func request(index: Int, summary: StorySummary) {
        inbox.withLock {
            $0.request = (index, summary)
            $0.busy = true
        }
        queue.async { [self] in
            guard let next = inbox.withLock({ value in defer { value.request = nil }; return value.request }) else { return }
            let result = loader.story(for: next.summary)
            inbox.withLock {
                $0.results.append(.storyParsed(index: next.index, result: result))
                $0.busy = $0.request != nil
            }
        }
    }

    /// Whether a story is being parsed or waits to be taken: the main loop then looks for it often (a result
    /// that arrived just before the loop chose its wait would otherwise wait out the idle timeout).
    var isBusy: Bool { inbox.withLock { $0.busy || !$0.results.isEmpty } }

    /// Parsed stories not yet handed to the reader.
    func takeResults() -> [Event] {
        inbox.withLock { value in
            defer { value.results.removeAll() }
            return value.results
        }
    }
}
