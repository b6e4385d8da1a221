import TidingsModel

/// Lays out comments as wrapped lines for a pane width, caching the result per comment.
struct CommentLayout {
    let width: Int
    /// The clock the cached attribution lines measured ages with.
    let ages: AgeClock
    /// Whether the cached lines fold long quotes: a layout is made anew when that changes.
    let quotes: QuoteFold
    private var cache: [Int: [CommentLine]] = [:]

    init(width: Int, ages: AgeClock = .unset, quotes: QuoteFold = .shown) {
        self.width = width
        self.ages = ages
        self.quotes = quotes
    }

    /// Nesting columns of two cells: the guides take at most a third of the pane (a deeper comment's depth
    /// label included), so the text keeps two-thirds of it however deep the thread goes.
    var levels: Int { max(0, min(24, (width / 3 - DepthLabel.room) / 2)) }

    mutating func invalidate(_ index: Int) { cache[index] = nil }
    mutating func invalidateAll() { cache.removeAll(keepingCapacity: true) }

    mutating func lines(for index: Int, in thread: CommentThread) -> [CommentLine] {
        if let cached = cache[index] { return cached }
        let made = makeLines(for: index, in: thread)
        if cache.count > 4096 { cache.removeAll(keepingCapacity: true) }
        cache[index] = made
        return made
    }

    mutating func height(of index: Int, in thread: CommentThread) -> Int { lines(for: index, in: thread).count }

    private func makeLines(for index: Int, in thread: CommentThread) -> [CommentLine] {
        let comment = thread.comments[index]
        let firstGuide = thread.guide(for: index, firstLine: true, levels: levels)
        let restGuide = thread.guide(for: index, firstLine: false, levels: levels)
        let textWidth = max(1, width - DisplayWidth.of(firstGuide) - 2)
        var rows: [(spans: [StyledLine.Span], kind: CommentLine.Kind)] = []
        func one(_ text: String, _ kind: CommentLine.Kind) {
            rows.append(([.init(text: TextWrap.truncate(text, width: textWidth), style: kind.style)], kind))
        }
        if comment.kind == .unsaved {
            // Not a comment: quiet rows in its place, wrapped so all of it can be read.
            for line in TextWrap.wrap(UntrustedText.sanitize(comment.text), width: textWidth) {
                rows.append(([.init(text: line, style: CommentLine.Kind.stub.style)], .stub))
            }
        } else if thread.isCollapsed(index) {
            let hidden = thread.subtree(index).dropFirst().countedCount
            // Only replies not saved under it: `[+]`, not a count of nothing.
            let lead = hidden == 0 ? "[+] " : "[+\(hidden)] "
            // The name gives way before the age here too, after the fold's count and before `: ` (or the `…`
            // of a row cut after the age), and takes at most half the row, so the first words show too.
            let room = textWidth - DisplayWidth.of(lead)
            let folded = self.attribution(of: comment, width: min(room - 2, max(24, room / 2)))
            one(lead + (folded.isEmpty ? "" : folded + ": ") + Self.firstLine(of: comment, cells: textWidth), .collapsedSummary)
        } else {
            let attribution = self.attribution(of: comment, width: textWidth)
            if !attribution.isEmpty { one(attribution, .header) }
            // Its own parent is not saved: under the nearest one that is, it would read as an answer to it.
            if comment.answersMissingMessage { one("in reply to a message not saved here", .stub) }
            if let subject = comment.subject, ReplySubject.differs(subject, from: thread.parentSubject(of: index)) {
                // A reply's `Re:` says nothing under its parent: the words that changed come first, as they
                // are what a narrow pane has room for (a forward's `Fwd:` stays: it says something).
                let changed = SubjectPrefix.stripped(subject, keepingForwards: true)
                one(changed.isEmpty ? subject : changed, .subject)
            }
            for line in CommentBody.lines(of: comment, width: textWidth, quotes: quotes) { rows.append((line.spans, .text)) }
        }
        var lines = rows.enumerated().map { offset, row in
            CommentLine(guide: offset == 0 ? firstGuide : restGuide, spans: row.spans, kind: row.kind, isFirst: offset == 0)
        }
        // A blank row between top-level threads shows where one discussion ends and the next begins.
        if comment.depth == 0, index > 0 { lines.insert(CommentLine(guide: "", spans: [], kind: .spacer), at: 0) }
        return lines
    }

    /// `author · 3 hours ago · 12 points`: the age from the comment's date when it has one, else as the
    /// source wrote it. A name too long for `width` is shortened (to four cells at least) so the age and
    /// points still show, or the age alone when narrower; narrower still, the name alone (never an age cut
    /// short). A blank name is left out.
    private func attribution(of comment: Comment, width: Int) -> String {
        var rest: [String] = []
        if let age = comment.date.map(ages.age(of:)) ?? comment.age { rest.append(age) }
        if let score = comment.score { rest.append(score == 1 ? "1 point" : "\(score) points") }
        let all = rest.joined(separator: " · ")
        guard let author = comment.author, !author.allSatisfy(\.isWhitespace) else { return all }
        guard !rest.isEmpty else { return author }
        let nameWidth = DisplayWidth.of(author)
        guard nameWidth + 3 + DisplayWidth.of(all) > width else { return author + " · " + all }
        // The points go before the name is cut below twelve cells; a few characters of a name are still
        // enough to tell writers apart in a deep, narrow reply.
        let shortest = min(nameWidth, 4)
        for (after, least) in [(all, min(nameWidth, 12)), (rest[0], min(nameWidth, 12)), (all, shortest), (rest[0], shortest)] {
            let room = width - DisplayWidth.of(after) - 3
            if room >= least { return TextWrap.truncate(author, width: room) + " · " + after }
        }
        // A date written in full (a time ahead of the clock) still helps cut short when much of it shows; a
        // cut age ("16 years a…") does not: the name alone then.
        if rest[0].contains(":"), width - shortest - 3 >= 10 {
            return (nameWidth <= 8 ? author : TextWrap.truncate(author, width: shortest)) + " · " + rest[0]
        }
        return author
    }

    /// The start of the first line of the comment's plain text (`Comment.text`), enough to fill `cells`,
    /// without building all of it.
    static func firstLine(of comment: Comment, cells: Int) -> String {
        guard let first = comment.body.blocks.first else { return "" }
        let head = UntrustedTextGate.prefix(StoryBody(blocks: [first]).lines[0], cells: cells)
        guard let end = head.firstIndex(where: \.isNewline) else { return head }
        return String(head[..<end])
    }
}
