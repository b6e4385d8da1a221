/// Gives each comment an id from its parent, author and text, numbering identical siblings in order: the
/// rule of docs/STATE.md, for every importer whose source gives comments no ids of their own.
public struct CommentIDAssigner: Sendable {
    private var seen: [UInt64: UInt64] = [:]

    public init() {}

    /// The id of the next comment, from strings (importers other than the byte-level native one).
    public mutating func next(parent: CommentID?, author: String?, text: String) -> CommentID {
        var author = author
        var text = text
        return text.withUTF8 { textBytes in
            guard author != nil else { return next(parent: parent, author: nil, text: UnsafeRawBufferPointer(textBytes)) }
            return author!.withUTF8 { authorBytes in
                next(parent: parent, author: UnsafeRawBufferPointer(authorBytes), text: UnsafeRawBufferPointer(textBytes))
            }
        }
    }

    mutating func next(parent: CommentID?, author: ByteLine?, text: ByteLine) -> CommentID {
        next(parent: parent, author: author?.raw, text: text.raw)
    }

    mutating func next(parent: CommentID?, author: UnsafeRawBufferPointer?, text: UnsafeRawBufferPointer) -> CommentID {
        var hash = StableHash()
        hash.add(parent?.value ?? 0xFFFF_FFFF_FFFF)
        hash.add(bytes: author ?? UnsafeRawBufferPointer(start: nil, count: 0))
        hash.add(bytes: text)
        let key = hash.value
        let occurrence = seen[key, default: 0]
        seen[key] = occurrence + 1
        if occurrence > 0 { hash.add(occurrence) }
        return CommentID(folding: hash.value)
    }
}
