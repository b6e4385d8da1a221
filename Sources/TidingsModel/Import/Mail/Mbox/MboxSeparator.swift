import Foundation

/// The `From ` line that starts each message of an mbox, and the escaping of body lines that look like one.
enum MboxSeparator {
    /// Whether a whole line is a separator (`isSeparator(_:lineStart:lineEnd:)`).
    static func isSeparator(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        isSeparator(line, lineStart: 0, lineEnd: line.count)
    }

    /// The message's bytes with mboxrd's escaping undone: one `>` taken from each line that is `>From `,
    /// `>>From ` and so on. Bytes without such a line are returned as they are.
    static func unescaped(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var result: [UInt8]?
        var lineStart = bytes.startIndex
        var copiedUpTo = bytes.startIndex
        while lineStart < bytes.endIndex {
            var index = lineStart
            while index < bytes.endIndex, bytes[index] == 0x3E { index += 1 }
            if index > lineStart, bytes.endIndex - index >= 5, bytes[index] == 0x46, bytes[index + 1] == 0x72,
               bytes[index + 2] == 0x6F, bytes[index + 3] == 0x6D, bytes[index + 4] == 0x20 {
                if result == nil { result = []; result!.reserveCapacity(bytes.count) }
                result!.append(contentsOf: bytes[copiedUpTo..<lineStart])
                copiedUpTo = lineStart + 1
            }
            guard let newline = bytes[lineStart...].firstIndex(of: 0x0A) else { break }
            lineStart = newline + 1
        }
        guard var result else { return bytes }
        result.append(contentsOf: bytes[copiedUpTo...])
        return result[...]
    }


    /// The date on the separator line that ends just before `start` (a message's first byte in `bytes`), for
    /// a message without a readable `Date:` (mutt does the same); nil when no separator line is there.
    static func date(before start: Int, in bytes: ArraySlice<UInt8>) -> Date? {
        guard start > bytes.startIndex, start <= bytes.endIndex, bytes[start - 1] == 0x0A else { return nil }
        // The line is looked for no further back than a separator line can be long.
        let earliest = max(bytes.startIndex, start - 1 - MboxSplitter.lineLimit)
        var lineStart = start - 1
        while lineStart > earliest, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        guard lineStart == bytes.startIndex || bytes[lineStart - 1] == 0x0A else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Date? in
            let base = bytes.startIndex
            guard isSeparator(buffer, lineStart: lineStart - base, lineEnd: start - 1 - base),
                  let range = dateRange(buffer, lineStart: lineStart - base, lineEnd: start - 1 - base) else { return nil }
            return MailDates.parse(bytes: buffer[range])
        }
    }

    /// How many bytes before a message `date(before:in:)` may need.
    static var lookBehind: Int { MboxSplitter.lineLimit + 2 }

    // MARK: - Judged within a larger buffer

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
