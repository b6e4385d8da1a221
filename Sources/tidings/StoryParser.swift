import Foundation
import Synchronization
import TidingsModel
import TidingsUI

/// Parses the story the reader asked for on background threads, so a large file never holds up a key.
/// Only the latest request matters: when the selection moves on quickly, stories passed over are skipped.
/// Two parses may run at once, so a huge story passed over (a 13 MB thread takes seconds) does not make the
/// next one wait for it: its result still arrives, and is kept, when it is done.
final class StoryParser: Sendable {
    private struct Inbox {
        var request: (index: Int, summary: StorySummary)?
        var results: [Event] = []
        var running = 0
        /// Comment-id collections (mark-all-read) under way.
        var collecting = 0
    }

    static let parallel = 2
    private let loader = CollectionLoader()
    private let queue = DispatchQueue(label: "tidings.parse", attributes: .concurrent)
    private let inbox = Mutex(Inbox())

    func request(index: Int, summary: StorySummary) {
        let start = inbox.withLock { value -> Bool in
            value.request = (index, summary)
            guard value.running < Self.parallel else { return false }
            value.running += 1
            return true
        }
        if start { queue.async { [self] in drain() } }
    }

    /// Parses the waiting request, and the next one that arrives meanwhile, until none waits.
    private func drain() {
        while let next = inbox.withLock({ value -> (index: Int, summary: StorySummary)? in
            guard let request = value.request else {
                value.running -= 1
                return nil
            }
            value.request = nil
            return request
        }) {
            let result = loader.story(for: next.summary)
            inbox.withLock { $0.results.append(.storyParsed(index: next.index, result: result, summary: next.summary)) }
        }
    }

    /// Reads the counted comment ids of stories not parsed (mark-all-read), off the key path; the answer is
    /// one `commentsCollected` event.
    func collectComments(of summaries: [StorySummary]) {
        inbox.withLock { $0.collecting += 1 }
        queue.async { [self] in
            var ids: [String: [CommentID]] = [:]
            for summary in summaries {
                // Two copies of one story (in two files) add up: each may hold replies the other lacks.
                if case .success(let story) = loader.story(for: summary) { ids[story.id, default: []] += story.comments.filter(\.isCounted).map(\.id) }
            }
            inbox.withLock {
                $0.results.append(.commentsCollected(ids))
                $0.collecting -= 1
            }
        }
    }

    /// Reads the counted comment ids of list entries again (the same story listed from another file changed
    /// its marks), off the key path; the answer is one `unreadRecounted` event.
    func recountUnread(of summaries: [StorySummary]) {
        inbox.withLock { $0.collecting += 1 }
        queue.async { [self] in
            let stories = summaries.compactMap { summary -> RecountedStory? in
                guard case .success(let story) = loader.story(for: summary) else { return nil }
                return RecountedStory(summary: summary, story: story)
            }
            inbox.withLock {
                $0.results.append(.unreadRecounted(stories))
                $0.collecting -= 1
            }
        }
    }

    /// Whether a story is being parsed or waits to be taken: the main loop then looks for it often (a result
    /// that arrived just before the loop chose its wait would otherwise wait out the idle timeout).
    var isBusy: Bool { inbox.withLock { $0.running > 0 || $0.collecting > 0 || $0.request != nil || !$0.results.isEmpty } }

    /// Parsed stories not yet handed to the reader.
    func takeResults() -> [Event] {
        inbox.withLock { value in
            defer { value.results.removeAll() }
            return value.results
        }
    }
}
