import Foundation

/// Dates of mail and news headers, read by hand: RFC 5322 (`Tue, 17 Nov 2009 10:52:49 +0100`, weekday
/// optional, obsolete zone names, two-digit years, seconds optional, comments), asctime (`Thu Nov 26
/// 00:16:58 2026`, also with a zone before the year), old Usenet forms (`12-Jun-91 13:26:45 GMT`) and, last,
/// ISO 8601. A date without a zone is taken as UTC. Anything else is nil.
public enum MailDates {
    public static func parse(_ raw: Substring) -> Date? {
        var copy = raw
        return copy.withUTF8 { parse(bytes: $0[...]) }
    }

    static func parse<Bytes: Collection<UInt8>>(bytes raw: Bytes) -> Date? where Bytes.Index == Int {
        // Nearly every date is written the one way RFC 5322 asks for: read that shape straight off.
        if let fields = standardFields(raw) { return fields.date }
        if let date = parseAnyShape(raw) { return date }
        // ISO 8601 (`2024-01-01T10:00:00+02:00`), as some hand-made software writes a Date field.
        guard raw.count >= 10, raw.count <= 64, let first = raw.first(where: { $0 != 0x20 && $0 != 0x09 }), isDigit(first) else { return nil }
        return ServiceDates.iso8601(String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespaces))
    }

    /// The general reading, of every shape the type knows (`parse` reads the standard shape first).
    static func parseAnyShape<Bytes: Collection<UInt8>>(_ raw: Bytes) -> Date? where Bytes.Index == Int {
        var fields = DateFields()
        var index = raw.startIndex
        var previous: UInt8 = 0x20
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "(") {
                index = HeaderSyntax.skipCommentOrQuote(raw, at: index)
                previous = 0x20
                continue
            }
            if isDigit(byte) {
                var end = index
                var value = 0
                while end < raw.endIndex, isDigit(raw[end]) {
                    // More than nine digits is no part of a date (and could overflow).
                    guard end - index < 9 else { return nil }
                    value = value * 10 + Int(raw[end] - 0x30)
                    end += 1
                }
                if end < raw.endIndex, raw[end] == UInt8(ascii: ":") {
                    guard fields.hour == nil, let time = readTime(raw, from: index) else { return nil }
                    fields.hour = time.hour
                    fields.minute = time.minute
                    fields.second = time.second
                    index = time.end
                } else {
                    // A number glued to a letter or to a dot and more digits is a time written some other
                    // way (`1O:00`, `10.00:00`): the date is unreadable (the mbox line's is used), not midnight.
                    if end < raw.endIndex, isLetter(raw[end]) || (raw[end] == UInt8(ascii: ".") && end + 1 < raw.endIndex && isDigit(raw[end + 1])) {
                        // An ordinal day (`3rd Apr`) is a day all the same.
                        guard let suffix = ordinalSuffix(raw, at: end) else { return nil }
                        guard fields.addNumber(value, digits: end - index) else { return nil }
                        index = suffix
                        continue
                    }
                    guard fields.addNumber(value, digits: end - index) else { return nil }
                    index = end
                }
                previous = 0x30
                continue
            }
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"), fields.hour != nil || previous == 0x20 {
                let signed = previous == UInt8(ascii: "+") || previous == UInt8(ascii: "-")
                if !signed, let zone = readNumericZone(raw, from: index + 1) {
                    fields.zone = byte == UInt8(ascii: "-") ? -zone.minutes : zone.minutes
                    fields.zoneIsNamed = false
                    index = zone.end
                    previous = 0x30
                    continue
                }
                // After the time, digits after a sign can only be a zone: one that cannot be read (`+02:60`,
                // `+-02:00`) is passed over, and the date is kept without it.
                if fields.hour != nil, index + 1 < raw.endIndex, isDigit(raw[index + 1]) {
                    index += 1
                    while index < raw.endIndex, isDigit(raw[index]) || raw[index] == UInt8(ascii: ":") { index += 1 }
                    previous = 0x30
                    continue
                }
            }
            if isLetter(byte) {
                var end = index
                while end < raw.endIndex, isLetter(raw[end]) { end += 1 }
                fields.word(raw[index..<end])
                index = end
                previous = 0x41
                continue
            }
            previous = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ",") ? 0x20 : byte
            index += 1
        }
        return fields.date
    }

    /// The end of `st`, `nd`, `rd` or `th` at `start` when no letter follows it, else nil.
    private static func ordinalSuffix<Bytes: Collection<UInt8>>(_ raw: Bytes, at start: Int) -> Int? where Bytes.Index == Int {
        guard start + 1 < raw.endIndex else { return nil }
        let pair = [raw[start] | 0x20, raw[start + 1] | 0x20]
        guard [[0x73, 0x74], [0x6E, 0x64], [0x72, 0x64], [0x74, 0x68]].contains(pair) else { return nil }
        guard start + 2 >= raw.endIndex || !isLetter(raw[start + 2]) else { return nil }
        return start + 2
    }

    private static func readTime<Bytes: Collection<UInt8>>(_ raw: Bytes, from start: Int) -> (hour: Int, minute: Int, second: Int, end: Int)? where Bytes.Index == Int {
        var parts = (0, 0, 0)
        var count = 0
        var index = start
        while count < 3 {
            var value = 0
            var digits = 0
            while index < raw.endIndex, isDigit(raw[index]), digits < 2 {
                value = value * 10 + Int(raw[index] - 0x30)
                digits += 1
                index += 1
            }
            guard digits > 0, index >= raw.endIndex || !isDigit(raw[index]) else { return nil }
            switch count {
            case 0: parts.0 = value
            case 1: parts.1 = value
            default: parts.2 = value
            }
            count += 1
            guard index < raw.endIndex, raw[index] == UInt8(ascii: ":"), count < 3,
                  index + 1 < raw.endIndex, isDigit(raw[index + 1]) else { break }
            index += 1
        }
        guard count >= 2 else { return nil }
        // Fractions of a second are dropped.
        if count == 3, index + 1 < raw.endIndex, raw[index] == UInt8(ascii: "."), isDigit(raw[index + 1]) {
            index += 1
            while index < raw.endIndex, isDigit(raw[index]) { index += 1 }
        }
        return (parts.0, parts.1, parts.2, index)
    }

    /// The fields of a date written exactly as RFC 5322 §3.3 asks (`Sat, 01 Jun 2024 07:35:00 +0000`, the
    /// weekday optional, a one-digit day, a comment after the zone), or nil for any other shape, which the
    /// general reading takes. What it reads is what the general reading would make of the same text.
    private static func standardFields<Bytes: Collection<UInt8>>(_ raw: Bytes) -> DateFields? where Bytes.Index == Int {
        var index = raw.startIndex
        let end = raw.endIndex
        func byte(_ at: Int) -> UInt8 { at < end ? raw[at] : 0 }
        func digits(_ count: Int) -> Int? {
            var value = 0
            for offset in 0..<count {
                let digit = byte(index + offset)
                guard isDigit(digit) else { return nil }
                value = value * 10 + Int(digit - 0x30)
            }
            index += count
            return isDigit(byte(index)) ? nil : value
        }
        func skip(_ ascii: UInt8) -> Bool {
            guard byte(index) == ascii else { return false }
            index += 1
            return true
        }
        while byte(index) == 0x20 { index += 1 }
        if isLetter(byte(index)) {
            guard end - index >= 5, DateFields.isWeekday(raw[index], raw[index + 1], raw[index + 2]), raw[index + 3] == UInt8(ascii: ","),
                  raw[index + 4] == 0x20 else { return nil }
            index += 5
        }
        var fields = DateFields()
        let dayDigits = isDigit(byte(index + 1)) ? 2 : 1
        guard let day = digits(dayDigits), skip(0x20), end - index >= 4,
              let month = DateFields.month(raw[index], raw[index + 1], raw[index + 2]) else { return nil }
        index += 3
        guard skip(0x20), let year = digits(4), skip(0x20), let hour = digits(2), skip(UInt8(ascii: ":")), let minute = digits(2),
              skip(UInt8(ascii: ":")), let second = digits(2), skip(0x20) else { return nil }
        let sign = byte(index)
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        index += 1
        guard let zone = digits(4), zone % 100 < 60, zone / 100 < 24 else { return nil }
        // After the zone only white space, or one comment (`(UTC)`) with nothing nested or escaped in it.
        while index < end, HeaderBlockScanner.isWhitespace(raw[index]) { index += 1 }
        if index < end {
            guard raw[index] == UInt8(ascii: "(") else { return nil }
            var last = end
            while last > index, HeaderBlockScanner.isWhitespace(raw[last - 1]) { last -= 1 }
            guard last - index >= 2, raw[last - 1] == UInt8(ascii: ")"),
                  !raw[(index + 1)..<(last - 1)].contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "\\") })
            else { return nil }
        }
        fields.firstNumber = (day, dayDigits)
        fields.secondNumber = (year, 4)
        fields.numberCount = 2
        fields.month = month
        fields.hour = hour
        fields.minute = minute
        fields.second = second
        let minutes = zone / 100 * 60 + zone % 100
        fields.zone = sign == UInt8(ascii: "-") ? -minutes : minutes
        return fields
    }

    /// The offset after a sign, in minutes: `hhmm` as RFC 5322 writes it, or `hh:mm` and `hh` as ISO 8601
    /// does, also with one digit for the hour (`+2`, `-5:30`: mail written by hand-made software has them);
    /// nil for any other run of digits.
    private static func readNumericZone<Bytes: Collection<UInt8>>(_ raw: Bytes, from start: Int) -> (minutes: Int, end: Int)? where Bytes.Index == Int {
        func digits(from first: Int) -> (value: Int, end: Int) {
            var index = first
            var value = 0
            while index < raw.endIndex, isDigit(raw[index]), index - first < 5 {
                value = value * 10 + Int(raw[index] - 0x30)
                index += 1
            }
            return (value, index)
        }
        let read = digits(from: start)
        switch read.end - start {
        case 4:
            // No place is 24 hours or more from UTC: `-2400` would put the date a day off.
            guard read.value % 100 < 60, read.value / 100 < 24 else { return nil }
            return (read.value / 100 * 60 + read.value % 100, read.end)
        case 1, 2:
            guard read.value < 24 else { return nil }
            guard read.end < raw.endIndex, raw[read.end] == UInt8(ascii: ":") else { return (read.value * 60, read.end) }
            let minutes = digits(from: read.end + 1)
            guard minutes.end - read.end - 1 == 2, minutes.value < 60 else { return nil }
            return (read.value * 60 + minutes.value, minutes.end)
        default:
            return nil
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}

/// What a date's tokens said, put together into a `Date` when enough is known.
private struct DateFields {
    /// The first two numbers that are not times or zones (value and digit count), and how many there were.
    var firstNumber: (value: Int, digits: Int)?
    var secondNumber: (value: Int, digits: Int)?
    var numberCount = 0
    var month: Int?
    var hour: Int?
    var minute = 0
    var second = 0
    /// Minutes east of UTC.
    var zone: Int?
    var afternoon: Bool?
    var daylight = false
    /// The zone was a name (`MET`), not an offset: only a name's summer time (`DST`) is added.
    var zoneIsNamed = false

    /// Notes a number; false when there are more than a date has.
    mutating func addNumber(_ value: Int, digits: Int) -> Bool {
        numberCount += 1
        if firstNumber == nil {
            firstNumber = (value, digits)
        } else if secondNumber == nil {
            secondNumber = (value, digits)
        }
        return numberCount <= 4
    }

    mutating func word<Bytes: Collection<UInt8>>(_ word: Bytes) where Bytes.Index == Int {
        var key: UInt32 = 0
        for byte in word.prefix(5) { key = key << 8 | UInt32(byte | 0x20) }
        let length = word.count
        if length >= 3, month == nil, let found = Self.month(word) {
            month = found
            return
        }
        if length <= 5, let offset = Self.zones[key] {
            if zone == nil {
                zone = offset
                zoneIsNamed = true
            }
            return
        }
        if length == 1, zone == nil, hour != nil {
            // RFC 5322 §4.3: the military letters were defined wrongly in RFC 822; they mean -0000.
            zone = 0
            return
        }
        switch key {
        case Self.key("am"): afternoon = false
        case Self.key("pm"): afternoon = true
        case Self.key("dst"): daylight = true
        default: break
        }
    }

    private static func key(_ text: StaticString) -> UInt32 {
        var key: UInt32 = 0
        let pointer = text.utf8Start
        for offset in 0..<text.utf8CodeUnitCount { key = key << 8 | UInt32(pointer[offset]) }
        return key
    }

    /// The month of a three-letter English abbreviation in any case, or nil.
    static func month(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int? {
        months[UInt32(first | 0x20) << 16 | UInt32(second | 0x20) << 8 | UInt32(third | 0x20)]
    }

    /// Whether three letters are an English weekday's abbreviation, in any case.
    static func isWeekday(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        switch UInt32(first | 0x20) << 16 | UInt32(second | 0x20) << 8 | UInt32(third | 0x20) {
        case 0x73756E, 0x6D6F6E, 0x747565, 0x776564, 0x746875, 0x667269, 0x736174: return true
        default: return false
        }
    }

    private static func month<Bytes: Collection<UInt8>>(_ word: Bytes) -> Int? where Bytes.Index == Int {
        let start = word.startIndex
        let key = UInt32(word[start] | 0x20) << 16 | UInt32(word[start + 1] | 0x20) << 8 | UInt32(word[start + 2] | 0x20)
        guard let month = months[key] else { return nil }
        // A full name (`June`, `Sept`) is fine; a longer word that merely starts like one is not.
        return word.count <= 9 ? month : nil
    }

    private static let months: [UInt32: Int] = {
        var table: [UInt32: Int] = [:]
        for (index, name) in ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].enumerated() {
            var key: UInt32 = 0
            for byte in name.utf8 { key = key << 8 | UInt32(byte) }
            table[key] = index + 1
        }
        return table
    }()

    /// Zone names (`ZoneNames`) by their lowercase letters packed in a word.
    private static let zones: [UInt32: Int] = {
        var table: [UInt32: Int] = [:]
        for (name, offset) in ZoneNames.minutesEast {
            var key: UInt32 = 0
            for byte in name.lowercased().utf8 { key = key << 8 | UInt32(byte) }
            table[key] = offset
        }
        return table
    }()

    var date: Date? {
        guard let month else { return nil }
        guard let (day, year) = dayAndYear() else { return nil }
        var hour = self.hour ?? 0
        if let afternoon {
            guard hour >= 1, hour <= 12 else { return nil }
            hour = hour % 12 + (afternoon ? 12 : 0)
        }
        guard hour < 24, minute < 60, second <= 60, year >= 1, year <= 9999,
              day >= 1, day <= CivilTime.daysIn(month: month, year: year) else { return nil }
        let days = CivilTime.daysFromCivil(year: year, month: month, day: day)
        var offset = zone ?? 0
        // `MET DST` is summer time in that zone (and a bare `DST` an hour east of UTC); a numeric zone says
        // the offset whole (`+0200 DST` is +0200).
        if daylight, zoneIsNamed || zone == nil { offset += 60 }
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset * 60
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The day and the year among the numbers: one of more than two digits or above 31 is the year;
    /// otherwise the order says (day before year in every form).
    private func dayAndYear() -> (Int, Int)? {
        guard let first = firstNumber, let second = secondNumber else { return nil }
        let firstIsYear = first.digits > 2 || first.value > 31
        let secondIsYear = second.digits > 2 || second.value > 31
        let day: Int, yearNumber: (value: Int, digits: Int)
        if firstIsYear && !secondIsYear {
            day = second.value
            yearNumber = first
        } else {
            day = first.value
            yearNumber = second
        }
        var year = yearNumber.value
        // RFC 5322 §4.3: two-digit years 00–49 are 2000–2049, 50–99 are 1950–1999; three digits add 1900.
        if yearNumber.digits <= 2 {
            year += year < 50 ? 2000 : 1900
        } else if yearNumber.digits == 3 {
            year += 1900
        }
        return (day, year)
    }
}
