/// Gives each comment an id from its parent, author and text, numbering identical siblings in order.
struct CommentIDAssigner {
    private var seen: [UInt64: UInt64] = [:]

    mutating func next(parent: CommentID?, author: ByteLine?, text: ByteLine) -> CommentID {
        var hash = StableHash()
        hash.add(parent?.value ?? 0xFFFF_FFFF_FFFF)
        if let author { hash.add(bytes: author.raw) } else { hash.add(bytes: UnsafeRawBufferPointer(start: nil, count: 0)) }
        hash.add(bytes: text.raw)
        let key = hash.value
        let occurrence = seen[key, default: 0]
        seen[key] = occurrence + 1
        if occurrence > 0 { hash.add(occurrence) }
        let value = hash.value
        return CommentID(value: value ^ (value >> 36))
    }
}
