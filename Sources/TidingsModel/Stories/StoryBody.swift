import Foundation

/// A story's text as blocks (paragraphs, list items, quotes, code) of inline runs with emphasis and
/// numbered links, so every format, plain text or HTML, reaches the screen the same way.
public struct StoryBody: Sendable, Equatable, ExpressibleByArrayLiteral {
    /// One block of the text.
    public struct Block: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case paragraph
            case listItem
            case quote
            /// Preformatted: line breaks and spaces are kept, long lines are cut, never wrapped.
            case code
            /// A table: `rows` of plain cells, shown as aligned columns.
            case table
            /// Plain text whose line breaks are the author's (mail and news): each line is wrapped on its
            /// own and none are joined. Quotes of such text are `.quote` blocks whose text keeps its lines too.
            case preserved
            /// A mail or news signature (the lines after `-- `, that line included): shown dimmed, lines kept.
            case signature
        }

        public var kind: Kind
        public var runs: [Run]
        /// Nesting below the top: 0 for a top-level list item or quote, 1 for one inside it, and so on.
        public var level: Int
        /// An ordered list item's number as written (`3.`); nil for a bulleted item. For a quote, the lead of
        /// a list item quoted (`• `, `2. `), which its text starts with; nil for a quote's paragraph.
        public var marker: String?
        /// A table's rows of cells (kind `.table`); empty for other kinds.
        public var rows: [[String]]
        /// A table inside a quote: the quote's level (0 for a quote at the top), nil outside quotes. Someone
        /// else's table is shown quoted, as their text is.
        public var quoteLevel: Int?
        /// Mail text only: the block starts on the line right after the one before it, as its writer wrote
        /// them (a quote under `Ann wrote:`, an answer under a quote), so no blank row comes between them.
        public var followsWithoutBlank = false

        public init(_ kind: Kind, _ runs: [Run], level: Int = 0, marker: String? = nil, rows: [[String]] = []) {
            self.kind = kind
            self.runs = runs
            self.level = level
            self.marker = marker
            self.rows = rows
        }

        public init(_ kind: Kind, text: String) { self.init(kind, [Run(text)]) }

        /// The block's text without its emphasis or link numbers (a table's rows, cells between `|`).
        public var plainText: String {
            // A list mark's no-break space (held to its item for wrapping) is a space in words.
            if kind == .table {
                return rows.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n").replacingOccurrences(of: "\u{A0}", with: " ")
            }
            return runs.count == 1 ? runs[0].text : runs.map(\.text).joined()
        }
    }

    /// A piece of text with one emphasis, possibly a link.
    public struct Run: Sendable, Equatable {
        public enum Emphasis: Sendable, Equatable {
            case none, italic, bold, code, strikethrough
        }

        public var text: String
        public var emphasis: Emphasis
        /// Index into `StoryBody.links`: the reader shows the number after the text.
        public var link: Int?

        public init(_ text: String, emphasis: Emphasis = .none, link: Int? = nil) {
            self.text = text
            self.emphasis = emphasis
            self.link = link
        }
    }

    public var blocks: [Block]
    /// The targets of the body's links, numbered from 0 in order of appearance.
    public var links: [String]

    public init(blocks: [Block] = [], links: [String] = []) {
        self.blocks = blocks
        self.links = links
    }

    /// Plain paragraphs, one per string (tests and simple formats).
    public init(paragraphs: [String]) {
        self.init(blocks: paragraphs.map { Block(.paragraph, text: $0) })
    }

    public init(arrayLiteral paragraphs: String...) { self.init(paragraphs: paragraphs) }

    public var isEmpty: Bool { blocks.isEmpty }

    /// Links whose text is their own address (a bare URL, with or without its scheme): the reader need not
    /// list them again under the text. A shortened one (`https://example.com/long-pa...`) is listed: its
    /// text does not say where it goes.
    public var linksWrittenOut: Set<Int> {
        var result = Set<Int>()
        for block in blocks {
            for run in block.runs {
                guard let link = run.link, link < links.count, !result.contains(link) else { continue }
                let text = run.text.trimmingCharacters(in: .whitespaces)
                let url = links[link]
                if !text.isEmpty, url == text || url.hasSuffix("://" + text) || url == "mailto:" + text { result.insert(link) }
            }
        }
        return result
    }

    /// Each block as one line of text in the native format's markup (`- ` or `3. ` before a list item,
    /// two spaces more per level; `> ` before a quote, one `>` more per level): what `dump` prints and what
    /// tests compare. `StoryBody(lines:)` reads them back to blocks that print the same lines.
    public var lines: [String] {
        blocks.map { block in
            switch block.kind {
            case .table where block.quoteLevel != nil:
                let marks = String(repeating: ">", count: (block.quoteLevel ?? 0) + 1) + " "
                return block.plainText.split(separator: "\n", omittingEmptySubsequences: false).map { marks + $0 }.joined(separator: "\n")
            case .paragraph, .code, .table, .preserved, .signature: return block.plainText
            case .listItem: return String(repeating: "  ", count: block.level) + (block.marker ?? "-") + " " + block.plainText
            case .quote:
                // Mail quotes keep their lines: each gets the marks.
                let marks = String(repeating: ">", count: block.level + 1) + " "
                return block.plainText.split(separator: "\n", omittingEmptySubsequences: false).map { marks + $0 }.joined(separator: "\n")
            }
        }
    }
}

extension StoryBody {
    /// Blocks from lines in the markup `lines` writes (the `body` of a `dump` record), so that reading them
    /// back and writing them again gives the same lines. Emphasis and link positions are not in that markup.
    public init(lines: [String], links: [String] = []) {
        var blocks: [Block] = []
        for line in lines {
            if let quote = Self.quoteLevel(line) {
                blocks.append(Block(.quote, [Run(String(line.dropFirst(quote + 2)))], level: quote))
            } else if let item = Self.listItem(line) {
                blocks.append(Block(.listItem, [Run(item.text)], level: item.level, marker: item.marker == "-" ? nil : item.marker))
            } else {
                blocks.append(Block(.paragraph, text: line))
            }
        }
        self.init(blocks: blocks, links: links)
    }

    /// `>> text`: the number of `>` less one, when a space follows them.
    private static func quoteLevel(_ line: String) -> Int? {
        let marks = line.prefix { $0 == ">" }.count
        guard marks > 0, line.dropFirst(marks).first == " " else { return nil }
        return marks - 1
    }

    /// `  - text` or `  3. text`: two spaces per level, then `-` or a number with a dot, then a space.
    private static func listItem(_ line: String) -> (level: Int, marker: String, text: String)? {
        let spaces = line.prefix { $0 == " " }.count
        guard spaces % 2 == 0 else { return nil }
        let rest = line.dropFirst(spaces)
        guard let space = rest.firstIndex(of: " ") else { return nil }
        let marker = rest[..<space]
        let isBullet = marker == "-"
        let isNumber = marker.count >= 2 && marker.last == "." && marker.dropLast().allSatisfy(\.isASCIIDigitCharacter)
        guard isBullet || isNumber else { return nil }
        // A top-level paragraph that starts with `- ` reads back as a bullet: it prints the same line.
        return (spaces / 2, String(marker), String(rest[rest.index(after: space)...]))
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
