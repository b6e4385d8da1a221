import Foundation

/// Where a message's header block starts: after a UTF-8 byte-order mark (some tools write one before a
/// saved message), an mbox `From ` line, whose date stands in for a missing `Date:`, and `>From ` lines.
struct HeaderBlockStart {
    let offset: Int
    let separatorDate: Range<Int>?
    /// Whether the first line there is a header field (`Name: value`); if not, the bytes are no message,
    /// or an A-news article.
    let startsWithField: Bool

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        var start = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
        var separatorDate: Range<Int>?
        if buffer.count >= start + 5, buffer[start] == UInt8(ascii: "F"), buffer[start + 1] == UInt8(ascii: "r"),
           buffer[start + 2] == UInt8(ascii: "o"), buffer[start + 3] == UInt8(ascii: "m"), buffer[start + 4] == 0x20 {
            let lineEnd = HeaderBlockScanner.lineEnd(buffer, from: start, to: buffer.count)
            separatorDate = MboxSeparator.dateRange(buffer, lineStart: start, lineEnd: lineEnd)
            start = lineEnd < buffer.count ? lineEnd + 1 : buffer.count
        }
        // A quoted `>From ` line some programs leave before the fields is passed over, as among them.
        while start < buffer.count, buffer[start] == UInt8(ascii: ">") {
            let lineEnd = HeaderBlockScanner.lineEnd(buffer, from: start, to: buffer.count)
            guard HeaderBlockScanner.isFromLine(buffer, from: start, to: lineEnd) else { break }
            start = lineEnd < buffer.count ? lineEnd + 1 : buffer.count
        }
        let firstLineEnd = HeaderBlockScanner.lineEnd(buffer, from: start, to: buffer.count)
        offset = start
        self.separatorDate = separatorDate
        startsWithField = HeaderBlockScanner.nameEnd(buffer, from: start, to: firstLineEnd) != nil
    }

    /// The message's date: its first `Date:`, else its first `Posted:` (news), else the separator line's.
    func date(_ buffer: UnsafeBufferPointer<UInt8>, dateField: HeaderField?, postedField: HeaderField?) -> Date? {
        for field in [dateField, postedField] {
            if let field, let date = HeaderBlockScanner.withValue(buffer, field, { MailDates.parse(bytes: $0) }) { return date }
        }
        return separatorDate.flatMap { MailDates.parse(bytes: buffer[$0]) }
    }
}
