import TidingsModel

/// The comment pane's own state for the open story: its thread (what is collapsed), the selection, where
/// the pane is scrolled (anchored on a comment and a line of it), the wrapped lines, and what this visit has
/// shown and found new. A new story gets a new one.
struct CommentPaneState: Sendable {
    var thread: CommentThread?
    var selected: Int?
    /// The comment at the top of the pane, and how many of its lines are scrolled above it.
    var top = 0
    var topLine = 0
    var layout = CommentLayout(width: 0)
    /// Comments already shown during this visit to the story: they are marked read once, not again after
    /// the user marks them unread.
    var shown: Set<Int> = []
    /// Comments that were unread when this visit began: they keep their "new" marker while the user reads
    /// them, so what is new stays visible even though showing it marks it read.
    var newThisVisit: Set<Int> = []
    /// The comment `n` selected, until a mark is made: `n` moving on from it reads it, also one marked
    /// unread before (else `n` would go round comments marked unread for ever).
    var selectedByNextUnread: Int?

    init() {}

    /// The pane at the start of a visit to `story`: first comment selected, nothing shown yet.
    init(story: Story, readState: ReadState, layout: CommentLayout) {
        let thread = CommentThread(comments: story.comments, rootSubject: story.title)
        self.thread = thread
        selected = thread.isEmpty ? nil : 0
        self.layout = layout
        // Stubs for replies not saved are never new: they are not comments.
        newThisVisit = Set(story.comments.indices.filter {
            story.comments[$0].isCounted && !readState.isCommentRead(story.comments[$0].id, in: story.id)
        })
    }
}

extension CommentPaneState {
    /// Carries a visit on when its story is read again (its file changed): the comments shown and those new
    /// when the visit began, found by id in the story as it is now. A comment it did not have before is new
    /// when unread, as it was found so now. One read meanwhile without being shown here (a mail client
    /// marked it read, and its mark was taken) is new no more: the reader did not read it in this visit.
    mutating func continueVisit(_ earlier: CommentPaneState, of old: Story, in story: Story, readState: ReadState) {
        var index: [CommentID: Int] = [:]
        for (position, comment) in story.comments.enumerated() where index[comment.id] == nil { index[comment.id] = position }
        func now(_ positions: Set<Int>) -> Set<Int> {
            Set(positions.compactMap { old.comments.indices.contains($0) ? index[old.comments[$0].id] : nil })
        }
        let before = Set(old.comments.map(\.id))
        shown = now(earlier.shown)
        newThisVisit = now(earlier.newThisVisit).union(newThisVisit.filter { !before.contains(story.comments[$0].id) })
        forgetNewReadElsewhere(in: story, readState: readState)
    }

    /// Comments read meanwhile without being shown in this visit (a mail client marked them read, and the
    /// mark was taken) are new no more: the reader did not read them here.
    mutating func forgetNewReadElsewhere(in story: Story, readState: ReadState) {
        newThisVisit = newThisVisit.filter {
            shown.contains($0) || !story.comments.indices.contains($0) || !readState.isCommentRead(story.comments[$0].id, in: story.id)
        }
    }
}

/// The thread and the selection by the names the rest of the reader (and its tests) use.
extension AppState {
    var thread: CommentThread? {
        get { commentPane.thread }
        set { commentPane.thread = newValue }
    }
    var selectedComment: Int? {
        get { commentPane.selected }
        set { commentPane.selected = newValue }
    }
}
