import Foundation

/// The moment comment ages are measured from ("3 hours ago"), and the time zone for a date that has no age.
struct AgeClock: Sendable {
    var now: Date
    var timeZone: TimeZone
    /// Comments show their dates and times instead of ages (`toggle-dates`), as mutt's pager does.
    var showsDates = false

    /// Before any story is shown: the first layout made with a real clock replaces it.
    static let unset = AgeClock(now: .distantPast, timeZone: TimeZone(identifier: "UTC")!)

    /// Whether ages written by this clock still hold at `other`: the same minute (no age is finer than a
    /// minute). A change of time zone makes a new layout where it is set (`AppState.timeZone`).
    func agrees(with other: AgeClock) -> Bool { minute == other.minute && showsDates == other.showsDates }

    private var minute: Int { Int((now.timeIntervalSinceReferenceDate / 60).rounded(.down)) }

    func age(of date: Date) -> String {
        showsDates ? DateText.short(date, in: timeZone) : DateText.age(of: date, now: now, in: timeZone)
    }
}
