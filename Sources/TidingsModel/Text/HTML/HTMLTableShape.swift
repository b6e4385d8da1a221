/// Whether a `<table>` lays out a page rather than holding data, as newsletters and HTML mail use tables:
/// a table inside it, or a cell with a heading, a quote, preformatted text or a rule in it, or with a list
/// when the table has no header cells (`<th>`: a data table, whose cells may hold lists of changes). Such a table
/// is read as the blocks in its cells, one after another, as text browsers show it; a grid of it ran
/// headings, paragraphs and links into one row (`| Heading Para one. … |`). Paragraphs and `<div>`s in
/// cells do not make a layout (Outlook writes one in every cell of a data table), nor does one column.
enum HTMLTableShape {
    /// Looks ahead from just after a `<table>` start tag (the tokenizer is a copy: the renderer's own is not
    /// moved) to the table's end, or to the first sure sign of a layout.
    static func isLayout(after tokenizer: HTMLTokenizer) -> Bool {
        var tokens = tokenizer
        var lists = false
        var headerCells = false
        while let token = tokens.next() {
            switch token {
            case .startTag(let tag):
                switch HTMLElement(tag.name) {
                case .table, .heading, .quote, .pre, .rule: return true
                case .unorderedList, .orderedList: lists = true
                case .cell where tag.name == "th": headerCells = true
                default: break
                }
            case .endTag(let name):
                // Nothing nested (that would have been a layout): the first end of a table is this one's.
                if HTMLElement(name) == .table { return lists && !headerCells }
            case .text, .literalText, .comment, .doctype: break
            }
        }
        return lists && !headerCells
    }
}
