import Foundation

/// JWZ's containers and their parent links (his step 1), as parallel integer arrays: container `i <
/// inputs.count` holds message `i`, later containers are placeholders for ids referenced but not present.
///
/// Links are made in one pass and loops are broken afterwards (`breakLoops`), which keeps every check cheap
/// where JWZ walks the ancestry for each link. A present message's parent comes only from its own headers
/// (its last parent; with none it is a root): its own References win over anyone else's, whatever the input
/// order. A placeholder takes the first parent any message's References give it. Each link records when JWZ
/// would have made it, so a loop through placeholders is cut at the link that closed it, the one JWZ's check
/// would refuse; a loop of saved messages alone under its earliest message, whatever the order (`breakLoops`).
struct ThreadLinks<Source: ThreadIDSource> {
    /// Parent container, or -1 for a root.
    private(set) var parent: [Int]
    /// When each parent link was made in JWZ's order (messages in input order, within one message its
    /// References oldest first, then the message's own link).
    private var linkOrder: [Int]
    /// For each placeholder (at `container - messageCount`): the message whose References set its parent,
    /// or -1 while it has none.
    private var claimedBy: [Int] = []
    /// The id of each placeholder, at `container - messageCount`.
    private var placeholderIDs: [Source.ID] = []
    private var table: ThreadIDTable
    /// The messages' ids.
    private let source: Source

    let messageCount: Int
    var containerCount: Int { parent.count }
    /// For each message with an id, how many messages with the same id come before it, by date (a message
    /// saved twice, or two given one id); 0 for a message without one. Counted by the id table, no id kept
    /// twice.
    private(set) var copiesBefore: [Int]

    init(_ source: Source, dates: [Date?]) {
        let count = source.messageCount
        messageCount = count
        parent = Array(repeating: -1, count: count)
        linkOrder = Array(repeating: 0, count: count)
        table = ThreadIDTable(capacity: count)
        self.source = source
        // Every present id first, so "is this reference present" does not depend on input order. A duplicate
        // keeps its own container but is not findable by the id: the first message owns it. `own` is the
        // container found by the message's id, to drop its own id from its parents without comparing text.
        var own = [Int](repeating: -1, count: count)
        copiesBefore = [Int](repeating: 0, count: count)
        // The messages of each id held by more than one, by the first met (few: most ids are one message's).
        var sharing: [Int: [Int]] = [:]
        for index in 0..<count {
            guard let id = source.id(of: index) else { continue }
            let hash = source.hash(id)
            if let first = table.find(hash, isID: { source.id(of: $0) == id }) {
                own[index] = first
                sharing[first, default: [first]].append(index)
            } else {
                table.insert(hash, container: index)
                own[index] = index
            }
        }
        // Of messages that share an id, the one dated first owns it (replies to the id hang under it) and the
        // others are numbered after it by date, equal dates in input order: whatever order the files of a
        // Maildir come in, and whether a thread is listed with all of them or read again from its own.
        func when(_ message: Int) -> Double {
            guard dates.indices.contains(message), let seconds = dates[message]?.timeIntervalSinceReferenceDate,
                  !seconds.isNaN else { return .infinity }
            return seconds
        }
        for (first, messages) in sharing {
            let ranked = messages.sorted { (when($0), $0) < (when($1), $1) }
            if ranked[0] != first, let id = source.id(of: first) { table.replace(source.hash(id), container: first, with: ranked[0]) }
            for (rank, message) in ranked.enumerated() {
                own[message] = ranked[0]
                copiesBefore[message] = rank
            }
        }
        var clock = 0
        for index in 0..<count {
            let parents = source.parentCount(of: index)
            link(index, own: own[index], parents: parents, clock: clock)
            clock = clock &+ parents &+ 1
        }
    }

    func isMessage(_ container: Int) -> Bool { container < messageCount }

    /// The placeholder id of a container (nil for a message).
    func placeholderID(_ container: Int) -> String? {
        let slot = container &- messageCount
        return placeholderIDs.indices.contains(slot) ? source.name(placeholderIDs[slot]) : nil
    }

    /// Walks one message's parents from the direct parent back: the message hangs under the first, each
    /// placeholder met under the reference before it. The walk ends at the first present message, whose own
    /// headers settle everything above it; so a message that quotes a long chain of saved messages costs
    /// one step, and the whole run stays linear in the references read.
    private mutating func link(_ index: Int, own: Int, parents: Int, clock: Int) {
        var child = index
        var position = parents
        while position > 0 {
            position -= 1
            guard let id = source.parent(of: index, at: position) else { continue }
            let container = self.container(for: id)
            // A message listed among its own parents would be its own ancestor: that link is ignored.
            if container == own { continue }
            if child == index {
                parent[index] = container
                linkOrder[index] = clock &+ parents
            } else if container != child {
                let slot = child &- messageCount
                // Walking backwards, a later claim by the same message is an earlier reference: JWZ's first.
                if claimedBy[slot] < 0 || claimedBy[slot] == index {
                    parent[child] = container
                    linkOrder[child] = clock &+ position
                    claimedBy[slot] = index
                }
            }
            if isMessage(container) { return }
            child = container
        }
    }

    private mutating func container(for id: Source.ID) -> Int {
        let hash = source.hash(id)
        if let known = table.find(hash, isID: { self.id(of: $0) == id }) { return known }
        let made = parent.count
        table.insert(hash, container: made)
        placeholderIDs.append(id)
        claimedBy.append(-1)
        parent.append(-1)
        linkOrder.append(0)
        return made
    }

    private func id(of container: Int) -> Source.ID? {
        container < messageCount ? source.id(of: container) : placeholderIDs[container &- messageCount]
    }

    /// Cuts every loop, leaving a forest. Each container has one parent, so each loop is found by one walk
    /// that marks what it passed: every container is walked once.
    ///
    /// Where a loop is cut must not depend on the order the messages come in: an archive is listed with all
    /// its messages but a thread is read again from its own, and a Maildir's files come in any order; a
    /// thread whose start moved would change its id, and lose its read marks. So a placeholder's link (set
    /// by another message's References) goes before a saved message's own (`placeholderLinkToCut`); in a
    /// loop of saved messages only, the earliest (by date, then by its id's stable hash) becomes the root.
    mutating func breakLoops(dates: [Date?]) {
        var state = [UInt8](repeating: 0, count: containerCount) // 0 unseen, 1 on this walk, 2 settled
        var walk: [Int] = []
        for start in 0..<containerCount where state[start] == 0 {
            walk.removeAll(keepingCapacity: true)
            var current = start
            while current >= 0, state[current] == 0 {
                state[current] = 1
                walk.append(current)
                current = parent[current]
            }
            if current >= 0, state[current] == 1, let first = walk.lastIndex(of: current) {
                let loop = walk[first...]
                parent[placeholderLinkToCut(loop) ?? earliestMessage(loop, dates: dates)] = -1
            }
            for member in walk { state[member] = 2 }
        }
    }

    /// The placeholder in the loop whose link was made last (JWZ would have refused it), nil when every
    /// member is a saved message.
    private func placeholderLinkToCut(_ loop: ArraySlice<Int>) -> Int? {
        loop.filter { !isMessage($0) }.max { linkOrder[$0] < linkOrder[$1] }
    }

    /// The loop's message dated first (undated ones after every date), equal dates by their ids' stable hash.
    private func earliestMessage(_ loop: ArraySlice<Int>, dates: [Date?]) -> Int {
        func rank(_ message: Int) -> (Double, UInt64) {
            let date = dates.indices.contains(message) ? dates[message]?.timeIntervalSinceReferenceDate : nil
            return (date.flatMap { $0.isNaN ? nil : $0 } ?? .infinity, source.id(of: message).map(source.stableKey) ?? 0)
        }
        return loop.min { rank($0) < rank($1) } ?? loop[loop.startIndex]
    }
}
