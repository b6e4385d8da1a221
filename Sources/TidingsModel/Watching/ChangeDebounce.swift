/// When changes seen on disk are read: 200 ms after the last of them, so a file written in several steps is
/// read once, when its writer is done; but never later than 800 ms after the first, so a folder that keeps
/// changing still shows its changes within a second. One clock for all the changes waiting, not one per
/// file: a mail client moving 10,000 messages costs one deadline, and a mailbox they share is read once.
struct ChangeDebounce: Equatable, Sendable {
    static let quiet: UInt64 = 200_000_000
    static let longest: UInt64 = 800_000_000

    /// When the first and the last change waiting were seen (monotonic nanoseconds); nil while none waits.
    private var first: UInt64?
    private var last: UInt64 = 0

    var isWaiting: Bool { first != nil }

    mutating func note(at now: UInt64) {
        if first == nil { first = now }
        last = max(last, now)
    }

    /// When what waits is due; nil when nothing waits.
    var deadline: UInt64? {
        first.map { min($0 &+ Self.longest, last &+ Self.quiet) }
    }

    func isDue(at now: UInt64) -> Bool { deadline.map { now >= $0 } ?? false }

    /// What waited has been taken.
    mutating func reset() {
        first = nil
        last = 0
    }
}
