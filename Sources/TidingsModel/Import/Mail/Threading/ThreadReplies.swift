import Foundation

/// The replies of every container in one flat array, grouped by the container they are shown under and
/// ordered by date (a message without a date counts as earliest), then by input index.
struct ThreadReplies {
    /// Message indices grouped by parent: the replies of container `c` are `ordered[start[c]..<start[c + 1]]`.
    private(set) var ordered: [Int]
    private var start: [Int]

    init(shownParent: [Int], containerCount: Int, dates: [Date?]) {
        // Counting sort by parent; only the first `dates.count` containers are messages.
        var start = [Int](repeating: 0, count: containerCount &+ 1)
        for parent in shownParent.prefix(dates.count) where parent >= 0 { start[parent &+ 1] &+= 1 }
        for container in 0..<containerCount { start[container &+ 1] &+= start[container] }
        var next = start
        var ordered = [Int](repeating: 0, count: start[containerCount])
        for (index, parent) in shownParent.prefix(dates.count).enumerated() where parent >= 0 {
            ordered[next[parent]] = index
            next[parent] &+= 1
        }
        // Filled in input order, so only dates can change a group's order; NaN would break the sort's order.
        let keys = dates.map { date -> Double in
            guard let seconds = date?.timeIntervalSinceReferenceDate, !seconds.isNaN else { return -.infinity }
            return seconds
        }
        if dates.contains(where: { $0 != nil }) {
            for container in 0..<containerCount where start[container &+ 1] &- start[container] > 1 {
                ordered[start[container]..<start[container &+ 1]].sort { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
            }
        }
        self.ordered = ordered
        self.start = start
    }

    func range(of container: Int) -> Range<Int> { start[container]..<start[container &+ 1] }
}
