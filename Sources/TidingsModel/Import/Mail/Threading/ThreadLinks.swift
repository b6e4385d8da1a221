/// JWZ's containers and their parent links (steps 1–4), as parallel integer arrays: container `i < inputs.count`
/// holds message `i`, later containers are placeholders for ids that are referenced but not present.
///
/// Links are made in one pass and loops are broken afterwards (`breakLoops`), which keeps every check cheap:
/// a present message's parent comes only from its own headers (its last parent: its own References win over
/// anyone else's), and a placeholder takes the first parent any message's References give it. Each link
/// records when JWZ would have made it, so breaking a loop at its latest link refuses the same link JWZ's
/// ancestry check would have refused.
struct ThreadLinks {
    /// Input index of the message in each container; -1 for a placeholder.
    private(set) var message: [Int]
    /// Parent container, or -1 for a root.
    private(set) var parent: [Int]
    /// When each parent link was made in JWZ's order (messages in input order, within one message its
    /// References oldest first, then the message's own link).
    private var linkOrder: [Int]
    /// The message whose References set a placeholder's parent; -1 while it has none.
    private var claimedBy: [Int]
    /// The id of each placeholder, at `container - messageCount`.
    private var placeholderIDs: [String] = []
    private var containerForID: [String: Int] = [:]

    let messageCount: Int
    var containerCount: Int { parent.count }

    init(_ inputs: [ThreadInput]) {
        let count = inputs.count
        messageCount = count
        message = Array(0..<count)
        parent = Array(repeating: -1, count: count)
        linkOrder = Array(repeating: 0, count: count)
        claimedBy = Array(repeating: -1, count: count)
        containerForID.reserveCapacity(count)
        // Every present id first, so "is this reference present" does not depend on input order. A duplicate
        // keeps its own container (already made) but is not findable by the id: the first message owns it.
        for (index, input) in inputs.enumerated() {
            guard let id = input.id, !id.isEmpty, containerForID[id] == nil else { continue }
            containerForID[id] = index
        }
        var clock = 0
        for (index, input) in inputs.enumerated() {
            link(index, own: input.id, parents: input.parents, clock: clock)
            clock = clock &+ input.parents.count &+ 1
        }
    }

    /// The placeholder id of a container (nil for a message).
    func placeholderID(_ container: Int) -> String? {
        let slot = container &- messageCount
        return placeholderIDs.indices.contains(slot) ? placeholderIDs[slot] : nil
    }

    /// Walks one message's parents from the direct parent back: the message hangs under the first, each
    /// placeholder met under the reference before it. The walk ends at the first present message, whose own
    /// headers settle everything above it; so a message that quotes a long chain of saved messages costs
    /// one step, and the whole run stays linear in the references read.
    private mutating func link(_ index: Int, own: String?, parents: [String], clock: Int) {
        var child = index
        var position = parents.count
        while position > 0 {
            position -= 1
            let reference = parents[position]
            // A message listed among its own parents would be its own ancestor: that link is ignored.
            if reference.isEmpty || reference == own { continue }
            let container = self.container(for: reference)
            if child == index {
                parent[index] = container
                linkOrder[index] = clock &+ parents.count
            } else if container != child, claimedBy[child] < 0 || claimedBy[child] == index {
                // Walking backwards, a later claim by the same message is an earlier reference: JWZ's first.
                parent[child] = container
                linkOrder[child] = clock &+ position
                claimedBy[child] = index
            }
            if message[container] >= 0 { return }
            child = container
        }
    }

    private mutating func container(for id: String) -> Int {
        if let known = containerForID[id] { return known }
        let made = parent.count
        containerForID[id] = made
        placeholderIDs.append(id)
        message.append(-1)
        parent.append(-1)
        linkOrder.append(0)
        claimedBy.append(-1)
        return made
    }

    /// Cuts every loop at its latest link, leaving a forest. Each container has one parent, so each loop is
    /// found by one walk that marks what it passed: every container is walked once.
    mutating func breakLoops() {
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
            if current >= 0, state[current] == 1 {
                var latest = current
                var position = walk.count
                while position > 0 {
                    position -= 1
                    let member = walk[position]
                    if linkOrder[member] > linkOrder[latest] { latest = member }
                    if member == current { break }
                }
                parent[latest] = -1
            }
            for member in walk { state[member] = 2 }
        }
    }
}
