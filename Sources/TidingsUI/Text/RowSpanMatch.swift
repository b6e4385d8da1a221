import TidingsModel

/// Text found across a row break: wrapping puts a line break where the text had a space, so a phrase may
/// begin at the end of one row and end at the start of the next. The find in the story text and `>` `<`
/// look for it so.
enum RowSpanMatch {
    /// Whether `needle` is in `row`, or begins in it and ends in `next` (joined by one space, the row's
    /// trailing and the next row's leading white space left out). A match wholly in `next` is next's own.
    static func holds(_ needle: SearchNeedle, row: String, next: String?) -> Bool {
        if needle.occurs(in: row) { return true }
        guard let next else { return false }
        // No match is longer in characters than in folded bytes: that many from each side is enough.
        let reach = needle.folded.count
        let tail = row.reversed().drop(while: \.isWhitespace).prefix(reach).reversed()
        let head = next.drop(while: \.isWhitespace).prefix(reach)
        guard !tail.isEmpty, !head.isEmpty else { return false }
        return needle.occurs(in: String(tail) + " " + head) && !needle.occurs(in: String(head))
    }
}
