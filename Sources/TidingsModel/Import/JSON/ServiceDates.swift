import Foundation

/// Times as services write them: epoch seconds (numbers or strings, with or without a fraction) and
/// ISO 8601 / RFC 3339 (`2007-04-05T01:48:11.000Z`, `2024-06-01T09:20:06-05:00`). Parsed by hand: it runs
/// for every comment, and date formatters are slow and not shareable between threads.
enum ServiceDates {
    static func epoch(_ seconds: Double?) -> Date? {
        guard let seconds, seconds.isFinite, seconds > 0, seconds < 32_503_680_000 else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    static func iso8601(_ text: String?) -> Date? {
        guard let text else { return nil }
        let bytes = Array(text.utf8)
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }
        func expect(_ characters: [UInt8]) -> Bool {
            guard index < bytes.count, characters.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), expect([0x2D]), let month = digits(2), expect([0x2D]), let day = digits(2),
              (1...12).contains(month), (1...CivilTime.daysIn(month: month, year: year)).contains(day) else { return nil }
        var seconds = Double(CivilTime.daysFromCivil(year: year, month: month, day: day)) * 86_400
        guard expect([0x54, 0x74, 0x20]) else { return Date(timeIntervalSince1970: seconds) }
        guard let hour = digits(2), expect([0x3A]), let minute = digits(2), hour < 24, minute < 60 else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if expect([0x3A]) {
            guard let second = digits(2), second <= 60 else { return nil }
            seconds += Double(second)
            if expect([0x2E, 0x2C]) {
                var scale = 0.1
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                    seconds += Double(bytes[index] - 0x30) * scale
                    scale /= 10
                    index += 1
                }
            }
        }
        if index == bytes.count || expect([0x5A, 0x7A]) { return Date(timeIntervalSince1970: seconds) }
        guard index < bytes.count else { return nil }
        let sign: Double = bytes[index] == 0x2D ? -1 : 1
        guard expect([0x2B, 0x2D]), let offsetHours = digits(2) else { return nil }
        _ = expect([0x3A])
        let offsetMinutes = digits(2) ?? 0
        // An offset no place has (`+25:00`) says the date is damaged: not read, rather than hours off.
        guard offsetHours < 24, offsetMinutes < 60 else { return nil }
        return Date(timeIntervalSince1970: seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60))
    }
}
