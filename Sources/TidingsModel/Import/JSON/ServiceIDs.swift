/// Ids from the services' own ids (docs/STATE.md): a story is `hn:8863`, `reddit:t3_2xmo63`,
/// `lobsters:abc123`; a comment's id is the stable hash of its prefixed service id, so a thread saved again
/// with more comments keeps every mark, and no two services' ids collide.
enum ServiceIDs {
    static func comment(_ prefixedID: String) -> CommentID {
        var id = prefixedID
        return id.withUTF8 { comment(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The same, from the prefixed id's UTF-8 bytes (no string made).
    static func comment(bytes prefixedID: UnsafeRawBufferPointer) -> CommentID {
        var hash = StableHash()
        hash.add("service")
        hash.add(bytes: prefixedID)
        return CommentID(folding: hash.value)
    }
}
