/// Arrays read as one, each kept as it came: 390,000 held messages gathered chunk by chunk are never
/// copied into one array, which would hold them twice while it is made.
struct Chunks<Element>: RandomAccessCollection {
    private let parts: [[Element]]
    /// For each element, its part; and where each part starts.
    private let partOf: [Int32]
    private let starts: [Int]

    init(_ parts: [[Element]]) {
        let parts = parts.filter { !$0.isEmpty }
        self.parts = parts
        var partOf: [Int32] = []
        var starts: [Int] = []
        partOf.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        starts.reserveCapacity(parts.count)
        for (index, part) in parts.enumerated() {
            starts.append(partOf.count)
            partOf += repeatElement(Int32(index), count: part.count)
        }
        self.partOf = partOf
        self.starts = starts
    }

    var startIndex: Int { 0 }
    var endIndex: Int { partOf.count }

    subscript(position: Int) -> Element {
        let part = Int(partOf[position])
        return parts[part][position - starts[part]]
    }
}

extension Chunks: Sendable where Element: Sendable {}
