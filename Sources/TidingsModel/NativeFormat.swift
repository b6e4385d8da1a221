import Foundation

/// The plain-text story format described in docs/FORMAT.md: title, header lines, body, indented comments.
/// It scans bytes, not characters, and builds strings only for what the caller asks for.
public struct NativeFormat: DocumentFormat {
    public let name = "tidings"

    public init() {}

    public func accepts(path: String, prefix: ArraySlice<UInt8>) -> Bool {
        // Any text file the user named, or that `skipReason` lets through; binary files are left to other formats.
        !TextDecoding.looksBinary(prefix)
    }

    /// Found in a folder, only `.txt`, `.story` and files without an extension are stories, and README,
    /// LICENSE and the like only with a story header after the title (docs/FORMAT.md).
    public func skipReason(path: String, prefix: ArraySlice<UInt8>?) -> String? {
        StoryNames.skipReason(path: path, prefix: prefix)
    }

    public func parse(_ bytes: [UInt8], path: String) throws -> [Story] {
        let scan = try NativeScan.run(bytes, detail: .full, commentIDsFor: { _, _ in true })
        return [scan.story(path: path, format: name)]
    }

    /// Counts comments without hashing them unless the story has read marks: then ids are needed. The story
    /// id is known once the body is read, so one pass decides. Marks still under the story's version-1 id
    /// count too: the reader moves them to the new id when it lists the story (docs/STATE.md).
    public func entries(_ bytes: [UInt8], path: String, readState: ReadState) throws -> [StoryEntry] {
        let scan = try NativeScan.run(bytes, detail: .summary) { readState.hasReadComments($0, legacyID: $1) }
        let unread = scan.commentIDs.map {
            readState.unreadCount(storyID: scan.storyID, legacyID: scan.legacyID, commentIDs: $0, total: scan.commentCount)
        } ?? scan.commentCount
        return [StoryEntry(summary: scan.summary(path: path, format: name), unreadComments: unread)]
    }
}

/// One pass over a native document's bytes.
struct NativeScan {
    /// The list entry only, or the whole story.
    enum Detail { case summary, full }

    var header = Header(title: "")
    var body: [String] = []
    var comments: [Comment] = []
    var commentCount = 0
    var commentIDs: [CommentID]?
    /// Set once the body has been read (at the first comment, or at the end).
    private(set) var storyID = ""
    private(set) var legacyID: String?
    private var identified = false
    private var identity = StoryID.Builder()

    /// `commentIDsFor` is asked, with the story id and its version-1 id, whether comment ids are needed (a
    /// summary then collects them in `commentIDs`).
    static func run(_ original: [UInt8], detail: Detail, commentIDsFor: (String, String?) -> Bool) throws -> NativeScan {
        if TextDecoding.looksBinary(original.prefix(4096)) { throw DocumentError("binary file, not text") }
        let bytes = TextBytes.normalized(original) ?? original
        var scan = NativeScan()
        try bytes.withUnsafeBufferPointer { try scan.scan($0, detail: detail, commentIDsFor: commentIDsFor) }
        return scan
    }

    private enum Phase { case title, header, beforeBody, body, comments }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, detail: Detail, commentIDsFor: (String, String?) -> Bool) throws {
        guard let base = bytes.baseAddress else { throw DocumentError("empty file: no title line") }
        var phase = Phase.title
        var ids = CommentIDAssigner()
        var lastAtDepth: [CommentID] = []      // the parent chain: the latest comment id at each depth
        var lastIndexAtDepth: [Int] = []      // the same as indices into `comments` (full detail only)
        var wantIDs: Bool?  // decided at the first comment, when the header (and so the story id) is known
        var start = 0
        let count = bytes.count
        while start < count {
            let end = memchr(base + start, 0x0A, count - start).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
            let line = ByteLine(base: base, start: start, end: end)
            start = end + 1
            let blank = line.isBlank
            switch phase {
            case .title:
                if blank { continue }
                header.title = line.trimmed.string
                phase = .header
            case .header:
                if blank { phase = .beforeBody; continue }
                if header.read(Substring(line.trimmed.string)) { continue }
                phase = .body
                addParagraph(line.trimmed, detail: detail)
            case .beforeBody:
                if blank { continue }
                phase = .body
                addParagraph(line.trimmed, detail: detail)
            case .body:
                if blank { phase = .comments; continue }
                addParagraph(line.trimmed, detail: detail)
            case .comments:
                if blank { continue }
                commentCount += 1
                if wantIDs == nil {
                    identify()
                    wantIDs = detail == .full || commentIDsFor(storyID, legacyID)
                    if detail == .summary, wantIDs == true { commentIDs = [] }
                }
                guard wantIDs == true else { continue }
                let depth = min(line.indentWidth / 2, lastAtDepth.count)
                let parentID = depth > 0 ? lastAtDepth[depth - 1] : nil
                let parts = line.trimmed.attribution
                let id = ids.next(parent: parentID, author: parts.author, text: parts.text)
                lastAtDepth.removeSubrange(depth...)
                lastAtDepth.append(id)
                if detail == .full {
                    let parent = depth > 0 ? lastIndexAtDepth[depth - 1] : nil
                    lastIndexAtDepth.removeSubrange(depth...)
                    lastIndexAtDepth.append(comments.count)
                    comments.append(Comment(id: id, depth: depth, parent: parent, author: parts.author?.string,
                                            age: parts.age?.string, text: parts.text.string))
                } else {
                    commentIDs?.append(id)
                }
            }
        }
        if phase == .title { throw DocumentError("empty file: no title line") }
        identify()
        if detail == .full { Story.countDescendants(&comments) }
    }

    /// A body paragraph: hashed from its bytes for the id (no string unless the whole story is wanted).
    private mutating func addParagraph(_ line: ByteLine, detail: Detail) {
        // With an `Id:` header (always above the body) the body plays no part in the id.
        if header.id == nil { identity.addParagraph(line.raw) }
        if detail == .full { body.append(line.string) }
    }

    /// Fixes the story id and the version-1 id, once the header and body are read.
    private mutating func identify() {
        guard !identified else { return }
        identified = true
        if let id = header.id {
            // Ids from the header are the same in every version.
            storyID = id
            legacyID = id
            return
        }
        let title = header.title.lowercased()
        storyID = identity.id(lowercasedTitle: title, submitter: header.via, category: header.category,
                              byline: header.byline)
        legacyID = StoryID.version1(lowercasedTitle: title, submitter: header.via)
    }

    func story(path: String, format: String) -> Story {
        Story(id: storyID, legacyID: legacyID, path: path, format: format,
              title: header.title.isEmpty ? nil : header.title, category: header.category, via: header.via,
              age: header.age, declaredComments: header.declaredComments, byline: header.byline, body: body,
              comments: comments)
    }

    func summary(path: String, format: String) -> StorySummary {
        StorySummary(id: storyID, legacyID: legacyID, path: path, format: format,
                     title: header.title.isEmpty ? nil : header.title, category: header.category, via: header.via,
                     age: header.age, declaredComments: header.declaredComments, byline: header.byline,
                     commentCount: commentCount)
    }
}

/// A range of bytes within a document: a line, or part of one.
struct ByteLine {
    let base: UnsafePointer<UInt8>
    var start: Int
    var end: Int

    var isEmpty: Bool { start >= end }
    var string: String { String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self) }
    var raw: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base + start, count: end - start) }

    var isBlank: Bool {
        var index = start
        while index < end {
            if base[index] != 0x20 && base[index] != 0x09 { return false }
            index += 1
        }
        return true
    }

    var trimmed: ByteLine {
        var copy = self
        while copy.start < copy.end, base[copy.start] == 0x20 || base[copy.start] == 0x09 { copy.start += 1 }
        while copy.end > copy.start, base[copy.end - 1] == 0x20 || base[copy.end - 1] == 0x09 { copy.end -= 1 }
        return copy
    }

    /// Leading indentation in columns: a space counts 1, a tab 2 (one nesting level).
    var indentWidth: Int {
        var width = 0
        var index = start
        while index < end {
            if base[index] == 0x20 { width += 1 } else if base[index] == 0x09 { width += 2 } else { break }
            index += 1
        }
        return width
    }

    func hasPrefix(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard end - start >= count else { return false }
        return memcmp(base + start, prefix.utf8Start, count) == 0
    }

    /// First offset of `needle` at or after `from`, or nil.
    func find(_ needle: StaticString, from: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        var index = from
        while index + count <= end {
            if base[index] == needle.utf8Start[0], memcmp(base + index, needle.utf8Start, count) == 0 { return index }
            index += 1
        }
        return nil
    }

    /// The optional `@@ author • age @@ text` prefix (a Tidings extension); plain lines have neither.
    var attribution: (author: ByteLine?, age: ByteLine?, text: ByteLine) {
        guard hasPrefix("@@ "), let close = find(" @@", from: start + 3) else { return (nil, nil, self) }
        let text = ByteLine(base: base, start: close + 3, end: end).trimmed
        let inner = ByteLine(base: base, start: start + 3, end: close)
        var author = inner
        var age: ByteLine?
        if let bullet = inner.find("•", from: inner.start) {
            author.end = bullet
            age = ByteLine(base: base, start: bullet + 3, end: inner.end).trimmed
        }
        author = author.trimmed
        return (author.isEmpty ? nil : author, age.flatMap { $0.isEmpty ? nil : $0 }, text)
    }
}

/// The header fields of a native document, filled in line by line.
struct Header {
    var title: String
    var id: String?
    var category: String?
    var via: String?
    var age: String?
    var declaredComments: Int?
    var byline: String?

    /// Reads one header line; false when the line is not a header.
    mutating func read(_ line: Substring) -> Bool {
        let text = line.trimmingSpaces()
        if let value = text.value(afterKey: "Category:") {
            category = value.nonEmpty
        } else if let value = text.value(afterKey: "By:") {
            byline = value.nonEmpty
        } else if let value = text.value(afterKey: "Id:") {
            id = value.nonEmpty
        } else if let value = text.value(afterKey: "Via:") {
            readVia(value)
        } else {
            return false
        }
        return true
    }

    /// `Via: submitter • age • N comments`, possibly with `By: byline` glued to its end.
    private mutating func readVia(_ value: Substring) {
        var rest = value
        if let glued = rest.range(of: "By:") {
            byline = rest[glued.upperBound...].trimmingSpaces().nonEmpty
            rest = rest[..<glued.lowerBound]
        }
        var parts = rest.split(whereSeparator: { $0 == "•" || $0 == "·" }).map { $0.trimmingSpaces() }
        parts.removeAll { $0.isEmpty }
        guard !parts.isEmpty else { return }
        if parts.count > 1, let count = Self.commentCount(parts[parts.count - 1]) {
            declaredComments = count
            parts.removeLast()
        }
        via = String(parts.removeFirst())
        age = parts.isEmpty ? nil : parts.joined(separator: " • ")
    }

    /// `5 comments`, `1 comment`, `1,204 comments` → the number; anything else → nil.
    static func commentCount(_ text: Substring) -> Int? {
        let words = text.split(separator: " ")
        guard words.count == 2, words[1] == "comments" || words[1] == "comment" else { return nil }
        return Int(words[0].filter { $0 != "," })
    }
}

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

extension StringProtocol where SubSequence == Substring {
    var isBlank: Bool { allSatisfy { $0 == " " || $0 == "\t" } }

    func trimmingSpaces() -> Substring {
        var result = self[...]
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }

    func value(afterKey key: String) -> Substring? {
        guard hasPrefix(key) else { return nil }
        return self[index(startIndex, offsetBy: key.count)...].trimmingSpaces()
    }

    var nonEmpty: String? { isEmpty ? nil : String(self) }
}
