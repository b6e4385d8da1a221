/// A story's text as blocks (paragraphs, list items, quotes, code) of inline runs with emphasis and
/// numbered links, so every format, plain text or HTML, reaches the screen the same way.
public struct StoryBody: Sendable, Equatable, ExpressibleByArrayLiteral {
    /// One block of the text.
    public struct Block: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case paragraph
            case listItem
            case quote
            /// Preformatted: line breaks and spaces are kept.
            case code
        }

        public var kind: Kind
        public var runs: [Run]

        public init(_ kind: Kind, _ runs: [Run]) {
            self.kind = kind
            self.runs = runs
        }

        public init(_ kind: Kind, text: String) { self.init(kind, [Run(text)]) }

        /// The block's text without its emphasis or link numbers.
        public var plainText: String { runs.map(\.text).joined() }
    }

    /// A piece of text with one emphasis, possibly a link.
    public struct Run: Sendable, Equatable {
        public enum Emphasis: Sendable, Equatable {
            case none, italic, bold, code
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

    /// Each block as one line of text in the native format's markup (`- ` before a list item, `> ` before
    /// a quote): what `dump` prints and what tests compare.
    public var lines: [String] {
        blocks.map { block in
            switch block.kind {
            case .paragraph, .code: return block.plainText
            case .listItem: return "- " + block.plainText
            case .quote: return "> " + block.plainText
            }
        }
    }
}
