import TidingsModel

/// How much of one text is laid out: a message of megabytes (a binary file pasted in, a log) would keep the
/// reader busy for seconds before it could draw, every character measured for its width. The first
/// `limit` bytes are shown, and a line says how many characters more there are.
enum LayoutBudget {
    /// About a quarter of a second of the slowest text to measure (every character a replacement or a
    /// control picture); some 3,000 screens of prose.
    static let limit = 256 << 10

    /// The blocks as far as `limit` bytes of their text, the block that crosses it cut at a character, and
    /// a note of what is left out; the blocks themselves when they are smaller.
    static func capped(_ blocks: [StoryBody.Block], limit: Int = limit) -> [StoryBody.Block] {
        var used = 0
        for (index, block) in blocks.enumerated() {
            let size = bytes(of: block)
            guard used + size > limit else {
                used += size
                continue
            }
            var kept = Array(blocks[..<index])
            let text = block.plainText
            var end = text.startIndex
            var taken = 0
            for character in text {
                let count = character.utf8.count
                if used + taken + count > limit { break }
                taken += count
                end = text.index(after: end)
            }
            if end > text.startIndex {
                kept.append(StoryBody.Block(block.kind == .table ? .preserved : block.kind, [StoryBody.Run(String(text[..<end]))],
                                            level: block.level, marker: block.marker))
            }
            // Counted in characters (code points): bytes of decoded text may outnumber the file's.
            let rest = text[end...].unicodeScalars.count + blocks[(index + 1)...].reduce(0) { $0 + $1.plainText.unicodeScalars.count }
            kept.append(StoryBody.Block(.paragraph, [StoryBody.Run("[\(rest.formatted) more characters not shown]", emphasis: .italic)]))
            return kept
        }
        return blocks
    }

    /// A block's text in bytes (its runs, or its table's cells).
    private static func bytes(of block: StoryBody.Block) -> Int {
        block.runs.reduce(0) { $0 + $1.text.utf8.count } + block.rows.reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count } }
    }
}
