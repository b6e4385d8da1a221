/// A feed item's story id. An id the source wrote as a URI (`https://…`, `tag:…`, `urn:uuid:…`: every
/// Atom id, most guids) or a link names the item wherever it is saved: `feed:` and the key. A guid that is
/// no URI (`1`, `post-42`) is unique only within its feed, as is the hash made for an item with neither
/// guid nor link: such a key is scoped by its feed (`feed:` + a hash of the feed's link and title, else
/// the file's path, + `~` + the key), so guid `1` of one feed and guid `1` of another are two stories
/// (docs/STATE.md, "Story ids").
enum FeedStoryID {
    static let prefix = "feed:"

    /// Keys longer than this (a guid of megabytes) are replaced by their hash.
    static let longestKey = 1024

    /// A link as it names a feed: without the slash it may end with (`https://x.example/` is `…example`).
    static func trimmedLink(_ link: String) -> String {
        var link = Substring(link)
        while link.last == "/" { link = link.dropLast() }
        return String(link)
    }

    /// The story id of an item with `key` in a feed known by `scope` (nil: the key alone names it).
    static func id(key: String, scope: String?) -> String {
        guard let scope, !isGlobal(key) else { return prefix + key }
        return prefix + scope + "~" + key
    }

    /// The scope of a feed: 11 characters of the stable hash of what names it.
    static func scope(naming name: String) -> String {
        var hash = StableHash()
        hash.add("feed scope")
        hash.add(name)
        return Base64URL.encode(hash.value, characters: StoryID.characterCount)
    }

    /// A key that names its item in every feed: a URI (a scheme, then a colon, then more).
    static func isGlobal<Key: StringProtocol>(_ key: Key) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard let first = key.utf8.first, isLetter(first) else { return false }
        for (offset, byte) in key.utf8.enumerated() {
            if byte == UInt8(ascii: ":") { return key.utf8.count > offset + 1 }
            guard isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: ".") else { return false }
        }
        return false
    }

    /// A story id of the rule before feeds scoped their keys (`feed:1`, `feed:` and a title's hash), whose
    /// marks wait in the legacy table for the story that now has the scoped id (`ReadStateCoding.decode`).
    static func isUnscopedLocal(_ id: String) -> Bool {
        guard id.hasPrefix(prefix) else { return false }
        let key = id.utf8.dropFirst(prefix.utf8.count)
        if isGlobal(Substring(key)) { return false }
        // A scoped id: 11 hash characters and `~`.
        let scope = key.prefix(StoryID.characterCount)
        let scoped = scope.count == StoryID.characterCount && key.dropFirst(StoryID.characterCount).first == UInt8(ascii: "~")
            && scope.allSatisfy { Base64URL.digits.contains($0) }
        return !scoped
    }
}
