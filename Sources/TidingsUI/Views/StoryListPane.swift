import TidingsModel

/// The story list: one row per listed story (`StoryRows`), unread ones bold with a `●`, comment counts on
/// the right.
extension AppState {
    func drawStoryList(_ screen: inout ScreenBuffer, area: Rect) {
        guard hasStories else {
            // A folder of mailboxes or web pages (formats not read yet) holds no stories: say where they went.
            var text = loadProgress == nil ? "No stories here." : "Loading…"
            // Files that could not be loaded come first: they are why the list is empty more often than not.
            if loadProgress == nil, !failedFiles.isEmpty || !skippedFiles.isEmpty {
                var parts: [String] = []
                if !failedFiles.isEmpty {
                    parts.append(failedFiles.count == 1 ? "1 file could not be loaded" : "\(failedFiles.count) files could not be loaded")
                }
                if !skippedFiles.isEmpty {
                    let files = skippedFiles.count == 1 ? "1 file was" : "\(skippedFiles.count) files were"
                    parts.append(failedFiles.isEmpty ? files + " skipped" : "\(skippedFiles.count) skipped")
                }
                text += " " + parts.joined(separator: ", ") + ": p lists them."
            }
            // Wrapped in the pane, which is narrow beside the story: the reason is the point of the note.
            for (row, line) in TextWrap.wrap(text, width: max(1, area.width - 1)).prefix(area.height).enumerated() {
                screen.write(line, x: area.x + 1, y: area.y + row, maxWidth: area.width - 1, style: .dim)
            }
            return
        }
        if rows.isEmpty, let active = activeQuery {
            let text = active.searching ? "Searching…" : "No story matches. Esc shows every story."
            screen.write(text, x: area.x + 1, y: area.y, maxWidth: area.width - 1, style: .dim)
            return
        }
        for row in 0..<area.height {
            guard storyListTop + row < rows.count else {
                // Everything is read and hidden but the selection: say why the list is so short.
                if listShowsNothingUnread, row == rows.count - storyListTop {
                    // Indented as the other notes of the list, unless that would cut it at 30 columns.
                    let text = "No unread stories: H shows all"
                    let x = DisplayWidth.of(text) < area.width ? area.x + 1 : area.x
                    screen.write(text, x: x, y: area.y + row, maxWidth: area.maxX - x, style: .dim)
                }
                break
            }
            let index = rows.entry(atRow: storyListTop + row)
            let story = entries[index].summary
            let unreadStory = !readState.isStoryRead(story.id)
            let unreadComments = entries[index].unreadComments
            let selected = index == selectedStory
            var style = unreadStory ? Style.bold : Style.plain
            // The focused pane's selection is reversed; elsewhere it is only underlined, so focus shows.
            if selected { if focus == .stories { style.reverse = true } else { style.underline = true } }
            let y = area.y + row
            screen.pad(x: area.x, y: y, count: area.width, style: style)
            // "12 new" when nothing has been read, "12 · 3 new" after a visit, "12" when all is read.
            var counts = "\(story.commentCount)"
            // A listing saved without its comments says how many the page had (`925 unsaved`).
            if story.commentCount == 0, let declared = story.declaredComments, declared > 0 { counts = "\(declared) unsaved" }
            // A feed item is an article, not a discussion: without comments it has no count to show (a
            // story of a discussion site with none shows its 0).
            if story.commentCount == 0, story.declaredComments == nil, story.isFeedItem { counts = "" }
            if unreadComments > 0 {
                counts = unreadComments == story.commentCount ? "\(unreadComments) new" : counts + " · \(unreadComments) new"
            }
            // With a search, how many comments hold every word comes first.
            if let found = activeQuery?.matchingComments(index), found > 0 { counts = "\(found.formatted) found · " + counts }
            let countsWidth = DisplayWidth.of(counts)
            var markerStyle = Style.fresh
            markerStyle.reverse = style.reverse
            screen.write(unreadStory ? "●" : " ", x: area.x, y: y, style: markerStyle)
            let titleWidth = area.width - 3 - countsWidth - 1
            let parts = listTitleParts(at: index)
            let label = parts.label.map { " (" + $0 + ")" } ?? ""
            let title = parts.title + label
            if titleWidth >= 4 {
                // The title gives way before what tells it from its neighbours, while it keeps ten cells.
                var shown = TextWrap.truncate(title, width: titleWidth)
                if !label.isEmpty, DisplayWidth.of(title) > titleWidth, DisplayWidth.of(label) + 10 <= titleWidth {
                    shown = TextWrap.truncate(parts.title, width: titleWidth - DisplayWidth.of(label)) + label
                }
                screen.write(shown, x: area.x + 2, y: y, style: style)
                var countStyle = unreadComments > 0 ? Style(color: .fresh) : Style.dim
                countStyle.reverse = style.reverse
                countStyle.underline = style.underline
                screen.write(counts, x: area.maxX - countsWidth - 1, y: y, style: countStyle)
            } else {
                screen.write(TextWrap.truncate(title, width: area.width - 2), x: area.x + 2, y: y, style: style)
            }
        }
    }
}

extension AppState {
    /// A story's row title; when a neighbour in the list as shown has the same title (a daily thread), what
    /// tells it from them is added: the first of its time as the source wrote it, its day, its date and time,
    /// its writer, its file's name, its folder and file, that differs from every such neighbour's; else where
    /// it is in its file (a feed's item number, from 1; an archive thread's Message-ID), after its file's
    /// name when a neighbour is in another file.
    func listTitle(at index: Int) -> String {
        let parts = listTitleParts(at: index)
        return parts.title + (parts.label.map { " (" + $0 + ")" } ?? "")
    }

    /// The title and what tells it from same-titled neighbours (`listTitle`), apart: the list cuts the title
    /// before the label.
    func listTitleParts(at index: Int) -> (title: String, label: String?) {
        let summary = entries[index].summary
        let title = StoryTitle.shown(summary.title)
        let row = rows.row(ofEntry: index) ?? index
        let twins = [row - 1, row + 1].filter { $0 >= 0 && $0 < rows.count }.map(rows.entry(atRow:))
            .filter { entries[$0].summary.title == summary.title }
        guard !twins.isEmpty else { return (title, nil) }
        let timeZone = self.timeZone
        func fileName(_ summary: StorySummary) -> String { Self.shownPath(of: summary).last.map(String.init) ?? summary.path }
        func folderAndFile(_ summary: StorySummary) -> String { Self.shownPath(of: summary).suffix(2).joined(separator: "/") }
        func full(_ summary: StorySummary) -> String? { summary.date.map { DateText.full($0, in: timeZone) } }
        let tellers: [(StorySummary) -> String?] = [
            { $0.dateText ?? $0.date.map { DateText.day($0, in: timeZone) } },
            { $0.dateText ?? full($0) },
            { $0.author },
            { fileName($0) },
            { folderAndFile($0) },
        ]
        for teller in tellers {
            guard let mine = teller(summary), twins.allSatisfy({ teller(entries[$0].summary) != mine }) else { continue }
            // A file's name, a Message-ID: untrusted, measured as it will be shown.
            return (title, UntrustedText.sanitize(mine))
        }
        let place = Self.placeInFile(summary)
        guard let place else { return (title, UntrustedText.sanitize(fileName(summary))) }
        let elsewhere = twins.contains { entries[$0].summary.path != summary.path }
        return (title, UntrustedText.sanitize(elsewhere ? fileName(summary) + ", " + place : place))
    }

    /// A story's path as its label names it: a Maildir message by its mailbox (`inbox/md`), not by its file
    /// in `cur/` or `new/`, whose name is the client's (and changes with its flags).
    static func shownPath(of summary: StorySummary) -> [Substring] {
        let parts = summary.path.split(separator: "/")
        guard summary.format == "mail", parts.count >= 3, parts[parts.count - 2] == "cur" || parts[parts.count - 2] == "new" else { return parts }
        return Array(parts.dropLast(2))
    }

    /// Where a story is in its file, in the reader's words: a feed's `item 2` (counted from 1), an archive's
    /// thread by its Message-ID (what mail tools search by), else the locator as written. A message without
    /// a Message-ID has only a name made by the reader, which no mail tool knows: it is told by where it is,
    /// `at byte 2,048` of its archive, or its file's name in a Maildir (its flags left off, as they change).
    static func placeInFile(_ summary: StorySummary) -> String? {
        guard let locator = summary.source.locator else { return nil }
        if let index = Int(locator) { return "item \(index + 1)" }
        if locator.hasPrefix("bytes "), let open = locator.firstIndex(of: "<"), locator.hasSuffix(">") {
            let id = locator[locator.index(after: open)..<locator.index(before: locator.endIndex)]
            guard id.hasPrefix(Self.unnamedPrefix) else { return String(id) }
            let start = locator.dropFirst("bytes ".count).prefix { $0.isASCII && $0.isNumber }
            return Int(start).map { "at byte \($0.formatted)" } ?? String(id)
        }
        if locator.hasPrefix("<" + Self.unnamedPrefix), let file = summary.path.split(separator: "/").last {
            return String(file.prefix { $0 != ":" })
        }
        return locator
    }

    /// How the ids the reader makes for messages without a Message-ID start (`UnnamedMessage`).
    private static let unnamedPrefix = "no-id-"
}

extension Int {
    /// Thousands separated by commas, independent of locale: 41,200.
    var formatted: String { groupedDigits }
}
