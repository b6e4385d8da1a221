/// What to do when the story being parsed arrives.
enum ArrivalIntent: Equatable, Sendable {
    case none
    /// `n` moved here: select the first unread comment.
    case selectFirstUnread
    /// `n` moved to a story not read yet: its text when it has one (a thread's first message, a self
    /// post), as mutt and slrn show an unread thread's first article; else its first unread comment.
    case storyTextElseFirstUnread
    /// `N` moved back here: select the last unread comment.
    case selectLastUnread
}
