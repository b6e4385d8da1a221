import Foundation

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
