import TidingsModel

/// The help or the problem list, drawn over the reader.
extension AppState {
    /// The help or the problem list: wrapped lines from the page's scroll position.
    mutating func drawPage(_ screen: inout ScreenBuffer, area: Rect) {
        let lines = pageLines()
        for row in 0..<area.height {
            let index = pageTop + row
            guard index < lines.count else { break }
            screen.write(lines[index].text, x: area.x + Pages.leftMargin, y: area.y + row,
                         maxWidth: area.width - Pages.leftMargin - Pages.rightMargin, style: lines[index].style)
        }
    }
}
