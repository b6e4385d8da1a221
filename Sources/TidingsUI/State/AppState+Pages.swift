/// The help and the problem list: their lines for the current width, and scrolling them by line.
extension AppState {
    /// What a page is laid out from; when it changes, the page is wrapped again.
    struct PageKey: Equatable {
        var isHelp: Bool
        var width: Int
        var problems: Int
        var session: Int
        var config: Int
        var messages: Int
    }

    var pageHeight: Int { max(1, layout.full.height) }

    /// The lines of the open page (none when no page is open).
    mutating func pageLines() -> [StyledLine] {
        let isHelp: Bool
        switch overlay {
        case .none: return []
        case .help: isHelp = true
        case .problems: isHelp = false
        }
        let key = PageKey(isHelp: isHelp, width: Pages.textWidth(screenWidth: width), problems: problems.count,
                          session: sessionProblems.count, config: configProblems.count, messages: recentMessages.count)
        if let cache = pageCache, cache.key == key { return cache.lines }
        let lines = isHelp
            ? Pages.help(keyMap: keyMap, width: key.width)
            : Pages.problems(session: sessionProblems, config: configProblems, failed: failedFiles, skipped: skippedFiles,
                             messages: recentMessages, width: key.width)
        pageCache = (key, lines)
        return lines
    }

    /// The open page's first shown line.
    var pageTop: Int {
        switch overlay {
        case .none: return 0
        case .help(let top), .problems(let top): return top
        }
    }

    mutating func setPageTop(_ top: Int) {
        var viewport = ListViewport(top: top)
        viewport.clamp(height: pageHeight, count: pageLines().count)
        let clamped = viewport.top
        switch overlay {
        case .none: break
        case .help: overlay = .help(top: clamped)
        case .problems: overlay = .problems(top: clamped)
        }
    }

    /// Keeps a page scrolled within its lines after a resize.
    mutating func clampOverlay() {
        if overlay != .none { setPageTop(pageTop) }
    }

    /// Scrolls the open page by a line, a page, or to an end.
    mutating func scrollPage(_ command: Command) {
        let page = max(1, pageHeight - 1)
        switch command {
        case .moveUp: setPageTop(pageTop - 1)
        case .moveDown: setPageTop(pageTop + 1)
        case .pageUp: setPageTop(pageTop - page)
        case .pageDown: setPageTop(pageTop + page)
        case .goTop: setPageTop(0)
        default: setPageTop(Int.max / 2)
        }
    }
}
