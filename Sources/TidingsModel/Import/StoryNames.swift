import Foundation

/// Which files found in folders are native stories, judged by their name and, for a few well-known names,
/// their first lines (docs/FORMAT.md, "Which files are read"). Files the user names are not judged.
enum StoryNames {
    /// Extensions of story files; a name without an extension is one too.
    static let storyExtensions: Set<String> = ["txt", "story"]
    /// Extensions of exports in formats Tidings does not read yet.
    static let exportExtensions: Set<String> = ["html", "htm", "xhtml"]
    /// Names (with or without `.txt`) that a folder of stories often holds beside them: they are stories
    /// only when a story header line follows the title.
    static let wellKnown: Set<String> = ["readme", "license", "licence", "copying", "notice", "changelog", "changes",
                                         "authors", "contributing", "todo", "notes", "install",
                                         // nmh's `context` (`Current-Folder: inbox`) beside an MH tree's folders.
                                         "context"]

    /// Why the file is not a story (nil when it may be one), and whether its name ends in a story extension
    /// (`.txt`, `.story`). Without `prefix` only the name is judged (nil then means: read it and ask again
    /// with its first bytes). It runs for every file listed, so the usual case (`12.txt`) makes no string: the
    /// name is read as bytes.
    static func judge(path: String, prefix: ArraySlice<UInt8>?) -> (reason: String?, storyExtension: Bool) {
        let utf8 = path.utf8
        let name = utf8[(utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex)...]
        var stem = name
        var storyExtension = false
        if let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex {
            let tail = name[name.index(after: dot)...]
            if (1...8).contains(tail.count), tail.allSatisfy(isAlphanumeric), tail.contains(where: { $0 > 0x39 }) {
                guard matches(tail, "txt") || matches(tail, "story") else {
                    let fileExtension = String(decoding: tail, as: UTF8.self).lowercased()
                    // Exports in formats to come: naming them would not help yet.
                    if exportExtensions.contains(fileExtension) {
                        return ("not a story (.\(fileExtension)): a format this version of Tidings does not read yet", false)
                    }
                    return ("not a story (.\(fileExtension)); name the file to read it anyway", false)
                }
                stem = name[..<dot]
                storyExtension = true
            }
        }
        // README, LICENSE and the like: only names of letters can be one.
        guard stem.count <= 12, stem.allSatisfy(isLetter),
              wellKnown.contains(String(decoding: stem, as: UTF8.self).lowercased()), let prefix else { return (nil, storyExtension) }
        if hasStoryHeader(prefix) { return (nil, storyExtension) }
        let shown = String(decoding: name, as: UTF8.self)
        return ("not a story (\(shown) has no Category:, Via:, By: or Id: line after its title); name the file to read it anyway", storyExtension)
    }

    /// Whether bytes spell `lowercase` in any case.
    static func matches(_ bytes: Substring.UTF8View.SubSequence, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        return zip(bytes, UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)).allSatisfy { $0 | 0x20 == $1 }
    }

    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || (0x30...0x39).contains(byte) }

    /// The name's stem and lower-cased extension, when it has one: the text after the last dot, when that is
    /// one to eight ASCII letters or digits with at least one letter (so `Release 1.97` has none) and the
    /// dot is not the first character.
    static func split(_ name: String) -> (stem: Substring, fileExtension: String)? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let tail = name.utf8[name.utf8.index(after: dot)...]
        guard (1...8).contains(tail.count),
              tail.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }),
              tail.contains(where: { $0 > 0x39 }) else { return nil }
        return (name[..<dot], String(decoding: tail, as: UTF8.self).lowercased())
    }

    /// Whether the line directly after the title is a story header (`Category:`, `Via:`, `By:`, `Id:`).
    static func hasStoryHeader(_ prefix: ArraySlice<UInt8>) -> Bool {
        let bytes = TextBytes.normalized(Array(prefix)) ?? Array(prefix)
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).makeIterator()
        while let line = lines.next() {
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            // That was the title; the header, if any, is the next line.
            guard let next = lines.next() else { return false }
            let text = String(decoding: next, as: UTF8.self).trimmingSpaces()
            return ["Category:", "Via:", "By:", "Id:"].contains { text.hasPrefix($0) }
        }
        return false
    }
}
