/// The `From ` line that starts each message of an mbox: `From `, the envelope sender, and a date in
/// asctime form (`From MAILER-DAEMON Fri Jul  8 12:08:34 2011`).
enum MboxSeparator {
    /// The date part of the separator line (after the sender), or nil when there is none.
    static func dateRange(_ buffer: UnsafeBufferPointer<UInt8>, lineStart: Int, lineEnd: Int) -> Range<Int>? {
        var end = lineEnd
        if end > lineStart, buffer[end - 1] == 0x0D { end -= 1 }
        var index = lineStart + 5
        while index < end, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
        while index < end, buffer[index] != 0x20, buffer[index] != 0x09 { index += 1 }
        while index < end, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
        return index < end ? index..<end : nil
    }

    /// Whether the line is a separator: `From `, a sender, and something date-like (a time `hh:mm`).
    static func isSeparator(_ buffer: UnsafeBufferPointer<UInt8>, lineStart: Int, lineEnd: Int) -> Bool {
        guard lineEnd - lineStart > 5, buffer[lineStart] == UInt8(ascii: "F"), buffer[lineStart + 1] == UInt8(ascii: "r"),
              buffer[lineStart + 2] == UInt8(ascii: "o"), buffer[lineStart + 3] == UInt8(ascii: "m"), buffer[lineStart + 4] == 0x20,
              let date = dateRange(buffer, lineStart: lineStart, lineEnd: lineEnd) else { return false }
        var index = date.lowerBound
        while index + 2 < date.upperBound {
            if MailDates.isDigit(buffer[index]), buffer[index + 1] == UInt8(ascii: ":"), MailDates.isDigit(buffer[index + 2]) { return true }
            index += 1
        }
        return false
    }
}
