import Foundation

/// Dates as mail and RSS write them (RFC 822 / RFC 2822): `Wed, 20 Dec 2006 21:42:06 +0000`, and the forms
/// found in practice: no weekday, no seconds, a two-digit year, a full month name, zone names (`GMT`,
/// `EST`, `PDT`), a zone comment (`(UTC)`), day and month in either order, `20-Dec-2006`, and C's asctime
/// (`Wed Dec 20 21:42:06 2006`). Parsed by hand on bytes: it runs for every item, and date formatters are
/// slow and not shareable between threads.
enum RFC822Date {
    static func parse(_ text: String) -> Date? {
        var numbers: [(value: Int, digits: Int)] = []
        var month: Int?
        var time: (hour: Int, minute: Int, second: Int)?
        var offset: Int?
        var tokens = Tokens(Array(text.utf8))
        while let token = tokens.next() {
            guard let first = token.first else { continue }
            if first == UInt8(ascii: "(") { continue }
            if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
                if offset == nil || offset == 0 { offset = numericZone(token.dropFirst(), negative: first == UInt8(ascii: "-")) }
            } else if token.contains(UInt8(ascii: ":")), time == nil, first.isDigit {
                time = clock(token)
            } else if first.isDigit {
                guard token.count <= 4, token.allSatisfy(\.isDigit) else { return nil }
                numbers.append((token.reduce(0) { $0 * 10 + Int($1 - 0x30) }, token.count))
            } else if month == nil, let named = monthNumber(token) {
                month = named
            } else if let zone = namedZone(token), offset == nil {
                offset = zone
            }
        }
        guard let month, numbers.count >= 2 else { return nil }
        // A four-digit number is the year; otherwise the day comes first, as RFC 822 writes it.
        let yearIndex = numbers.firstIndex { $0.digits >= 3 } ?? 1
        let dayIndex = yearIndex == 0 ? 1 : 0
        var year = numbers[yearIndex].value
        let day = numbers[dayIndex].value
        switch numbers[yearIndex].digits {
        case 1, 2: year += year < 50 ? 2000 : 1900
        case 3: year += 1900
        default: break
        }
        guard (1...31).contains(day) else { return nil }
        let clock = time ?? (0, 0, 0)
        let days = ServiceDates.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + clock.hour * 3600 + clock.minute * 60 + clock.second - (offset ?? 0)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `21:42:06` or `21:42`.
    private static func clock(_ token: ArraySlice<UInt8>) -> (Int, Int, Int)? {
        let parts = token.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isDigit) }) else {
            return nil
        }
        let values = parts.map { $0.reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        let second = values.count == 3 ? values[2] : 0
        guard values[0] < 24, values[1] < 60, second <= 60 else { return nil }
        return (values[0], values[1], second)
    }

    /// `0500` or `05:30` after the sign, in seconds east of UTC.
    private static func numericZone(_ digits: ArraySlice<UInt8>, negative: Bool) -> Int? {
        let plain = digits.filter { $0 != UInt8(ascii: ":") }
        guard plain.count == 4 || plain.count == 2, plain.allSatisfy(\.isDigit) else { return nil }
        let values = plain.map { Int($0 - 0x30) }
        let hours = values[0] * 10 + values[1]
        let minutes = plain.count == 4 ? values[2] * 10 + values[3] : 0
        guard hours < 24, minutes < 60 else { return nil }
        return (negative ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    private static func monthNumber(_ token: ArraySlice<UInt8>) -> Int? {
        guard token.count >= 3 else { return nil }
        let key = String(decoding: token.prefix(3).map { $0 | 0x20 }, as: UTF8.self)
        guard let index = months.firstIndex(of: key) else { return nil }
        return index + 1
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The zones RFC 822 names, and a few more seen in feeds; the military letters other than `Z` are
    /// read as UTC, as RFC 2822 advises.
    private static func namedZone(_ token: ArraySlice<UInt8>) -> Int? {
        let name = String(decoding: token.map { $0 & ~0x20 }, as: UTF8.self)
        let hours: Int
        switch name {
        case "GMT", "UT", "UTC", "Z", "WET": hours = 0
        case "EST": hours = -5
        case "EDT": hours = -4
        case "CST": hours = -6
        case "CDT": hours = -5
        case "MST": hours = -7
        case "MDT": hours = -6
        case "PST": hours = -8
        case "PDT": hours = -7
        case "CET", "BST", "MET", "WEST": hours = 1
        case "CEST", "EET", "MEST": hours = 2
        case "EEST", "MSK": hours = 3
        default: return token.count == 1 && token.first?.isASCIILetter == true ? 0 : nil
        }
        return hours * 3600
    }

    /// The date's words and numbers: runs of letters, runs of digits (with `:` in a time), signed zones and
    /// comments in parentheses. Spaces, commas and dots separate them, and so does a `-` glued to the token
    /// before it (`20-Dec-2006`); a `-` after a space starts a zone.
    private struct Tokens {
        let bytes: [UInt8]
        var index = 0
        var previousEnd = -1

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func next() -> ArraySlice<UInt8>? {
            while index < bytes.count,
                  Self.isSeparator(bytes[index]) || (bytes[index] == UInt8(ascii: "-") && index == previousEnd) {
                index += 1
                if bytes[index - 1] == UInt8(ascii: "-") { previousEnd = index }
            }
            guard index < bytes.count else { return nil }
            let start = index
            let first = bytes[index]
            index += 1
            if first == UInt8(ascii: "(") {
                while index < bytes.count, bytes[index] != UInt8(ascii: ")") { index += 1 }
                index = min(index + 1, bytes.count)
            } else if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
                while index < bytes.count, bytes[index].isDigit || bytes[index] == UInt8(ascii: ":") { index += 1 }
            } else if first.isASCIILetter {
                while index < bytes.count, bytes[index].isASCIILetter { index += 1 }
            } else if first.isDigit {
                while index < bytes.count, bytes[index].isDigit || bytes[index] == UInt8(ascii: ":") { index += 1 }
            }
            previousEnd = index
            return bytes[start..<index]
        }

        static func isSeparator(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
        }
    }
}

extension UInt8 {
    var isDigit: Bool { (0x30...0x39).contains(self) }
}
