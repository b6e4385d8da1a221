/// The elements the renderer treats specially, found from a tag's name with one hash lookup instead of
/// a chain of string comparisons.
enum HTMLElement {
    /// Ends the block before and after: `<p>`, `<div>`, `<video>` and the like.
    case block
    /// `<hr>`: a break between sections, shown as a paragraph of its own (`* * *`).
    case rule
    case lineBreak
    case heading
    case italic, bold, code, strikethrough
    case anchor, image
    /// `<q>`: its text between quotation marks, as browsers show it.
    case inlineQuote
    case unorderedList, orderedList, listItem, quote
    case pre
    case table, row, cell
    /// Anything else: dropped, its text kept.
    case other

    init(_ name: String) { self = Self.byName[name] ?? .other }

    private static let byName: [String: HTMLElement] = {
        var table: [String: HTMLElement] = [
            "br": .lineBreak, "a": .anchor, "img": .image, "ul": .unorderedList, "ol": .orderedList,
            "li": .listItem, "hr": .rule, "q": .inlineQuote, "blockquote": .quote, "pre": .pre, "table": .table, "tr": .row, "td": .cell, "th": .cell,
        ]
        let groups: [(HTMLElement, [String])] = [
            (.block, ["p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "figure",
                      "figcaption", "details", "summary", "dl", "dt", "dd", "address", "center", "form", "fieldset",
                      "legend", "caption", "body", "html", "video", "audio", "noscript", "iframe", "object", "canvas",
                      "picture", "hgroup", "menu", "dialog", "search", "embed", "svg", "math", "source"]),
            (.heading, ["h1", "h2", "h3", "h4", "h5", "h6"]),
            (.italic, ["i", "em", "cite", "var", "dfn"]),
            (.bold, ["b", "strong"]),
            (.code, ["code", "tt", "kbd", "samp"]),
            (.strikethrough, ["s", "strike", "del"]),
        ]
        for (element, names) in groups { for name in names { table[name] = element } }
        return table
    }()
}
