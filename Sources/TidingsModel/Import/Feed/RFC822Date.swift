import Foundation

/// Dates as mail and RSS write them (RFC 822 / RFC 2822): `Wed, 20 Dec 2006 21:42:06 +0000`, and the forms
/// found in practice: no weekday, no seconds, a two-digit year, a full month name, zone names (`GMT`,
/// `EST`, `PDT`), a zone comment (`(UTC)`), day and month in either order, `20-Dec-2006`, and C's asctime
/// (`Wed Dec 20 21:42:06 2006`). Parsed by hand in one pass over the bytes, allocating nothing: it runs for
/// every item, and date formatters are slow and not shareable between threads.
enum RFC822Date {
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var numbers: (Int, Int, Int) = (0, 0, 0)
        var digitCounts: (Int, Int, Int) = (0, 0, 0)
        var numberCount = 0
        var month = 0
        var clock: (hour: Int, minute: Int, second: Int)?
        var offset: Int?
        var index = 0
        var previousEnd = -1
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            // Spaces, commas and dots separate; so does a `-` glued to the token before it (`20-Dec-2006`).
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
                || (byte == UInt8(ascii: "-") && index == previousEnd) {
                index += 1
                if byte == UInt8(ascii: "-") { previousEnd = index }
                continue
            }
            let start = index
            index += 1
            if byte == UInt8(ascii: "(") {
                while index < count, bytes[index] != UInt8(ascii: ")") { index += 1 }
                index = min(index + 1, count)
            } else if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                while index < count, bytes[index].isDigit || bytes[index] == UInt8(ascii: ":") { index += 1 }
                if index > start + 1 {
                    // A zone no place has (`+9999`) says the date is damaged: not read, rather than hours off.
                    guard let zone = numericZone(bytes, (start + 1)..<index, negative: byte == UInt8(ascii: "-")) else { return nil }
                    if offset == nil || offset == 0 { offset = zone }
                }
            } else if byte.isDigit {
                var colons = 0
                while index < count, bytes[index].isDigit || bytes[index] == UInt8(ascii: ":") {
                    if bytes[index] == UInt8(ascii: ":") { colons += 1 }
                    index += 1
                }
                if colons > 0 {
                    // A time that is no time makes the date unreadable rather than midnight.
                    if clock == nil {
                        guard let read = time(bytes, start..<index) else { return nil }
                        clock = read
                    }
                } else {
                    let digits = index - start
                    guard digits <= 4 else { return nil }
                    let value = number(bytes, start..<index)
                    switch numberCount {
                    case 0: numbers.0 = value; digitCounts.0 = digits
                    case 1: numbers.1 = value; digitCounts.1 = digits
                    case 2: numbers.2 = value; digitCounts.2 = digits
                    default: break
                    }
                    numberCount += 1
                }
            } else if byte.isASCIILetter {
                while index < count, bytes[index].isASCIILetter { index += 1 }
                let word = packed(bytes, start..<index)
                if month == 0, index - start >= 3, let named = monthNumber(packed(bytes, start..<(start + 3))) {
                    month = named
                } else if offset == nil, let zone = namedZone(word, length: index - start) {
                    offset = zone
                }
            }
            previousEnd = index
        }
        // A day and a year, nothing more: another number is a time written some other way (`10.00.00`,
        // `10.00:00`, `1O:00`), which would be read as midnight or as its minutes.
        guard month > 0, numberCount == 2 else { return nil }
        // A number of three or four digits is the year; otherwise the day comes first, as RFC 822 writes it.
        let yearFirst = digitCounts.0 >= 3 && digitCounts.1 < 3
        var year = yearFirst ? numbers.0 : numbers.1
        let yearDigits = yearFirst ? digitCounts.0 : digitCounts.1
        let day = yearFirst ? numbers.1 : numbers.0
        switch yearDigits {
        case 1, 2: year += year < 50 ? 2000 : 1900
        case 3: year += 1900
        default: break
        }
        guard (1...CivilTime.daysIn(month: month, year: year)).contains(day) else { return nil }
        let time = clock ?? (0, 0, 0)
        let days = CivilTime.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + time.hour * 3600 + time.minute * 60 + time.second - (offset ?? 0)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var value = 0
        for index in range { value = value * 10 + Int(bytes[index] &- 0x30) }
        return value
    }

    /// `21:42:06` or `21:42`.
    private static func time(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (hour: Int, minute: Int, second: Int)? {
        var parts = (0, 0, 0)
        var part = 0
        var digits = 0
        for index in range {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") {
                guard digits > 0, part < 2 else { return nil }
                part += 1
                digits = 0
                continue
            }
            digits += 1
            guard digits <= 2 else { return nil }
            let value = Int(byte &- 0x30)
            switch part {
            case 0: parts.0 = parts.0 * 10 + value
            case 1: parts.1 = parts.1 * 10 + value
            default: parts.2 = parts.2 * 10 + value
            }
        }
        guard part >= 1, digits > 0, parts.0 < 24, parts.1 < 60, parts.2 <= 60 else { return nil }
        return (parts.0, parts.1, parts.2)
    }

    /// `0500` or `05:30` after the sign, in seconds east of UTC.
    private static func numericZone(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, negative: Bool) -> Int? {
        var values: (Int, Int, Int, Int) = (0, 0, 0, 0)
        var digits = 0
        for index in range where bytes[index] != UInt8(ascii: ":") {
            let value = Int(bytes[index] &- 0x30)
            switch digits {
            case 0: values.0 = value
            case 1: values.1 = value
            case 2: values.2 = value
            case 3: values.3 = value
            default: return nil
            }
            digits += 1
        }
        guard digits == 4 || digits == 2 else { return nil }
        let hours = values.0 * 10 + values.1
        let minutes = digits == 4 ? values.2 * 10 + values.3 : 0
        guard hours < 24, minutes < 60 else { return nil }
        return (negative ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// Up to the first four letters, upper-cased, in one number: words compared without strings.
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt32 {
        var value: UInt32 = 0
        for index in range.prefix(4) { value = value << 8 | UInt32(bytes[index] & ~0x20) }
        return value
    }

    private static func code(_ text: StaticString) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<min(text.utf8CodeUnitCount, 4) { value = value << 8 | UInt32(text.utf8Start[offset]) }
        return value
    }

    private static let months: [UInt32] = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"].map { code($0) }

    private static func monthNumber(_ word: UInt32) -> Int? {
        months.firstIndex(of: word).map { $0 + 1 }
    }

    /// The zones RFC 822 names, and those mail's dates know (`ZoneNames`); the military letters other than
    /// `Z` are read as UTC, as RFC 2822 advises.
    private static let zones: [(UInt32, Int, Int)] = ZoneNames.minutesEast.map { zone in
        (zone.name.utf8.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }, zone.name.utf8.count, zone.minutes)
    }

    private static func namedZone(_ word: UInt32, length: Int) -> Int? {
        for (name, nameLength, minutes) in zones where name == word && nameLength == length { return minutes * 60 }
        return length == 1 ? 0 : nil
    }
}

extension UInt8 {
    var isDigit: Bool { (0x30...0x39).contains(self) }
}
