/// mboxcl's `Content-Length`: a body's length in bytes, so a body line that reads as a separator (`From joe
/// Mon Jan  1 09:00:00 2024`, not escaped in mboxcl) is not taken for one. Trusted, as mutt trusts it,
/// only when the bytes at the end it gives are where a message ends: the end of the file, or a separator
/// line, after at most one line end. mboxcl is a file's format (its writer puts the field on every message),
/// so the lengths are looked at only in a file whose first message has one: looking for the field in every
/// message's header block would cost a sixth of an archive's listing.
enum MboxContentLength {
    /// The `Content-Length` of the header block at the start of `bytes`, and where the body starts (after
    /// the block's empty line); nil without one, with one that is no number, or when the block does not
    /// end in `bytes`.
    /// Also whether the block has the field at all (a file's first message says whether its writer puts
    /// one on every message).
    static func length(inHead bytes: UnsafeBufferPointer<UInt8>) -> (found: (length: Int, body: Int)?, hasField: Bool) {
        var scanner = HeaderBlockScanner(bytes, from: 0, to: bytes.count)
        var length: Int?
        var hasField = false
        while let field = scanner.next() {
            guard !hasField, MailHeaderName.identify(bytes, from: field.nameStart, to: field.nameEnd) == .contentLength else { continue }
            hasField = true
            length = HeaderBlockScanner.withValue(bytes, field) { value in
                guard !value.isEmpty, value.count <= 15, value.allSatisfy(MailDates.isDigit) else { return nil }
                return value.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            }
        }
        guard let length, let body = scanner.bodyOffset, endsWithEmptyLine(bytes, body) else { return (nil, hasField) }
        return ((length, body), hasField)
    }

    /// Whether the header block that ends at `body` ended with its empty line (not at the bytes' end).
    private static func endsWithEmptyLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: Int) -> Bool {
        guard body >= 1, body <= bytes.count, bytes[body - 1] == 0x0A else { return false }
        var lineStart = body - 1
        if lineStart >= 1, bytes[lineStart - 1] == 0x0D { lineStart -= 1 }
        return lineStart == 0 || bytes[lineStart - 1] == 0x0A
    }

    /// Whether `bytes`, read at the end a length gives, start where a message ends: the end of the file, or
    /// a separator line, right there or after one line end (mutt looks one byte past the length).
    static func endsMessage(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.isEmpty || startsSeparator(bytes, at: 0) { return true }
        let after = bytes[0] == 0x0A ? 1 : bytes.count >= 2 && bytes[0] == 0x0D && bytes[1] == 0x0A ? 2 : 0
        return after > 0 && (after == bytes.count || startsSeparator(bytes, at: after))
    }

    /// How many bytes `endsMessage` needs: a line end and a separator line as long as one is judged.
    static let lookAhead = 2 + MboxSplitter.lineLimit

    private static func startsSeparator(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        return MboxSeparator.isSeparator(bytes, lineStart: start, lineEnd: end)
    }
}
