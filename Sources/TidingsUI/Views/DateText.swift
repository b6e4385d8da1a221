import Foundation
import TidingsModel

/// How the reader writes times: a story's date in full in the reader's time zone, a comment's as an age.
enum DateText {
    /// `Tue 2007-04-03 14:21 +02:00`: the weekday, an ISO date and time in `timeZone`, and its offset from
    /// UTC. The offset rather than a zone abbreviation: abbreviations are ambiguous (CST) and Foundation on
    /// Linux only knows them as `GMT+2` anyway.
    static func full(_ date: Date, in timeZone: TimeZone) -> String {
        let seconds = timeZone.secondsFromGMT(for: date)
        let parts = CivilTime.parts(of: date, offset: seconds)
        let offset = seconds / 60
        let sign = offset < 0 ? "-" : "+"
        return "\(weekdays[parts.weekday]) \(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day)) "
            + "\(pad(parts.hour)):\(pad(parts.minute)) \(sign)\(pad(abs(offset) / 60)):\(pad(abs(offset) % 60))"
    }

    /// `2007-04-03 14:21`: a comment's date and time in `timeZone`, short enough for a narrow pane's header
    /// row (`toggle-dates`); the story's header names the zone.
    static func short(_ date: Date, in timeZone: TimeZone) -> String {
        let parts = CivilTime.parts(of: date, offset: timeZone.secondsFromGMT(for: date))
        return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day)) \(pad(parts.hour)):\(pad(parts.minute))"
    }

    /// `2007-04-03`: the day alone, in `timeZone`.
    static func day(_ date: Date, in timeZone: TimeZone) -> String {
        let parts = CivilTime.parts(of: date, offset: timeZone.secondsFromGMT(for: date))
        return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))"
    }

    /// How long ago `date` was, seen at `now`: "just now", "1 minute ago", "3 hours ago", "2 days ago",
    /// "4 months ago", "11 years ago". A date more than a minute ahead of `now` (a clock set wrong, here or
    /// at the source) has no age: it is written in full.
    static func age(of date: Date, now: Date, in timeZone: TimeZone) -> String {
        let seconds = now.timeIntervalSince(date)
        if seconds < -60 { return full(date, in: timeZone) }
        let minutes = Int(max(0, seconds) / 60)
        let hours = minutes / 60
        let days = hours / 24
        if minutes < 1 { return "just now" }
        if hours < 1 { return count(minutes, "minute") }
        if days < 1 { return count(hours, "hour") }
        if days < 30 { return count(days, "day") }
        if days < 365 { return count(min(11, days / 30), "month") }
        return count(days / 365, "year")
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    private static func count(_ value: Int, _ unit: String) -> String {
        value == 1 ? "1 \(unit) ago" : "\(value) \(unit)s ago"
    }

    private static func pad(_ value: Int, _ digits: Int = 2) -> String {
        // A year before 1 (a date of year 1 in a zone west of UTC) keeps its sign before the digits.
        let text = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
