import TidingsModel

/// Whether long runs of quoted lines are folded (like mutt's toggle-quoted), and the key that unfolds them,
/// named on the row that stands for the hidden lines. The writer's lines are counted, not screen rows, so
/// a quote folds, and says how much it hides, the same way at every width.
struct QuoteFold: Equatable, Sendable {
    var folded: Bool
    /// The key as the help writes it (`T`); nil when none is bound.
    var key: String?

    /// Every quoted line shown.
    static let shown = QuoteFold(folded: false, key: nil)

    /// A run of quotes longer than this many lines …
    static let longerThan = 6
    /// … shows this many of its first lines, whole, and one row saying how many more there are.
    static let kept = 2
    /// A run of a few long lines (a flowed or HTML quote: a paragraph a line) folds too when it takes more
    /// rows than this at the pane's width, keeping its first line (at most `keptRows` rows of it).
    static let tallerThan = 12
    static let keptRows = 4

    /// The rows of one run of quote blocks as shown: all of them, or the first lines and a row for the rest.
    /// A row of bars between two paragraphs of one level (an empty quote block) is a line too, as the empty
    /// `>` line a mail writes there.
    func rows(_ quoted: [StoryBody.Block], width: Int) -> [StyledLine] {
        guard folded else { return quoted.flatMap { BodyLayout.blockLines($0, width: width) } }
        let counts = quoted.map(Self.lineCount)
        let total = counts.reduce(0, +)
        guard total > Self.longerThan else {
            let all = quoted.flatMap { BodyLayout.blockLines($0, width: width) }
            // One long line alone (a paragraph quoted whole) folds too: to its first rows.
            guard all.count > Self.tallerThan, let first = quoted.first else { return all }
            let firstLine = BodyLayout.blockLines(Self.prefix(of: first, lines: 1), width: width)
            let shown = Array(firstLine.prefix(Self.keptRows))
            return shown + summary(hidden: total - 1, links: Self.hiddenLinks(all: all, shown: shown), width: width,
                                   restOfLine: firstLine.count > shown.count)
        }
        var rows: [StyledLine] = []
        var left = Self.kept
        for (block, count) in zip(quoted, counts) where left > 0 {
            if count <= left {
                rows += BodyLayout.blockLines(block, width: width)
            } else if Self.startsWithItems(block) {
                // Items the whole quote keeps apart are kept apart in its first lines too: cut to two lines,
                // they were too few to tell from prose, and ran together.
                for line in 0..<left { rows += BodyLayout.blockLines(Self.lines(of: block, line..<(line + 1)), width: width) }
            } else {
                rows += BodyLayout.blockLines(Self.prefix(of: block, lines: left), width: width)
            }
            left -= min(count, left)
        }
        let all = quoted.flatMap { BodyLayout.blockLines($0, width: width) }
        return rows + summary(hidden: total - Self.kept, links: Self.hiddenLinks(all: all, shown: rows), width: width)
    }

    /// The numbers of the links in the lines folded away, in order: the fold row names them, so a number
    /// typed is one the reader can see (it opened a link nothing on screen showed).
    static func hiddenLinks(all: [StyledLine], shown: [StyledLine]) -> [Int] {
        var visible = Set(shown.flatMap { $0.spans.compactMap(\.link) })
        var hidden: [Int] = []
        for link in all.lazy.flatMap({ $0.spans.compactMap(\.link) }) where visible.insert(link).inserted { hidden.append(link) }
        return hidden
    }

    /// `│ … 23 more quoted lines, with link [4] (T shows them)`, dim, wrapped under its bar when the links
    /// make it longer than the pane (a number cut off could not be read); the numbers open their links when
    /// clicked, as everywhere.
    /// `restOfLine`: the first line is cut too (a paragraph a line), and the row says so, or the count would
    /// leave most of what is hidden out.
    func summary(hidden: Int, links: [Int] = [], width: Int, restOfLine: Bool = false) -> [StyledLine] {
        let lines = "\(hidden) more quoted \(hidden == 1 ? "line" : "lines")"
        let words = restOfLine ? (hidden > 0 ? "… the rest of this line and " + lines : "… the rest of this line") : "… " + lines
        // The words of a longer row wrap rather than lose the key at the end.
        let wraps = !links.isEmpty || restOfLine
        var spans: [StyledLine.Span] = [.init(text: words, style: .dim)]
        if !links.isEmpty {
            spans.append(.init(text: links.count == 1 ? ", with link " : ", with links ", style: .dim))
            for (position, link) in links.enumerated() {
                if position > 0 { spans.append(.init(text: " ", style: .dim)) }
                spans.append(.init(text: "[\(link)]", style: .accent, link: link))
            }
        }
        if let key { spans.append(.init(text: " (\(key) shows them)", style: .dim)) }
        let bar = StyledLine.Span(text: "│ ", style: QuoteBars.style(level: 0))
        // Without numbers or a longer text to keep, or too narrow to wrap words, one row cut to the width.
        guard wraps, width >= 20 else { return [StyledLine(spans: [bar] + spans).truncated(to: width)] }
        return StyledWrap.wrap(spans, width: width - 2).map { StyledLine(spans: [bar] + $0.spans) }
    }

    /// The lines of a quote block as its writer broke them: one more than its line breaks.
    static func lineCount(_ block: StoryBody.Block) -> Int {
        block.runs.reduce(1) { count, run in count + run.text.reduce(0) { $0 + ($1.isNewline ? 1 : 0) } }
    }

    /// Whether the quote's text starts with lines its layout keeps apart as items (`ProseRun`).
    static func startsWithItems(_ block: StoryBody.Block) -> Bool {
        // Read as the wrapper reads it (`PreservedWrap`), so the fold and the whole quote decide alike.
        let (lines, widths) = PreservedWrap.preparedLines(block.runs.map(\.text).joined())
        guard lines.count >= 3 else { return false }
        let end = ProseRun.end(lines, widths, from: 0, quoteMarks: BodyLayout.quoteMarks(block))
        return end > 1 && ProseRun.areLinesOfTheirOwn(lines[0..<end])
    }

    /// The block's lines in `range` (counted from 0), its runs (emphasis, links) kept.
    static func lines(of block: StoryBody.Block, _ range: Range<Int>) -> StoryBody.Block {
        var runs: [StoryBody.Run] = []
        var line = 0
        for run in block.runs {
            var piece = ""
            for character in run.text {
                if character.isNewline {
                    if line >= range.lowerBound, line < range.upperBound - 1 { piece.append(character) }
                    line += 1
                    continue
                }
                if range.contains(line) { piece.append(character) }
            }
            if !piece.isEmpty {
                var kept = run
                kept.text = piece
                runs.append(kept)
            }
            if line >= range.upperBound { break }
        }
        return StoryBody.Block(block.kind, runs, level: block.level, marker: range.lowerBound == 0 ? block.marker : nil)
    }

    /// The block's first `lines` lines, its runs (emphasis, links) kept up to the line break that ends them.
    static func prefix(of block: StoryBody.Block, lines: Int) -> StoryBody.Block {
        var runs: [StoryBody.Run] = []
        var breaks = 0
        for var run in block.runs {
            if let end = run.text.firstIndex(where: { character in
                guard character.isNewline else { return false }
                breaks += 1
                return breaks == lines
            }) {
                run.text = String(run.text[..<end])
                runs.append(run)
                return StoryBody.Block(block.kind, runs, level: block.level, marker: block.marker)
            }
            runs.append(run)
        }
        return block
    }
}
