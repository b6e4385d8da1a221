/// Ids from the services' own ids (docs/STATE.md): a story is `hn:8863`, `reddit:t3_2xmo63`,
/// `lobsters:abc123`; a comment's id is the stable hash of its prefixed service id, so a thread saved again
/// with more comments keeps every mark, and no two services' ids collide.
enum ServiceIDs {
    static func comment(_ prefixedID: String) -> CommentID {
        var hash = StableHash()
        hash.add("service")
        hash.add(prefixedID)
        return CommentID(folding: hash.value)
    }
}
