/// Turns the block parser's finished leaves into `StoryBody` blocks, placed by the containers around them.
///
/// Flattening: anything inside a quote becomes a `.quote` block at the quote's depth (a list item there
/// reads `• text` or `3. text`, code keeps its lines as one code run, a heading is bold); anything inside
/// a list item outside quotes becomes a `.listItem` at the item's depth, its later paragraphs joined to
/// its first by a line break; a table is a `.table` wherever it stands.
struct MarkdownBlockWriter {
    /// Where a leaf stands: counted from the parser's open containers.
    struct Context {
        /// Quotes around the leaf.
        var quotes = 0
        /// List items around the leaf, and those of them inside the innermost quote.
        var items = 0
        var itemsInsideQuote = 0
        /// The innermost item: its serial number, marker, and whether the leaf is its first block.
        var item: Int?
        var marker: String?
        var isFirstInItem = false
    }

    var blocks: [StoryBody.Block] = []
    var links = MarkdownLinkTable()
    /// The item whose text the last block holds, so that its next paragraph can join it.
    private var lastItem: Int?

    mutating func paragraph(_ text: [UInt8], heading: Bool, in context: Context) {
        var runs = MarkdownInline.runs(text, links: &links)
        if heading {
            for index in runs.indices where runs[index].emphasis == .none || runs[index].emphasis == .italic {
                runs[index].emphasis = .bold
            }
            runs = Self.merged(runs)
        }
        if context.quotes > 0 {
            // A quote's empty paragraph (the `>` line before a table) is no block: rows between come with layout.
            guard !runs.isEmpty else { return }
            var lead: String?
            if context.itemsInsideQuote > 0 {
                let indent = String(repeating: "  ", count: context.itemsInsideQuote - 1)
                let itemLead = context.isFirstInItem ? indent + (context.marker ?? "•") + " " : indent + "  "
                runs.insert(StoryBody.Run(itemLead), at: 0)
                lead = itemLead
            }
            append(StoryBody.Block(.quote, runs, level: context.quotes - 1, marker: lead), item: nil)
        } else if context.items > 0 {
            let level = context.items - 1
            if context.isFirstInItem {
                append(StoryBody.Block(.listItem, runs, level: level, marker: context.marker), item: context.item)
            } else if let item = context.item, lastItem == item, !runs.isEmpty {
                // A later paragraph of the same item stays under its bullet, a line below.
                blocks[blocks.count - 1].runs.append(StoryBody.Run("\n"))
                blocks[blocks.count - 1].runs += runs
            } else if !runs.isEmpty {
                // Text after a list nested in the item hangs under the item's text, not a bullet of its own.
                let hang = String(repeating: " ", count: context.marker?.count ?? 1)
                append(StoryBody.Block(.listItem, runs, level: level, marker: hang), item: context.item)
            }
        } else if !runs.isEmpty {
            append(StoryBody.Block(.paragraph, runs), item: nil)
        }
    }

    mutating func code(_ text: String, in context: Context) {
        let run = StoryBody.Run(text, emphasis: .code)
        if context.quotes > 0 {
            append(StoryBody.Block(.quote, [run], level: context.quotes - 1), item: nil)
        } else {
            // Inside a list item, one level under it, as HTML's code is (`HTMLContainers.setApartLevel`).
            append(StoryBody.Block(.code, [run], level: context.items), item: nil)
        }
    }

    mutating func table(_ rows: [[String]], in context: Context) {
        let width = rows.map(\.count).max() ?? 0
        let padded = rows.map { $0.count < width ? $0 + Array(repeating: "", count: width - $0.count) : $0 }
        // Inside a list item, one level under it, as code is; inside a quote, quoted.
        var block = StoryBody.Block(.table, [], level: context.quotes > 0 ? 0 : context.items, rows: padded)
        if context.quotes > 0 { block.quoteLevel = context.quotes - 1 }
        append(block, item: nil)
    }

    /// Neighbouring runs that now look the same, as one.
    static func merged(_ runs: [StoryBody.Run]) -> [StoryBody.Run] {
        var result: [StoryBody.Run] = []
        for run in runs {
            if let last = result.last, last.emphasis == run.emphasis, last.link == run.link {
                result[result.count - 1].text += run.text
            } else {
                result.append(run)
            }
        }
        return result
    }

    private mutating func append(_ block: StoryBody.Block, item: Int?) {
        blocks.append(block)
        lastItem = item
    }

    var body: StoryBody { StoryBody(blocks: blocks, links: links.targets) }
}
