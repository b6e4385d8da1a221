/// Reddit Markdown (comment bodies, post selftext) as a `StoryBody`.
///
/// Reddit sends the same body escaped (`&gt;`, `&amp;`, `&lt;`) or raw depending on how it was fetched;
/// both give the same blocks. Parsing never recurses, so no input can exhaust the stack.
public enum MarkdownText {
    /// The blocks and links of a Reddit Markdown text.
    public static func body(_ markdown: String) -> StoryBody {
        if let plain = plainParagraphs(markdown) { return plain }
        return parsed(markdown)
    }

    /// The full parse, without the shortcut for plain text (tests compare the two).
    static func parsed(_ markdown: String) -> StoryBody {
        MarkdownBlockParser.parse(MarkdownSource(markdown))
    }

    /// Most comments are a few plain paragraphs: with no mark, indentation, list number or URL anywhere,
    /// they are split on blank lines and their lines joined with spaces, without a parser.
    static func plainParagraphs(_ markdown: String) -> StoryBody? {
        var markdown = markdown
        return markdown.withUTF8 { plainParagraphs($0) }
    }

    private static func plainParagraphs(_ bytes: UnsafeBufferPointer<UInt8>) -> StoryBody? {
        var blocks: [StoryBody.Block] = []
        var paragraph: [UInt8] = []
        var lineStart = 0
        var index = 0
        let count = bytes.count
        let special = Self.special
        let startsLine = Self.startsLine
        while index <= count {
            guard index == count || bytes[index] == Byte.newline else {
                let byte = bytes[index]
                if special[Int(byte)] {
                    switch byte {
                    case Byte.colon:
                        if index + 2 < count, bytes[index + 1] == Byte.slash, bytes[index + 2] == Byte.slash { return nil }
                    case 0x77, 0x57:  // w, W: "www."
                        if index + 3 < count, bytes[index + 1] | 0x20 == 0x77, bytes[index + 2] | 0x20 == 0x77, bytes[index + 3] == Byte.dot { return nil }
                    default:
                        return nil
                    }
                }
                if index == lineStart, startsLine[Int(byte)] { return nil }
                index += 1
                continue
            }
            var lineEnd = index
            while lineEnd > lineStart, bytes[lineEnd - 1] == Byte.space { lineEnd -= 1 }
            if index - lineEnd >= 2, index < count { return nil }  // a line break, unless at the very end
            if lineEnd == lineStart {
                if !paragraph.isEmpty { blocks.append(StoryBody.Block(.paragraph, text: String(decoding: paragraph, as: UTF8.self))) }
                paragraph.removeAll(keepingCapacity: true)
            } else {
                if !paragraph.isEmpty { paragraph.append(Byte.space) }
                paragraph += UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            }
            index += 1
            lineStart = index
        }
        if !paragraph.isEmpty { blocks.append(StoryBody.Block(.paragraph, text: String(decoding: paragraph, as: UTF8.self))) }
        return StoryBody(blocks: blocks)
    }

    /// Bytes that may be markup anywhere (`:` and `w` only as the start of a URL).
    private static let special: [Bool] = {
        var table = Array(repeating: false, count: 256)
        for byte in "*_~^`[]<>#|&\\\t\r:wW".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// Bytes that may be markup at the start of a line: indentation, bullets, list numbers, underlines.
    private static let startsLine: [Bool] = {
        var table = Array(repeating: false, count: 256)
        for byte in " -+=0123456789".utf8 { table[Int(byte)] = true }
        return table
    }()
}
