/// A set of comment ids kept as a sorted array: compact (8 bytes an id), fast to load from the packed state
/// encoding, and `contains` is a binary search.
public struct CommentIDSet: Sendable, Equatable, Sequence, ExpressibleByArrayLiteral {
    public private(set) var sorted: [CommentID]

    public init() { sorted = [] }

    public init(arrayLiteral elements: CommentID...) { self.init(elements) }

    public init<S: Sequence>(_ ids: S) where S.Element == CommentID {
        sorted = Array(ids)
        normalize()
    }

    /// For ids already in ascending order without duplicates (checked; fixed if not).
    init(presorted ids: [CommentID]) {
        sorted = ids
        if !zip(ids, ids.dropFirst()).allSatisfy({ $0 < $1 }) { normalize() }
    }

    public var count: Int { sorted.count }
    public var isEmpty: Bool { sorted.isEmpty }
    public func makeIterator() -> IndexingIterator<[CommentID]> { sorted.makeIterator() }

    public func contains(_ id: CommentID) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == id
    }

    public mutating func formUnion<S: Sequence>(_ ids: S) where S.Element == CommentID {
        let before = sorted.count
        sorted.append(contentsOf: ids)
        if sorted.count != before { normalize() }
    }

    public mutating func subtract<S: Sequence>(_ ids: S) where S.Element == CommentID {
        let removed = Set(ids)
        guard !removed.isEmpty else { return }
        sorted.removeAll { removed.contains($0) }
    }

    private mutating func normalize() {
        sorted.sort()
        var write = 0
        for read in sorted.indices where write == 0 || sorted[read] != sorted[write - 1] {
            sorted[write] = sorted[read]
            write += 1
        }
        sorted.removeSubrange(write...)
    }
}
