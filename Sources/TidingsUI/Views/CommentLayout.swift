import TidingsModel

/// Lays out comments as wrapped lines for a pane width, caching the result per comment.
struct CommentLayout {
    let width: Int
    private var cache: [Int: [CommentLine]] = [:]

    init(width: Int) { self.width = width }

    /// Nesting columns that fit while leaving a readable text column.
    var levels: Int { max(0, min(24, (width - 2 - 16) / 2)) }

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
        let depthNote = comment.depth > levels && levels > 0 ? "⋯\(comment.depth) " : ""
        let textWidth = max(1, width - DisplayWidth.of(firstGuide) - 2)
        var contents: [(String, CommentLine.Kind)] = []
        let attribution = [comment.author, comment.age].compactMap { $0 }.joined(separator: " · ")
        if thread.isCollapsed(index) {
            let summary = "[+\(comment.descendantCount)] " + depthNote
                + (attribution.isEmpty ? "" : attribution + ": ") + comment.text
            contents.append((TextWrap.truncate(summary, width: textWidth), .collapsedSummary))
        } else {
            if !attribution.isEmpty || !depthNote.isEmpty {
                contents.append((TextWrap.truncate(depthNote + attribution, width: textWidth), .header))
            }
            for line in TextWrap.wrap(comment.text, width: textWidth) { contents.append((line, .text)) }
        }
        var lines = contents.enumerated().map { offset, item in
            CommentLine(guide: offset == 0 ? firstGuide : restGuide, content: item.0, kind: item.1,
                        isFirst: offset == 0)
        }
        // A blank row between top-level threads shows where one discussion ends and the next begins.
        if comment.depth == 0, index > 0 { lines.insert(CommentLine(guide: "", content: "", kind: .spacer), at: 0) }
        return lines
    }
}
