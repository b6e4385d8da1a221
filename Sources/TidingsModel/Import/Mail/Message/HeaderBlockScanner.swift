import Foundation

/// One field of a header block: where its name and its value (folded lines included) lie in the buffer.
struct HeaderField {
    var nameStart: Int
    var nameEnd: Int
    /// Just after the colon.
    var valueStart: Int
    /// Before the line break of the field's last line.
    var valueEnd: Int
    /// The value goes on over continuation lines (their line breaks are inside it).
    var isFolded: Bool
}

/// Reads the fields of a header block, lenient like mutt: CRLF or LF, folded lines joined to their field,
/// a `From ` line among them skipped; the block ends at the first empty line, at a line that is no field, or
/// after 1 MiB or 10,000 lines (the rest is body). Works on bytes in place: nothing is copied or decoded until a caller asks for a value.
struct HeaderBlockScanner {
    static let maximumBytes = 1 << 20
    static let maximumLines = 10_000

    let buffer: UnsafeBufferPointer<UInt8>
    let end: Int
    private let limit: Int
    private var position: Int
    private var lines = 0
    /// Where the body starts: set when the block has ended.
    private(set) var bodyOffset: Int?
    /// Whether the block ended at a limit, not at its empty line.
    private(set) var wasCut = false
    /// A line starting with `--` ends the block (for the parts of a multipart, whose boundary line may come
    /// right after their headers).
    private let stopsAtBoundary: Bool

    init(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, stopsAtBoundary: Bool = false) {
        self.buffer = buffer
        self.end = end
        self.position = start
        self.limit = start &+ Self.maximumBytes
        self.stopsAtBoundary = stopsAtBoundary
    }

    /// The next field, or nil at the end of the block (`bodyOffset` then says where the body starts).
    mutating func next() -> HeaderField? {
        while bodyOffset == nil {
            guard position < end, position < limit, lines < Self.maximumLines else {
                bodyOffset = min(position, end)
                wasCut = position < end
                return nil
            }
            let lineEnd = Self.lineEnd(buffer, from: position, to: end)
            let contentEnd = lineEnd > position && buffer[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
            let next = lineEnd < end ? lineEnd + 1 : end
            if contentEnd == position {
                bodyOffset = next
                return nil
            }
            let first = buffer[position]
            if stopsAtBoundary, first == UInt8(ascii: "-"), position + 1 < contentEnd, buffer[position + 1] == UInt8(ascii: "-") {
                bodyOffset = position
                return nil
            }
            lines += 1
            guard first != 0x20, first != 0x09, let colon = Self.nameEnd(buffer, from: position, to: contentEnd) else {
                // A line that is no field ends the block and starts the body, as mutt reads it (a message
                // written without the empty line shows its text), unless it is a quoted or a second `From `
                // line, which some programs leave among the fields; a continuation without a field is skipped.
                if first == 0x20 || first == 0x09 || Self.isFromLine(buffer, from: position, to: contentEnd) {
                    position = next
                    continue
                }
                bodyOffset = position
                return nil
            }
            var field = HeaderField(nameStart: position, nameEnd: colon, valueStart: colon + 1, valueEnd: contentEnd, isFolded: false)
            position = next
            while position < end, position < limit, lines < Self.maximumLines,
                  buffer[position] == 0x20 || buffer[position] == 0x09 {
                let foldEnd = Self.lineEnd(buffer, from: position, to: end)
                field.valueEnd = foldEnd > position && buffer[foldEnd - 1] == 0x0D ? foldEnd - 1 : foldEnd
                field.isFolded = true
                lines += 1
                position = foldEnd < end ? foldEnd + 1 : end
            }
            return field
        }
        return nil
    }

    /// A `>From ` line, or a `From ` line that is an mbox separator (a sender and a date), as mutt passes
    /// over among the fields; `From the logs, …` starts the body.
    static func isFromLine(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        if start < end, buffer[start] == UInt8(ascii: ">") { return startsWithFrom(buffer, at: start + 1, to: end) }
        return startsWithFrom(buffer, at: start, to: end) && MboxSeparator.isSeparator(buffer, lineStart: start, lineEnd: end)
    }

    /// Whether the bytes from `start` (before `end`) begin with `From `.
    static func startsWithFrom(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int, to end: Int) -> Bool {
        end - start >= 5 && buffer[start] == UInt8(ascii: "F") && buffer[start + 1] == UInt8(ascii: "r")
            && buffer[start + 2] == UInt8(ascii: "o") && buffer[start + 3] == UInt8(ascii: "m") && buffer[start + 4] == 0x20
    }

    /// The offset of the colon ending a field name that starts at `start` (printable ASCII, no spaces, at
    /// least one character), or nil when the line is no field.
    static func nameEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            let byte = buffer[index]
            if byte == UInt8(ascii: ":") { return index > start ? index : nil }
            if byte <= 0x20 || byte >= 0x7F { return nil }
            index += 1
        }
        return nil
    }

    /// The offset of the next LF at or after `start`, or `end`.
    static func lineEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard start < end, let base = buffer.baseAddress else { return end }
        guard let found = memchr(base + start, 0x0A, end - start) else { return end }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The field's value: folds unfolded (their CR and LF removed), surrounding whitespace trimmed.
    static func value(_ buffer: UnsafeBufferPointer<UInt8>, _ field: HeaderField) -> [UInt8] {
        withValue(buffer, field) { Array($0) }
    }

    /// Calls `body` with the field's value as `value` gives it, in place when it is not folded (most are).
    static func withValue<Result>(_ buffer: UnsafeBufferPointer<UInt8>, _ field: HeaderField,
                                  _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var start = field.valueStart, end = field.valueEnd
        while start < end, isWhitespace(buffer[start]) { start += 1 }
        while end > start, isWhitespace(buffer[end - 1]) { end -= 1 }
        guard field.isFolded else { return body(UnsafeBufferPointer(rebasing: buffer[start..<end])) }
        // Unfolded on the stack: a reply's References is folded, and is read for every message listed.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end - start) { out in
            var count = 0
            for byte in buffer[start..<end] where byte != 0x0D && byte != 0x0A {
                out[count] = byte
                count += 1
            }
            return body(UnsafeBufferPointer(rebasing: out[..<count]))
        }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
}
