/// Where each pane goes for a terminal size; the only place that decides the arrangement.
public struct Layout: Equatable, Sendable {
    public static let minimumWidth = 30
    public static let minimumHeight = 8
    /// From this width on, the story and comment panes stand side by side, unless the config says otherwise
    /// (`AppState.sideBySideWidth`).
    public static let standardSideBySideWidth = 100

    public enum Arrangement: Equatable, Sendable {
        case tooSmall
        case sideBySide
        /// One pane at a time; Tab switches. Also any width, zoomed: the focused pane alone.
        case single
    }

    public var arrangement: Arrangement
    public var storyListTitle: Rect?
    public var storyList: Rect?
    public var storyTextTitle: Rect?
    public var storyText: Rect?
    /// Where the story text's lines go: the pane less a column of margin on each side.
    public var storyTextBody: Rect? {
        storyText.map { Rect(x: $0.x + 1, y: $0.y, width: max(0, $0.width - 2), height: $0.height) }
    }
    public var commentsTitle: Rect?
    public var comments: Rect?
    public var divider: Rect?
    public var status: Rect
    public var full: Rect

    public init(width: Int, height: Int, focus: Focus, sideBySideWidth: Int = Layout.standardSideBySideWidth, zoomed: Bool = false) {
        full = Rect(x: 0, y: 0, width: width, height: max(0, height - 1))
        status = Rect(x: 0, y: max(0, height - 1), width: width, height: min(1, height))
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            arrangement = .tooSmall
            return
        }
        let paneHeight = height - 1
        if zoomed {
            arrangement = .single
            let pane = Rect(x: 0, y: 0, width: width, height: paneHeight)
            switch focus {
            case .stories:
                storyListTitle = Rect(x: 0, y: 0, width: width, height: 1)
                storyList = Rect(x: 0, y: 1, width: width, height: paneHeight - 1)
            case .text:
                storyTextTitle = Rect(x: 0, y: 0, width: width, height: 1)
                storyText = Rect(x: 0, y: 1, width: width, height: paneHeight - 1)
            case .comments:
                placeCommentPane(pane)
            }
            return
        }
        // Never below the width that leaves the comments a pane beside the story pane's 40 columns.
        if width >= max(sideBySideWidth, 60) {
            arrangement = .sideBySide
            let left = max(40, width * 2 / 5)
            divider = Rect(x: left, y: 0, width: 1, height: paneHeight)
            placeStoryPane(Rect(x: 0, y: 0, width: left, height: paneHeight))
            placeCommentPane(Rect(x: left + 1, y: 0, width: width - left - 1, height: paneHeight))
        } else {
            arrangement = .single
            let pane = Rect(x: 0, y: 0, width: width, height: paneHeight)
            if focus == .comments { placeCommentPane(pane) } else { placeStoryPane(pane) }
        }
    }

    private mutating func placeStoryPane(_ pane: Rect) {
        let listHeight = max(2, (pane.height - 2) * 2 / 5)
        storyListTitle = Rect(x: pane.x, y: pane.y, width: pane.width, height: 1)
        storyList = Rect(x: pane.x, y: pane.y + 1, width: pane.width, height: listHeight)
        storyTextTitle = Rect(x: pane.x, y: pane.y + 1 + listHeight, width: pane.width, height: 1)
        storyText = Rect(x: pane.x, y: pane.y + 2 + listHeight, width: pane.width,
                         height: pane.height - 2 - listHeight)
    }

    private mutating func placeCommentPane(_ pane: Rect) {
        commentsTitle = Rect(x: pane.x, y: pane.y, width: pane.width, height: 1)
        comments = Rect(x: pane.x, y: pane.y + 1, width: pane.width, height: pane.height - 1)
    }
}

extension Layout {
    /// The pane (and row in it) at a cell; nil on the divider or outside the screen.
    public func region(x: Int, y: Int) -> ScreenRegion? {
        func inside(_ rect: Rect?) -> Bool {
            guard let rect else { return false }
            return x >= rect.x && x < rect.maxX && y >= rect.y && y < rect.maxY
        }
        if inside(status) { return .status }
        let panes: [(Rect?, Rect?, Focus)] = [(storyListTitle, storyList, .stories), (storyTextTitle, storyText, .text),
                                              (commentsTitle, comments, .comments)]
        for (title, body, focus) in panes {
            if inside(title) { return .title(focus) }
            if inside(body), let body { return .pane(focus, row: y - body.y) }
        }
        return nil
    }
}
