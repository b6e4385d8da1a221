/// The open lists, list items and block quotes, innermost last. Each entry remembers where its nearest
/// enclosing list, item and quote are, so every question (which item does `</li>` close, how deep is
/// this quote) is answered without searching the stack: 100,000 open `<blockquote>`s cost no more per
/// tag than one.
struct HTMLContainers {
    enum Kind {
        case list(ordered: Bool)
        case item
        case quote
    }

    private struct Entry {
        var kind: Kind
        /// Indexes of the innermost list, item and quote at or below this entry, -1 for none.
        var list: Int
        var item: Int
        var quote: Int
        /// Lists and quotes at or below this entry.
        var listDepth: Int
        var quoteDepth: Int
        /// A list's next item number; an item's marker (nil: a bullet) until its first block takes it.
        var nextNumber = 1
        var marker: String?
        /// Once its first block took the marker, the item's later blocks (a second paragraph, text after a
        /// nested list) hang under its text: blanks as wide as the marker, not a bullet of their own.
        var markerTaken = false
    }

    /// Deeper nesting is shown at this level: the screen has no room for more indentation anyway.
    static let maximumLevel = 32

    private var stack: [Entry] = []

    /// The kind, level and marker of a block that starts here.
    func blockContext() -> HTMLBlockContext {
        guard let top = stack.last, top.item >= 0 || top.quote >= 0 else { return HTMLBlockContext() }
        if top.item > top.quote {
            let item = stack[top.item]
            let marker = item.markerTaken ? String(repeating: " ", count: item.marker?.count ?? 1) : item.marker
            if top.quote >= 0 {
                // A list inside a quote stays quoted (someone else's list is not the writer's): a quote block
                // whose text starts with the item's marker, indented by its nesting inside the quote.
                let nesting = max(1, item.listDepth - stack[top.quote].listDepth)
                let lead = String(repeating: "  ", count: min(nesting - 1, Self.maximumLevel)) + (marker ?? "•")
                return HTMLBlockContext(kind: .quote, level: min(stack[top.quote].quoteDepth - 1, Self.maximumLevel), marker: lead)
            }
            let level = min(max(stack[top.item].listDepth - 1, 0), Self.maximumLevel)
            return HTMLBlockContext(kind: .listItem, level: level, marker: marker)
        }
        return HTMLBlockContext(kind: .quote, level: min(stack[top.quote].quoteDepth - 1, Self.maximumLevel))
    }

    /// A block took the innermost item's marker: the item's number or bullet goes to its first block only,
    /// and its later blocks (text after a nested list too) continue the item at its level without one.
    mutating func takeMarker() {
        if let top = stack.last, top.item > top.quote { stack[top.item].markerTaken = true }
    }

    /// The level of the innermost open quote, nil outside quotes.
    func quoteLevel() -> Int? {
        guard let top = stack.last, top.quote >= 0 else { return nil }
        return min(stack[top.quote].quoteDepth - 1, Self.maximumLevel)
    }

    /// The level of a block set apart inside the text (code, a table): one deeper than a list item's text
    /// it stands in, so it is seen to belong to the item; 0 elsewhere.
    func setApartLevel() -> Int {
        guard let top = stack.last, top.item > top.quote else { return 0 }
        return min(stack[top.item].listDepth, Self.maximumLevel)
    }

    mutating func openList(ordered: Bool, start: Int?) {
        push(.list(ordered: ordered))
        stack[stack.count - 1].nextNumber = start ?? 1
    }

    /// `<li>`: closes an item still open in the same list, then opens one numbered `value` or next.
    mutating func openItem(value: Int?) {
        closeItem()
        var marker: String?
        if let list = stack.last?.list, list >= 0, case .list(ordered: true) = stack[list].kind {
            let number = value ?? stack[list].nextNumber
            stack[list].nextNumber = number &+ 1
            marker = "\(number)."
        }
        push(.item)
        stack[stack.count - 1].marker = marker
    }

    mutating func openQuote() { push(.quote) }

    /// `</ul>` or `</ol>`: closes the innermost list and everything open inside it.
    mutating func closeList() {
        if let list = stack.last?.list, list >= 0 { stack.removeSubrange(list...) }
    }

    /// `</li>`: closes the innermost item unless a list opened inside it is still open.
    mutating func closeItem() {
        if let top = stack.last, top.item > top.list { stack.removeSubrange(top.item...) }
    }

    mutating func closeQuote() {
        if let quote = stack.last?.quote, quote >= 0 { stack.removeSubrange(quote...) }
    }

    private mutating func push(_ kind: Kind) {
        let index = stack.count
        var entry = stack.last.map {
            Entry(kind: kind, list: $0.list, item: $0.item, quote: $0.quote, listDepth: $0.listDepth, quoteDepth: $0.quoteDepth)
        } ?? Entry(kind: kind, list: -1, item: -1, quote: -1, listDepth: 0, quoteDepth: 0)
        switch kind {
        case .list:
            entry.list = index
            entry.listDepth += 1
        case .item:
            entry.item = index
        case .quote:
            entry.quote = index
            entry.quoteDepth += 1
        }
        stack.append(entry)
    }
}
