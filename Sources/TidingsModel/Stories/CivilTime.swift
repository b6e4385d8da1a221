import Foundation

/// A moment as a calendar reads it, in the proleptic Gregorian calendar every date in Tidings is read in
/// (Foundation's calendar turns Julian before 1582: a feed's `01 Jan 0001` was shown as 3 January).
public enum CivilTime {
    /// Year, month, day, hour, minute and weekday (0 for Sunday) of `date` at `offset` seconds from UTC.
    public static func parts(of date: Date, offset: Int) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, weekday: Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (year, month, day) = self.date(fromDays: days)
        // 1970-01-01 was a Thursday.
        let weekday = ((days + 4) % 7 + 7) % 7
        return (year, month, day, rest / 3600, rest / 60 % 60, weekday)
    }

    /// The date of a day count since 1970-01-01 (H. Hinnant's algorithm).
    static func date(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
