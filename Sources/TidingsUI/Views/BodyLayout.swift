import TidingsModel

/// Lays out text blocks as styled rows for a width, the same for the story text and every comment:
/// emphasis, link numbers, nested list items and quotes, code and tables broken to the width rather than cut,
/// and the list of link targets. Every string from the document passes `UntrustedText` here (the wrappers
/// and the truncation sanitize), so widths are measured on what is shown.
enum BodyLayout {
    /// The blocks in order, each set off from the one before by a blank row, except list items in a row
    /// (one list), quotes in a row (joined by their bars: a quote of two paragraphs reads as one, and a
    /// change of level needs no row, the bars show it), and mail blocks written on adjacent lines. A run of quotes longer than a few lines is folded
    /// when `quotes` says so. `separateFirst` puts a blank row before the first block too, as under the
    /// story's header.
    static func lines(_ blocks: [StoryBody.Block], width: Int, separateFirst: Bool, quotes: QuoteFold = .shown) -> [StyledLine] {
        guard width > 0 else { return [] }
        let blocks = LayoutBudget.capped(blocks)
        var lines: [StyledLine] = []
        // The run of quotes being gathered: laid out, folded or not, as a whole once the run ends.
        var quoted: [StoryBody.Block] = []
        var previous: StoryBody.Block?
        // Where the text of the list item open at each level starts: an item nested in it is indented to
        // there (under `98. item`, four cells in), so its text never lines up with its parent's.
        var itemTextColumns: [Int] = []
        for block in blocks.map({ quotedTableAsQuote($0, width: width) }) {
            if let previous {
                if previous.kind == .quote, block.kind == .quote {
                    // Mail quotes change level without a blank line, and their own empty lines are kept in
                    // their text: only two paragraphs of one level need a row between them. Items of a list
                    // quoted follow each other as a list's items do, without one.
                    let items = previous.marker.flatMap { before in block.marker.map { Self.continuesList(before, with: $0) } } ?? false
                    if previous.level == block.level, !items { quoted.append(StoryBody.Block(.quote, [], level: block.level)) }
                } else {
                    if previous.kind == .quote {
                        lines += quotes.rows(quoted, width: width)
                        quoted.removeAll(keepingCapacity: true)
                    }
                    // Mail text keeps its writer's rows: a quote under `Ann wrote:`, or an answer under it, has
                    // no blank row before it when the writer left none.
                    if !(previous.kind == .listItem && block.kind == .listItem && Self.continuesList(previous, with: block)),
                       !block.followsWithoutBlank {
                        lines.append(blank)
                    }
                }
            } else if separateFirst {
                lines.append(blank)
            }
            previous = block
            if block.kind == .quote {
                quoted.append(block)
            } else if block.kind == .listItem {
                let level = max(0, min(block.level, 64))
                let indent = level == 0 ? 0 : itemTextColumns.count >= level ? itemTextColumns[level - 1] : 2 * level
                itemTextColumns = Array(itemTextColumns.prefix(level)) + [indent + DisplayWidth.of(marker(of: block))]
                lines += blockLines(block, width: width, listIndent: indent)
            } else if block.kind == .code || block.kind == .table, block.level > 0, itemTextColumns.count >= block.level {
                // Code or a table inside a list item stands under the item's text.
                lines += blockLines(block, width: width, listIndent: itemTextColumns[block.level - 1])
            } else {
                if block.kind == .paragraph { itemTextColumns.removeAll() }
                lines += blockLines(block, width: width)
            }
        }
        lines += quotes.rows(quoted, width: width)
        return lines
    }

    static let blank = StyledLine(spans: [])

    /// Whether a quoted list item (its lead, `• `, `  2. `) goes on the list of the item before it: a
    /// continuation (blanks), an item nested deeper or back out, or one of the same kind (bullet after
    /// bullet, number after number). A numbered list right after a bulleted one is another list.
    static func continuesList(_ before: String, with lead: String) -> Bool {
        let indent = lead.prefix { $0 == " " }.count
        guard indent < lead.count, indent == before.prefix(while: { $0 == " " }).count else { return true }
        func numbered(_ lead: String) -> Bool { lead.drop { $0 == " " }.first?.isNumber ?? false }
        return numbered(before) == numbered(lead)
    }

    /// Whether a list item goes on the list of the item before it, as `continuesList(_:with:)` decides for
    /// quoted ones: another level, a continuation (its marker blanks), or the same kind of marker.
    static func continuesList(_ previous: StoryBody.Block, with item: StoryBody.Block) -> Bool {
        guard previous.level == item.level else { return true }
        func kind(_ marker: String?) -> Bool? {
            guard let first = marker?.first(where: { $0 != " " }) else { return marker == nil ? false : nil }
            return first.isNumber
        }
        guard let before = kind(previous.marker), let now = kind(item.marker) else { return true }
        return before == now
    }

    /// A table inside a quote as a quote of its rows, laid out as a table is in the width its bars leave
    /// (aligned, or row by row when too narrow) and kept as code keeps its lines: it joins the quote's run,
    /// with its bars, its fold.
    static func quotedTableAsQuote(_ block: StoryBody.Block, width: Int) -> StoryBody.Block {
        guard block.kind == .table, let level = block.quoteLevel else { return block }
        let bars = max(0, min(level, 64)) + 1
        let text = tableLines(block.rows, width: max(1, width - 2 * bars)).map(\.text).joined(separator: "\n")
        return StoryBody.Block(.quote, [StoryBody.Run(text, emphasis: .code)], level: level)
    }

    /// A list item's marker as shown, with the space after it: its number, blanks under an item's first
    /// block, else a bullet.
    static func marker(of block: StoryBody.Block) -> String {
        block.marker.map { TextWrap.truncate($0, width: 8) + " " } ?? "• "
    }

    /// One block at the width, with its lead: `• ` or its number for a list item and two columns per level,
    /// one `│ ` per level for a quote, an indent for code and tables.
    /// `listIndent`: where a list item's marker goes (the text column of the item it is nested in), or
    /// where code or a table inside an item starts (the item's text column); two cells a level when not
    /// given.
    static func blockLines(_ block: StoryBody.Block, width: Int, listIndent: Int? = nil) -> [StyledLine] {
        guard width > 0 else { return [] }
        let level = max(0, min(block.level, 64))
        switch block.kind {
        case .paragraph:
            let lead = fitLead(indent: 2 * level, marker: 0, width: width)
            return hang(wrapRuns(block, width: width - lead.indent), first: spaces(lead.indent), rest: spaces(lead.indent), style: .plain)
        case .listItem:
            let marker = marker(of: block)
            let markerCells = DisplayWidth.of(marker)
            let lead = fitLead(indent: listIndent ?? 2 * level, marker: markerCells, width: width)
            guard lead.marker else { return wrapRuns(block, width: width) }
            let text = wrapRuns(block, width: width - lead.indent - markerCells)
            return hang(text, first: spaces(lead.indent) + marker, rest: spaces(lead.indent + markerCells), style: .plain)
        case .quote:
            let lead = fitLead(indent: 2 * level, marker: 2, width: width)
            guard lead.marker else { return wrapRuns(block, width: width) }
            let bars = QuoteBars.spans(count: 1 + lead.indent / 2)
            let text = wrapRuns(block, width: width - 2 * bars.count)
            return text.map { StyledLine(spans: bars + $0.spans) }
        case .preserved, .signature:
            let lead = fitLead(indent: 2 * level, marker: 0, width: width)
            let style = block.kind == .signature ? Style(dim: true) : .plain
            let rows = block.runs.contains(where: { $0.link != nil })
                ? NumberedPreservedWrap.rows(block.runs, width: width - lead.indent, joinsProse: block.kind != .signature, style: style)
                : PreservedWrap.wrap(block.plainText, width: width - lead.indent, joinsProse: block.kind != .signature)
                    .map { PreservedWrap.styled($0, style: style) }
            return hang(rows, first: spaces(lead.indent), rest: spaces(lead.indent), style: .plain)
        case .code, .table:
            let lead = fitLead(indent: 2 * level, marker: 2, width: width)
            let indent = listIndent.map { min($0, max(0, width - 10)) } ?? (lead.marker ? lead.indent + 2 : 0)
            let inner = width - indent
            let rows = block.kind == .code ? codeLines(block.plainText, width: inner) : tableLines(block.rows, width: inner)
            return hang(rows, first: spaces(indent), rest: spaces(indent), style: .plain)
        }
    }

    /// `[1] https://…`, numbered from `firstNumber`: the label in the accent colour, the target underlined
    /// and wrapped under itself (under the label when the pane is too narrow to hang it).
    /// Links in `skipping` (written out in the text already) keep their number but are not listed again.
    static func linkLines(_ links: [String], firstNumber: Int, width: Int, skipping: Set<Int> = []) -> [StyledLine] {
        guard width > 0 else { return [] }
        let target = Style(color: .accent, underline: true)
        var lines: [StyledLine] = []
        for (offset, link) in links.enumerated() where !skipping.contains(offset) {
            let label = "[\(firstNumber + offset)] "
            let labelCells = label.count
            if width - labelCells >= 8 {
                for (row, part) in TextWrap.wrap(link, width: width - labelCells).enumerated() {
                    let lead = row == 0 ? label : spaces(labelCells)
                    lines.append(StyledLine(spans: [.init(text: lead, style: .accent, link: row == 0 ? firstNumber + offset : nil),
                                                    .init(text: part, style: target)]))
                }
            } else {
                lines.append(StyledLine(spans: [.init(text: TextWrap.truncate(label, width: width), style: .accent,
                                                      link: firstNumber + offset)]))
                lines += TextWrap.wrap(link, width: width).map { StyledLine(text: $0, style: target) }
            }
        }
        return lines
    }

    static func style(for emphasis: StoryBody.Run.Emphasis, in kind: StoryBody.Block.Kind) -> Style {
        var style = kind == .quote ? Style(dim: true) : .plain
        switch emphasis {
        case .none: break
        case .italic: style.underline = true
        case .bold: style.bold = true
        case .code: style.color = .accent
        // Curses has no strikethrough: struck text is dimmed, as text that no longer stands.
        case .strikethrough: style.dim = true
        }
        return style
    }

    // MARK: - Pieces

    /// How much of a lead fits: the marker while the text keeps 3 cells, the indentation (shrunk as needed)
    /// only while the text keeps 10, so deep nesting in a narrow pane still leaves words room.
    private static func fitLead(indent: Int, marker: Int, width: Int) -> (indent: Int, marker: Bool) {
        guard width - marker >= 3 else { return (0, false) }
        let room = max(0, width - marker - 10)
        return (indent <= room ? indent : room / 2 * 2, true)
    }

    private static func spaces(_ count: Int) -> String { String(repeating: " ", count: count) }

    /// Rows with a lead in front: `first` on the first row, `rest` on the others.
    private static func hang(_ rows: [StyledLine], first: String, rest: String, style: Style) -> [StyledLine] {
        guard !first.isEmpty || !rest.isEmpty else { return rows }
        return rows.enumerated().map { offset, row in row.prefixed(offset == 0 ? first : rest, style: style) }
    }

    /// The cells a quote's marks took in its writer's lines (`> ` a level), which a program that filled
    /// them counted.
    static func quoteMarks(_ block: StoryBody.Block) -> Int { 2 * (max(0, min(block.level, 64)) + 1) }

    /// The block's runs wrapped, each in its emphasis, a link's number (`[2]`) after its text.
    private static func wrapRuns(_ block: StoryBody.Block, width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        // Most text is one plain run: the plain wrapper gives the same rows with less work per character.
        if block.runs.count == 1, block.runs[0].emphasis == .none, block.runs[0].link == nil {
            let style = Self.style(for: .none, in: block.kind)
            // A quote in mail keeps its lines as written, like the message's own text.
            guard block.kind == .quote else { return TextWrap.wrap(block.runs[0].text, width: width).map { StyledLine(text: $0, style: style) } }
            return PreservedWrap.wrap(block.runs[0].text, width: width, quoteMarks: quoteMarks(block))
                .map { PreservedWrap.styled($0, style: style) }
        }
        // Quoted code keeps its lines and its indentation, as code does.
        if block.kind == .quote, !block.runs.isEmpty, block.runs.allSatisfy({ $0.emphasis == .code }) {
            // Quoted code (or a quoted table) is dimmed as the rest of the quote is: someone else's.
            return CodeWrap.lines(block.runs.map(\.text).joined(), width: width).map { line in
                StyledLine(spans: line.spans.map { span in
                    var span = span
                    span.style.dim = true
                    return span
                })
            }
        }
        // A quote of plain text with addresses in it keeps its lines too, the addresses' numbers in them.
        if block.kind == .quote, block.runs.allSatisfy({ $0.emphasis == .none }) {
            return NumberedPreservedWrap.rows(block.runs, width: width, quoteMarks: quoteMarks(block), style: style(for: .none, in: .quote))
        }
        let spans = block.runs.flatMap { run -> [StyledLine.Span] in
            let style = style(for: run.emphasis, in: block.kind)
            guard let link = run.link else { return [StyledLine.Span(text: run.text, style: style)] }
            // The number goes right after the link's words, before the spaces and line break its text may end
            // with (a feed's `<a> /u/name </a><br>`), so it never starts the next line.
            let words = run.text.reversed().drop { $0.isWhitespace }.count
            let end = run.text.index(run.text.startIndex, offsetBy: words)
            return [.init(text: String(run.text[..<end]), style: style), .init(text: "[\(link + 1)]", style: .accent, link: link + 1),
                    .init(text: String(run.text[end...]), style: style)]
        }
        return StyledWrap.wrap(spans, width: width)
    }

    /// Preformatted text: each line as written, one too wide for the pane broken into marked rows (`CodeWrap`).
    static func codeLines(_ text: String, width: Int) -> [StyledLine] { CodeWrap.lines(text, width: width) }

    /// A table in aligned columns, or row by row when they do not fit (`TableLayout`).
    static func tableLines(_ rows: [[String]], width: Int) -> [StyledLine] { TableLayout.lines(rows, width: width) }

    /// A cell's text in spans, each `[N]` in it (the number a link in the cell was given, `HTMLRenderer`,
    /// `MarkdownBlockParser`) a span of link N, so a click on it opens the link as a click on any number does.
    static func numberedLinks(in text: String) -> [StyledLine.Span] {
        guard text.contains("[") else { return [.init(text: text, style: .plain)] }
        var spans: [StyledLine.Span] = []
        var plain = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            let after = rest[rest.index(after: open)...]
            let digits = after.prefix { $0.isASCII && $0.isNumber }
            guard (1...3).contains(digits.count), after.dropFirst(digits.count).first == "]", let number = Int(digits), number > 0 else {
                plain += rest[...open]
                rest = after
                continue
            }
            plain += rest[..<open]
            if !plain.isEmpty { spans.append(.init(text: plain, style: .plain)) }
            plain = ""
            spans.append(.init(text: "[\(digits)]", style: .plain, link: number))
            rest = after.dropFirst(digits.count + 1)
        }
        plain += rest
        if !plain.isEmpty { spans.append(.init(text: plain, style: .plain)) }
        return spans
    }
}
