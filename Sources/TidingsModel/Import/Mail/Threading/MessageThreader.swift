import Foundation

/// Threads messages by Message-ID, References and In-Reply-To (Jamie Zawinski's algorithm, no subject merging).
///
/// Unlike JWZ, a missing root with replies stays as a placeholder root (even over a single reply), so the
/// reader can say the thread's first message is not saved; and a saved message's parent comes from its own
/// headers alone (JWZ lets another message's References set it when that one comes first in the input).
/// Linear in the messages and references read; no recursion, so chains of any depth are safe.
public enum MessageThreader {
    public static func threads(_ inputs: [ThreadInput]) -> [MessageThread] {
        threadsCountingCopies(inputs).threads
    }

    /// The threads, and for each message how many before it have its id (0 for one without an id).
    static func threadsCountingCopies(_ inputs: [ThreadInput]) -> (threads: [MessageThread], copiesBefore: [Int]) {
        threadsCountingCopies(StringThreadIDs(inputs: inputs), dates: inputs.map(\.date))
    }

    /// The same for ids given as a source (`KeyedThreadIDs`), with each message's date.
    static func threadsCountingCopies<Source: ThreadIDSource>(_ ids: Source, dates: [Date?]) -> (threads: [MessageThread], copiesBefore: [Int]) {
        var links = ThreadLinks(ids, dates: dates)
        links.breakLoops(dates: dates)
        return (ThreadForest.threads(links, dates: dates), links.copiesBefore)
    }
}
