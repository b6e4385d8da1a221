import TidingsModel

/// A question on the status line: it takes the next key (`y` says yes, any other key says no).
enum Question: Sendable, Equatable {
    case markAllRead(MarkAllRequest)

    /// The question as the status line asks it.
    var text: String {
        switch self {
        case .markAllRead(let request): return "Mark \(request.counted) read? y/n"
        }
    }

    /// The question cut to `width`, the answers kept: "Mark 12 stories and 34… y/n".
    func fitted(width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        return TextWrap.truncate(String(text.dropLast(4)), width: max(1, width - 4)) + " y/n"
    }
}

/// A mark-all-read asked for: the stories it covers, counted when the question was put, so it does what the
/// question said even if more stories are listed before the answer.
struct MarkAllRequest: Sendable, Equatable {
    /// The stories with anything unread, one summary each (a story listed from two files is marked once).
    var stories: [StorySummary]
    /// The stories the question names: every one with anything unread, as the list's title counts them
    /// ("12 unread"), in the list and in a story alike.
    var unreadStories: Int
    var unreadComments: Int
    /// Counted comment ids of the stories already parsed, by story id: every listed copy's together (an mbox
    /// copy of a thread may lack a reply its Maildir copy holds).
    var commentIDs: [String: [CommentID]] = [:]
    /// The listed copies not parsed yet, whose comment ids the executable reads from their files.
    var unparsed: [StorySummary] = []

    /// "12 stories and 340 comments".
    var counted: String {
        [UndoStep.count(unreadStories, "story", "stories"), UndoStep.count(unreadComments, "comment", "comments")]
            .compactMap { $0 }.joined(separator: " and ")
    }

    /// Adds the comment ids of one copy of a story to those of its other copies.
    mutating func add(_ ids: [CommentID], of story: String) {
        var known = commentIDs[story] ?? []
        var have = Set(known)
        for id in ids where have.insert(id).inserted { known.append(id) }
        commentIDs[story] = known
    }
}
