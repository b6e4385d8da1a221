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
        // The same page wrapped anew (the terminal was resized, a message came): it goes on from the same
        // words, not from the same row number, as the story text does. The place is kept while the reader
        // does not scroll, so resizing back and forth comes back to it.
        var anchor: PageAnchor?
        if let cache = pageCache, cache.key.isHelp == isHelp, pageTop > 0 {
            let place = cache.anchor.flatMap { $0.row == pageTop ? $0.place : nil } ?? WrapAnchor(top: pageTop, in: cache.lines)
            let row = place.row(in: lines)
            placePage(top: row)
            anchor = (row, place)
        }
        pageCache = (key, lines, anchor)
        return lines
    }

    /// Where a page was before it was wrapped anew, and the row that place is at now.
    typealias PageAnchor = (row: Int, place: WrapAnchor)

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
        placePage(top: viewport.top)
    }

    /// The open page's first shown line set as it is, not brought within the page's lines.
    private mutating func placePage(top: Int) {
        switch overlay {
        case .none: break
        case .help: overlay = .help(top: top)
        case .problems: overlay = .problems(top: top)
        }
    }

    /// Keeps a page scrolled within its lines after a resize, from the same words when it was wrapped anew.
    mutating func clampOverlay() {
        guard overlay != .none else { return }
        _ = pageLines()
        let wanted = pageTop
        setPageTop(wanted)
        // Held at the end by this size, the page keeps its place for the next size: only scrolling makes a
        // new one.
        if pageTop != wanted, var cache = pageCache, let anchor = cache.anchor, anchor.row == wanted {
            cache.anchor = (pageTop, anchor.place)
            pageCache = cache
        }
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
