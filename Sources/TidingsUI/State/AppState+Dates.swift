import TidingsModel

/// Comment dates as ages ("3 hours ago") or as dates and times (`2009-11-17 19:00`): one setting for the
/// session, as quotes are, so replies hours apart in an old thread can be told apart.
extension AppState {
    /// `D`: comments show their dates and times, or their ages again; the layout is made again as for `T`.
    mutating func toggleDates() {
        datesShown.toggle()
        layOutCommentsAgain()
        message = datesShown ? "Comments show their dates and times" : "Comments show their ages"
    }
}
