/// The header fields of a native document, filled in line by line.
struct NativeHeader {
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
        // A plain walk over the UTF-8, not `range(of:)` (Foundation) or `firstRange(of:)` (generic, slow): every
        // file's header passes here.
        if let glued = Self.byMarker(in: rest) {
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

    /// Where `By:` is in `text`, by its UTF-8 bytes.
    static func byMarker(in text: Substring) -> Range<String.Index>? {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == 0x42 {  // B
                let second = utf8.index(after: index)
                if second != utf8.endIndex, utf8[second] == 0x79 {  // y
                    let third = utf8.index(after: second)
                    if third != utf8.endIndex, utf8[third] == 0x3A {  // :
                        return index..<utf8.index(after: third)
                    }
                }
            }
            index = utf8.index(after: index)
        }
        return nil
    }

    /// `5 comments`, `1 comment`, `1,204 comments` → the number; anything else → nil.
    static func commentCount(_ text: Substring) -> Int? {
        let words = text.split(separator: " ")
        guard words.count == 2, words[1].utf8.elementsEqual("comments".utf8) || words[1].utf8.elementsEqual("comment".utf8) else { return nil }
        return Int(words[0].filter { $0 != "," })
    }
}
