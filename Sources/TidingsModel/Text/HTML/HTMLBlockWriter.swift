/// Where a block of HTML text sits: its kind, nesting and list number.
struct HTMLBlockContext: Equatable {
    var kind: StoryBody.Block.Kind = .paragraph
    var level = 0
    var marker: String?
}

/// The emphasis and link that text is written with.
struct HTMLRunStyle: Equatable {
    var emphasis: StoryBody.Run.Emphasis = .none
    var link: Int?

    var isPlain: Bool { emphasis == .none && link == nil }
}

/// Builds blocks of runs from words and spaces: whitespace collapses to one space that is only written
/// between words (so blocks are trimmed at both ends), a line break is a "\n" in the run, and a block
/// with no word in it is dropped.
struct HTMLBlockWriter {
    private(set) var blocks: [StoryBody.Block] = []
    private var runs: [StoryBody.Run] = []
    private var buffer: [UInt8] = []
    private var bufferStyle = HTMLRunStyle()
    private var context = HTMLBlockContext()
    /// The block has a word in it.
    private(set) var hasContent = false
    /// Whitespace was seen after the last word: a space goes before the next one.
    private var pendingSpace = false
    /// The style the pending space was seen in (plain if any of it was).
    private var pendingSpaceStyle = HTMLRunStyle()
    /// The last thing written was a line break: whitespace after it is dropped.
    private var atLineStart = false
    /// Counts words written, so a link can tell whether it had any text.
    private(set) var wordsWritten = 0

    /// Writes text outside `<pre>`, collapsing its whitespace. `context` is the block's place if this text
    /// starts the block.
    mutating func write(_ bytes: [UInt8], _ range: Range<Int>, style: HTMLRunStyle, context: HTMLBlockContext) {
        HTMLWhitespace.split(bytes, range, space: {
            guard hasContent && !atLineStart else { return }
            if !pendingSpace || style.isPlain { pendingSpaceStyle = style }
            pendingSpace = true
        }, word: { word in
            if !hasContent { self.context = context }
            writeWord(bytes, word, style: style)
        })
    }

    private mutating func writeWord(_ bytes: [UInt8], _ word: Range<Int>, style: HTMLRunStyle) {
        if pendingSpace {
            pendingSpace = false
            writeSpace(before: style)
        }
        switchStyle(to: style)
        buffer.append(contentsOf: bytes[word])
        hasContent = true
        atLineStart = false
        wordsWritten += 1
    }

    /// Puts the pending space between the last word and one in `style`: into a plain neighbour if there
    /// is one (`a <b>b</b>` is "a " then "b"), else into the neighbour whose style it was seen in, else
    /// into a run of its own (`<i>a</i> <b>b</b>`).
    private mutating func writeSpace(before style: HTMLRunStyle) {
        let target: HTMLRunStyle
        if bufferStyle.isPlain || style.isPlain {
            target = bufferStyle.isPlain ? bufferStyle : style
        } else {
            target = pendingSpaceStyle
        }
        switchStyle(to: target)
        buffer.append(0x20)
    }

    private mutating func switchStyle(to style: HTMLRunStyle) {
        guard style != bufferStyle else { return }
        flushRun()
        bufferStyle = style
    }

    private mutating func flushRun() {
        guard !buffer.isEmpty else { return }
        runs.append(StoryBody.Run(String(decoding: buffer, as: UTF8.self), emphasis: bufferStyle.emphasis, link: bufferStyle.link))
        buffer.removeAll(keepingCapacity: true)
    }

    /// `<br>`: a line break inside the block, dropped at its start.
    mutating func lineBreak() {
        guard hasContent else { return }
        pendingSpace = false
        buffer.append(0x0A)
        atLineStart = true
    }

    /// Ends the block, keeping it if it has a word.
    mutating func endBlock() {
        while buffer.last == 0x0A { buffer.removeLast() }
        flushRun()
        if hasContent {
            if context.kind == .quote, let lead = context.marker {
                // A list item inside a quote: its marker leads the quoted text (`HTMLContainers.blockContext`).
                runs.insert(StoryBody.Run(lead + " "), at: 0)
                blocks.append(StoryBody.Block(.quote, runs, level: context.level, marker: lead + " "))
            } else {
                blocks.append(StoryBody.Block(context.kind, runs, level: context.level, marker: context.marker))
            }
        }
        runs.removeAll(keepingCapacity: true)
        hasContent = false
        pendingSpace = false
        atLineStart = false
    }

    /// Adds a finished block (code or table) after ending the current one.
    mutating func append(_ block: StoryBody.Block) {
        endBlock()
        blocks.append(block)
    }
}
