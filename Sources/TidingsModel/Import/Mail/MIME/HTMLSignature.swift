/// The signature of an HTML message, as the plain text one is found: from its last top-level paragraph
/// that starts with a `--` line (`<div class="moz-signature">-- <br>Name</div>`, Gmail's and Outlook's
/// own `-- <br>`) to the end, with at most ten lines after it. It is shown dimmed with its lines kept, as a
/// plain text signature is; before, only a plain text one was.
enum HTMLSignature {
    static let maximumLines = 10

    static func marked(_ body: StoryBody) -> StoryBody {
        var body = body
        guard let start = body.blocks.lastIndex(where: startsSignature) else { return body }
        let rest = body.blocks[start...]
        guard rest.allSatisfy({ $0.kind == .paragraph && $0.level == 0 && $0.quoteLevel == nil }) else { return body }
        let lines = rest.reduce(0) { $0 + $1.plainText.split(separator: "\n", omittingEmptySubsequences: false).count }
        guard lines - 1 <= maximumLines else { return body }
        for index in rest.indices {
            body.blocks[index] = StoryBody.Block(.signature, body.blocks[index].runs.map { run in
                // Kept as text, its links still numbered: emphasis means nothing dimmed.
                var plain = run
                plain.emphasis = .none
                return plain
            })
        }
        return body
    }

    /// A top-level paragraph whose first line is `--` (its space taken by the HTML's whitespace rules).
    private static func startsSignature(_ block: StoryBody.Block) -> Bool {
        guard block.kind == .paragraph, block.level == 0, block.quoteLevel == nil else { return false }
        let text = block.plainText
        let first = text.prefix { $0 != "\n" }
        return String(first).trimmingSpaces() == "--"
    }
}
