/// How a style looks without colour: each colour role becomes an attribute, so what colour told apart
/// (unread, links, headings, problems) still stands out. The renderer applies it to every cell.
enum Monochrome {
    static func style(_ style: Style) -> Style {
        var result = style
        result.color = .plain
        // Dim styles (guides, quote bars, read markers, quoted text) are set apart by dim already, and
        // bold with dim is drawn differently from terminal to terminal: they only lose their colour. So quote
        // levels are counted by their bars, as the bars' colours no longer differ.
        guard !style.dim else { return result }
        switch style.color {
        case .plain: break
        // Titles, authors, headings, link numbers, code, folded threads: bold, as most of them are already.
        case .accent: result.bold = true
        // Unread markers and new-comment counts.
        case .fresh: result.bold = true
        // Problems: bold and underlined, so they differ from the bold headings they are listed under.
        case .warning:
            result.bold = true
            result.underline = true
        case .guide: result.dim = true
        case .marker: result.reverse = true
        // Matches are reversed already (or underlined on a reversed row): bold makes them stand out more.
        case .match: result.bold = true
        }
        return result
    }
}
