import TidingsModel

/// Text found across a row break: wrapping puts a line break where the text had a space (or, in a word too
/// long for a row, between two characters), so a phrase may begin at the end of one row and end at the
/// start of the next. The find in the story text and `>` `<` look for it so, and the panes mark it so
/// (`MatchHighlight`).
enum RowSpanMatch {
    /// Whether `needle` is in `row`, or begins in it and ends in `next` (`width`: the pane's). The next row's
    /// marks (quote bars, indents) and the row's trailing spaces are left out, and the two are joined by a
    /// space unless the row was broken inside a word. A match wholly in `next` is next's own.
    static func holds(_ needle: SearchNeedle, row: String, next: String?, width: Int) -> Bool {
        if needle.occurs(in: row) { return true }
        guard let next else { return false }
        // No match is longer in characters than in folded bytes: that many from each side is enough.
        let reach = needle.folded.count
        let tail = row.reversed().drop(while: \.isWhitespace).prefix(reach).reversed()
        let head = next.drop { isRowMark(String($0)) }.prefix(reach)
        guard !tail.isEmpty, !head.isEmpty else { return false }
        let joint = breaksInsideWord(row, width: width) ? "" : " "
        return needle.occurs(in: String(tail) + joint + head) && !needle.occurs(in: String(head))
    }

    /// Whether a row was broken inside a word: past its marks it is one word, and it fills the row.
    static func breaksInsideWord(_ row: String, width: Int) -> Bool {
        let shown = row.reversed().drop(while: \.isWhitespace).reversed()
        let words = shown.drop { isRowMark(String($0)) }
        return !words.isEmpty && !words.contains(" ") && DisplayWidth.of(String(shown)) >= width - 1
    }

    /// What starts a row without being its text: spaces, quote bars, the selected comment's bar.
    static func isRowMark(_ text: String) -> Bool {
        text == " " || text == "│" || text == "▌" || text == "┃" || text == "▏" || text.isEmpty
    }
}
