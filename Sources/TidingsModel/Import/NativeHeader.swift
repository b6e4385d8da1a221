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
