/// The `From ` line that starts each message of an mbox, and the escaping of body lines that look like one.
enum MboxSeparator {
    /// `From sender date`: at least two words after `From ` and a time (`hh:mm`) in the line. A body line of
    /// prose that starts with "From " (left unescaped by an mboxo writer) rarely has a time in it.
    static func isSeparator(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 10, line[0] == 0x46, line[1] == 0x72, line[2] == 0x6F, line[3] == 0x6D, line[4] == 0x20,
              line[5] != 0x20 else { return false }
        var words = 0
        var inWord = false
        var hasTime = false
        for index in 5..<line.count {
            let byte = line[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
            if byte == 0x3A, index >= 1, index + 2 < line.count, isDigit(line[index - 1]), isDigit(line[index + 1]),
               isDigit(line[index + 2]) {
                hasTime = true
            }
        }
        return words >= 3 && hasTime
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

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

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
