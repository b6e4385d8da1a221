import TidingsModel

/// Text whose line breaks are the writer's (`PreservedWrap`, mail and news) with the number of each address
/// in it right after the address (`https://example.org/a[1]`), in the accent colour and opened by a click,
/// as an HTML link's number is.
enum NumberedPreservedWrap {
    /// Stands for a number's `[` while the text is wrapped: one cell wide, as `[` is, so rows break where
    /// they will be shown. The text's own are made U+FFFD first: only the reader makes numbers.
    private static let numberMark: Character = "\u{E000}"

    /// The rows of `runs` (links among them) at `width`, text in `style`.
    static func rows(_ runs: [StoryBody.Run], width: Int, joinsProse: Bool = true, quoteMarks: Int = 0, style: Style) -> [StyledLine] {
        var text = ""
        for run in runs {
            text += run.text.contains(numberMark) ? run.text.replacingOccurrences(of: String(numberMark), with: "\u{FFFD}") : run.text
            if let link = run.link {
                text.append(numberMark)
                text += "\(link + 1)]"
            }
        }
        var rows: [StyledLine] = []
        // A number broken over rows (in an address longer than the row): where its pieces are, its digits.
        var broken: (pieces: [(row: Int, span: Int)], digits: Substring)?
        for row in PreservedWrap.wrap(text, width: width, joinsProse: joinsProse, quoteMarks: quoteMarks) {
            if broken == nil, !row.contains(numberMark) {
                rows.append(PreservedWrap.styled(row, style: style))
                continue
            }
            var spans: [StyledLine.Span] = []
            var rest = Substring(row)
            if rest.hasPrefix(CodeWrap.marker) {
                spans.append(.init(text: CodeWrap.marker, style: .guide))
                rest = rest.dropFirst(CodeWrap.marker.count)
            }
            if var number = broken {
                // The number goes on at the start of this row; once it is whole, every piece of it opens it.
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                let closed = rest.dropFirst(digits.count).first == "]"
                let end = digits.count + (closed ? 1 : 0)
                number.digits += digits
                if end > 0 {
                    number.pieces.append((rows.count, spans.count))
                    spans.append(.init(text: String(rest.prefix(end)), style: .accent))
                }
                rest = rest.dropFirst(end)
                broken = closed || !rest.isEmpty ? nil : number
                if closed, let link = Int(number.digits) {
                    for piece in number.pieces where piece.row < rows.count { rows[piece.row].spans[piece.span].link = link }
                    if end > 0 { spans[spans.count - 1].link = link }
                }
            }
            while let mark = rest.firstIndex(of: numberMark) {
                if mark > rest.startIndex { spans.append(.init(text: String(rest[..<mark]), style: style)) }
                let after = rest[rest.index(after: mark)...]
                let digits = after.prefix { $0.isASCII && $0.isNumber }
                let closed = after.dropFirst(digits.count).first == "]"
                spans.append(.init(text: "[" + digits + (closed ? "]" : ""), style: .accent, link: closed ? Int(digits) : nil))
                rest = after.dropFirst(digits.count + (closed ? 1 : 0))
                if !closed, rest.isEmpty { broken = ([(rows.count, spans.count - 1)], digits) }
            }
            if !rest.isEmpty { spans.append(.init(text: String(rest), style: style)) }
            rows.append(StyledLine(spans: spans))
        }
        return rows
    }
}
