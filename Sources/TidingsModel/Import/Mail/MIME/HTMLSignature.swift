/// The signature of an HTML message, as the plain text one is found: its last top-level paragraph that
/// starts with a `--` line (`<div class="moz-signature">-- <br>Name</div>`, Gmail's and Outlook's own
/// `-- <br>`) and the paragraphs right after it (a signature written a `<div>` a line), at most ten lines
/// after the `--`; a quote after them (Thunderbird's signature above the quote) stays a quote. It is one
/// block, shown dimmed with its lines kept, as a plain text signature is; before, only a plain text one was.
enum HTMLSignature {
    static let maximumLines = 10

    static func marked(_ body: StoryBody) -> StoryBody {
        var body = body
        guard let start = body.blocks.lastIndex(where: startsSignature) else { return body }
        var end = body.blocks[(start + 1)...].firstIndex { !isTopLevelParagraph($0) } ?? body.blocks.endIndex
        // A line ending in `:` right before a quote (`On Mon, Bob wrote:`) introduces the quote, not the
        // signature.
        if end < body.blocks.endIndex, body.blocks[end].kind == .quote, end - 1 > start,
           body.blocks[end - 1].plainText.trimmingSpaces().hasSuffix(":") { end -= 1 }
        var runs: [StoryBody.Run] = []
        for block in body.blocks[start..<end] {
            if !runs.isEmpty { runs.append(StoryBody.Run("\n")) }
            // Kept as text, its links still numbered: emphasis means nothing dimmed.
            runs += block.runs.map { run in
                var plain = run
                plain.emphasis = .none
                return plain
            }
        }
        let lines = runs.reduce(1) { count, run in count + run.text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } }
        guard lines - 1 <= maximumLines else { return body }
        body.blocks.replaceSubrange(start..<end, with: [StoryBody.Block(.signature, runs)])
        return body
    }

    private static func isTopLevelParagraph(_ block: StoryBody.Block) -> Bool {
        block.kind == .paragraph && block.level == 0 && block.quoteLevel == nil
    }

    /// A top-level paragraph whose first line is `--` (its space taken by the HTML's whitespace rules), or
    /// Thunderbird's `<pre class="moz-signature">`, which starts with `-- `.
    private static func startsSignature(_ block: StoryBody.Block) -> Bool {
        guard isTopLevelParagraph(block) || (block.kind == .code && block.level == 0 && block.quoteLevel == nil) else { return false }
        let text = block.plainText
        let first = text.prefix { $0 != "\n" }
        return String(first).trimmingSpaces() == "--"
    }
}
