/// The plain-text story format described in docs/FORMAT.md: title, header lines, body, indented comments.
public struct NativeFormat: DocumentFormat {
    public let name = "tidings"

    public init() {}

    public func accepts(path: String, prefix: ArraySlice<UInt8>) -> Bool {
        // The native format is the fallback for any text file; binary files are left to other formats.
        !TextDecoding.looksBinary(prefix)
    }

    public func parse(_ bytes: [UInt8], path: String) throws -> [Story] {
        if TextDecoding.looksBinary(bytes.prefix(4096)) { throw DocumentError("binary file, not text") }
        let lines = TextDecoding.lines(TextDecoding.decode(bytes))
        var cursor = lines.startIndex
        skipBlankLines(lines, &cursor)
        guard cursor < lines.endIndex else { throw DocumentError("empty file: no title line") }

        var header = Header(title: String(lines[cursor].trimmingSpaces()))
        cursor += 1
        var body: [String] = []
        // Header lines run until the first blank line; a line that is no header starts the body early.
        while cursor < lines.endIndex, !lines[cursor].isBlank {
            if !header.read(lines[cursor]) { break }
            cursor += 1
        }
        skipBlankLines(lines, &cursor)
        while cursor < lines.endIndex, !lines[cursor].isBlank {
            body.append(String(lines[cursor].trimmingSpaces()))
            cursor += 1
        }
        let comments = CommentLines.parse(lines[cursor...])
        let id = header.id ?? StoryID.derive(title: header.title, submitter: header.via)
        return [Story(id: id, path: path, format: name, title: header.title.isEmpty ? nil : header.title,
                      category: header.category, via: header.via, age: header.age,
                      declaredComments: header.declaredComments, byline: header.byline,
                      body: body, comments: comments)]
    }

    private func skipBlankLines(_ lines: [Substring], _ cursor: inout Int) {
        while cursor < lines.endIndex, lines[cursor].isBlank { cursor += 1 }
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

/// Turns the indented comment lines of a native document into a flat pre-order comment list.
enum CommentLines {
    static func parse(_ lines: ArraySlice<Substring>) -> [Comment] {
        var comments: [Comment] = []
        var ids = CommentIDAssigner()
        // lastAtDepth[d] is the index of the most recent comment at depth d: the parent for depth d + 1.
        var lastAtDepth: [Int] = []
        for line in lines where !line.isBlank {
            let indent = line.leadingIndentWidth
            let wanted = indent / 2
            let depth = min(wanted, lastAtDepth.count)  // never more than one level below the previous line
            let parent = depth > 0 ? lastAtDepth[depth - 1] : nil
            let (author, age, text) = splitAttribution(line.trimmingSpaces())
            let id = ids.next(parent: parent.map { comments[$0].id }, author: author, text: text)
            lastAtDepth.removeSubrange(depth...)
            lastAtDepth.append(comments.count)
            comments.append(Comment(id: id, depth: depth, parent: parent, author: author, age: age, text: text))
        }
        Story.countDescendants(&comments)
        return comments
    }

    /// The optional `@@ author • age @@ text` prefix (a Tidings extension); plain lines have neither.
    static func splitAttribution(_ text: Substring) -> (author: String?, age: String?, text: String) {
        guard text.hasPrefix("@@ "), let close = text.dropFirst(3).range(of: " @@") else {
            return (nil, nil, String(text))
        }
        let inner = text[text.index(text.startIndex, offsetBy: 3)..<close.lowerBound]
        let rest = text[close.upperBound...].trimmingSpaces()
        let parts = inner.split(separator: "•", maxSplits: 1).map { $0.trimmingSpaces() }
        let author = parts.first.flatMap { $0.nonEmpty }
        let age = parts.count > 1 ? parts[1].nonEmpty : nil
        return (author, age, String(rest))
    }
}

/// Derives stable story ids; see docs/STATE.md for the rule.
public enum StoryID {
    public static let characterCount = 11

    public static func derive(title: String, submitter: String?) -> String {
        var hash = StableHash()
        hash.add(title.lowercased())
        hash.add(submitter ?? "")
        return Base64URL.encode(hash.value, characters: characterCount)
    }
}

/// Gives each comment an id from its parent, author and text, numbering identical siblings in order.
struct CommentIDAssigner {
    private var seen: [UInt64: UInt64] = [:]

    mutating func next(parent: CommentID?, author: String?, text: String) -> CommentID {
        var hash = StableHash()
        hash.add(parent?.value ?? 0xFFFF_FFFF_FFFF)
        hash.add(author ?? "")
        hash.add(text)
        let occurrence = seen[hash.value, default: 0]
        seen[hash.value] = occurrence + 1
        if occurrence > 0 { hash.add(occurrence) }
        return CommentID(value: hash.value ^ (hash.value >> 36))
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

    /// Leading indentation in columns: a space counts 1, a tab counts 2 (one nesting level).
    var leadingIndentWidth: Int {
        var width = 0
        for character in self {
            if character == " " { width += 1 } else if character == "\t" { width += 2 } else { break }
        }
        return width
    }

    func value(afterKey key: String) -> Substring? {
        guard hasPrefix(key) else { return nil }
        return self[index(startIndex, offsetBy: key.count)...].trimmingSpaces()
    }

    var nonEmpty: String? { isEmpty ? nil : String(self) }
}
