/// What to do when the story being parsed arrives.
enum ArrivalIntent: Equatable, Sendable {
    case none
    /// `n` moved here: select the first unread comment.
    case selectFirstUnread
    /// `N` moved back here: select the last unread comment.
    case selectLastUnread
}
