/// Turns HTML tokens into a story body, one token at a time and without recursion: open elements are
/// counters and stacks, never nested calls, so any depth of nesting costs the same per tag.
struct HTMLRenderer {
    private let bytes: [UInt8]
    private var writer = HTMLBlockWriter()
    private var containers = HTMLContainers()
    private var links: [String] = []
    private var linkNumbers: [String: Int] = [:]
    /// Open `<a>`s, innermost last: the link number (nil for no link), its target and how many words
    /// had been written when it opened.
    private var anchors: [(link: Int?, target: String, wordsBefore: Int)] = []
    /// Open `<a>`s inside a table, whose cells are laid out as plain text: each link's number is written
    /// after its text (`[3]`).
    private var literalAnchors: [Int?] = []
    /// Open `<q>` elements: a quotation inside one takes single marks.
    private var quoteDepth = 0
    /// Open emphasis elements by kind, each an order number of when it opened: the innermost open kind wins.
    private var italic: [Int] = []
    private var bold: [Int] = []
    private var code: [Int] = []
    /// Inside `<video>` or `<audio>`: what its `<source>`s of no type are called.
    private var openMedia: String?
    private var strikethrough: [Int] = []
    private var opened = 0
    /// Open `<pre>`s and what they hold so far.
    private var preDepth = 0
    private var preText: [UInt8] = []
    private var preLastWasCR = false
    /// Open `<table>`s: only the outermost one's rows and cells count.
    private var tableDepth = 0
    /// Lists open in a data table's cell: the next number of an ordered one, nil for bullets.
    private var tableLists: [Int?] = []
    /// Open tables that lay out the page (`HTMLTableShape`): read as the blocks in their cells.
    private var layoutTables = 0
    private var table = HTMLTableWriter()
    /// Reused for decoding text with character references.
    private var decoded: [UInt8] = []

    /// Whether relative references are links (`HTMLLinkTarget`): not in mail.
    private let relativeLinks: Bool

    init(bytes: [UInt8], relativeLinks: Bool = true) {
        self.bytes = bytes
        self.relativeLinks = relativeLinks
    }

    mutating func render() -> StoryBody {
        var tokenizer = HTMLTokenizer(bytes)
        while let token = tokenizer.next() {
            switch token {
            case .text(let range): text(range, decode: true)
            case .literalText(let range): text(range, decode: false)
            case .startTag(let tag):
                if tableDepth == 0, preDepth == 0, HTMLElement(tag.name) == .table, !tag.selfClosing,
                   HTMLTableShape.isLayout(after: tokenizer) {
                    layoutTables += 1
                    writer.endBlock()
                } else {
                    start(tag)
                }
            case .endTag(let name): end(name)
            case .comment, .doctype: break
            }
        }
        endTable()
        endPre()
        writer.endBlock()
        return StoryBody(blocks: writer.blocks, links: links)
    }

    // MARK: Text

    private mutating func text(_ range: Range<Int>, decode: Bool) {
        if decode, bytes[range].contains(HTMLEntities.ampersand) {
            decoded.removeAll(keepingCapacity: true)
            HTMLEntities.append(bytes, range, to: &decoded)
            write(decoded, decoded.indices)
        } else {
            write(bytes, range)
        }
    }

    private mutating func write(_ text: [UInt8], _ range: Range<Int>) {
        if tableDepth > 0 {
            table.write(text, range)
        } else if preDepth > 0 {
            writePre(text, range)
        } else {
            // A block takes its place (and an item's number) when its first word is written.
            let starting = !writer.hasContent
            writer.write(text, range, style: style, context: starting ? containers.blockContext() : HTMLBlockContext())
            if starting, writer.hasContent { containers.takeMarker() }
        }
    }

    private mutating func write(_ string: String) {
        let text = Array(string.utf8)
        write(text, text.indices)
    }

    /// Preformatted text as written: CR LF and lone CR become LF, no-break spaces plain spaces.
    private mutating func writePre(_ text: [UInt8], _ range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = text[index]
            index += 1
            if byte == 0x0D {
                preText.append(0x0A)
                preLastWasCR = true
                continue
            }
            defer { preLastWasCR = false }
            if byte == 0x0A, preLastWasCR { continue }
            if byte == 0xC2, index < range.upperBound, text[index] == 0xA0 {
                preText.append(0x20)
                index += 1
                continue
            }
            preText.append(byte)
        }
    }

    /// The innermost open emphasis and link.
    private var style: HTMLRunStyle {
        var emphasis = StoryBody.Run.Emphasis.none
        var latest = -1
        func consider(_ order: Int?, _ kind: StoryBody.Run.Emphasis) {
            if let order, order > latest {
                latest = order
                emphasis = kind
            }
        }
        consider(italic.last, .italic)
        consider(bold.last, .bold)
        consider(code.last, .code)
        consider(strikethrough.last, .strikethrough)
        return HTMLRunStyle(emphasis: emphasis, link: anchors.last?.link)
    }

    // MARK: Tags

    private mutating func start(_ tag: HTMLTag) {
        let element = HTMLElement(tag.name)
        if preDepth > 0 {
            if element == .pre { preDepth += 1 } else if element == .lineBreak { writePre([0x0A], 0..<1) }
            // Listed under the text with its number, not written into it: `<pre>` is copied as it is.
            if element == .anchor { _ = linkNumber(tag) }
            // A picture in it is its alt text, as written there.
            if element == .image { image(tag) }
            return
        }
        if tableDepth > 0 {
            startInTable(element, tag)
            return
        }
        switch element {
        // A `<picture>` (and the `<source srcset>` in it) stands in the sentence as its `<img>` does.
        case .block where tag.name == "picture" || (tag.name == "source" && tag.value(of: "src") == nil):
            break
        case .block:
            writer.endBlock()
            embedded(tag)
        case .row: writer.endBlock()
        case .rule:
            writer.endBlock()
            write("* * *")
            writer.endBlock()
        case .lineBreak: writer.lineBreak()
        case .heading:
            writer.endBlock()
            bold.append(nextOrder())
        case .italic: italic.append(nextOrder())
        case .bold: bold.append(nextOrder())
        case .code: code.append(nextOrder())
        case .strikethrough: strikethrough.append(nextOrder())
        case .anchor: openAnchor(tag)
        case .image: image(tag)
        case .inlineQuote:
            write(quoteDepth % 2 == 0 ? "“" : "‘")
            quoteDepth += 1
        case .unorderedList, .orderedList:
            writer.endBlock()
            containers.openList(ordered: element == .orderedList, start: tag.value(of: "start").flatMap(number))
        case .listItem:
            writer.endBlock()
            containers.openItem(value: tag.value(of: "value").flatMap(number))
        case .quote:
            writer.endBlock()
            containers.openQuote()
        case .pre:
            writer.endBlock()
            preDepth = 1
            preText.removeAll(keepingCapacity: true)
            preLastWasCR = false
        case .table:
            writer.endBlock()
            tableDepth = 1
            table = HTMLTableWriter()
        // A cell of a layout table (or one outside any table) holds blocks of its own.
        case .cell: writer.endBlock()
        case .other: break  // unknown tags are dropped, their text kept
        }
    }

    /// Inside a table: its structure, spaces for what would break a block, pictures as text; nothing else.
    private mutating func startInTable(_ element: HTMLElement, _ tag: HTMLTag) {
        switch element {
        case .table: tableDepth += 1
        case .row where tableDepth == 1: table.startRow()
        case .cell where tableDepth == 1: table.startCell()
        case .image: image(tag)
        case .anchor:
            literalAnchors.append(linkNumber(tag))
        // A list in a cell keeps its items apart, `• Faster import • New theme` or `1. Unpack 2. Run`, not one
        // phrase; the mark is held to its item by a no-break space, so no row ends on it.
        case .unorderedList where tableDepth == 1: tableLists.append(nil)
        case .orderedList where tableDepth == 1: tableLists.append(1)
        case .listItem where tableDepth == 1:
            var mark = "•"
            if let last = tableLists.indices.last, let number = tableLists[last] {
                mark = "\(number)."
                tableLists[last] = number + 1
            }
            table.mark(mark)
        default: table.space()
        }
    }

    private mutating func end(_ name: String) {
        let element = HTMLElement(name)
        if preDepth > 0 {
            if element == .pre {
                preDepth -= 1
                if preDepth == 0 { endPre() }
            }
            return
        }
        if tableDepth > 0 {
            switch element {
            case .table:
                tableDepth -= 1
                if tableDepth == 0 { endTable() }
            case .cell where tableDepth == 1:
                table.endCell()
                tableLists.removeAll()
            case .row where tableDepth == 1: table.endRow()
            case .unorderedList, .orderedList:
                if tableDepth == 1, !tableLists.isEmpty { tableLists.removeLast() }
                table.space()
            case .anchor:
                if let link = literalAnchors.popLast() ?? nil {
                    let number = Array("[\(link + 1)]".utf8)
                    table.space()
                    table.write(number, 0..<number.count)
                }
            default: table.space()
            }
            return
        }
        switch element {
        case .block where name == "picture" || name == "source":
            break
        case .block, .row, .rule:
            writer.endBlock()
            if name == "video" || name == "audio" { openMedia = nil }
        case .lineBreak: writer.lineBreak()  // `</br>` is a line break to browsers too
        case .heading:
            writer.endBlock()
            bold.removeLastIfAny()
        case .italic: italic.removeLastIfAny()
        case .inlineQuote:
            guard quoteDepth > 0 else { break }
            quoteDepth -= 1
            write(quoteDepth % 2 == 0 ? "”" : "’")
        case .bold: bold.removeLastIfAny()
        case .code: code.removeLastIfAny()
        case .strikethrough: strikethrough.removeLastIfAny()
        case .anchor: closeAnchor()
        case .unorderedList, .orderedList:
            writer.endBlock()
            containers.closeList()
        case .listItem:
            writer.endBlock()
            containers.closeItem()
        case .quote:
            writer.endBlock()
            containers.closeQuote()
        case .table where layoutTables > 0:
            layoutTables -= 1
            writer.endBlock()
        case .cell: writer.endBlock()
        case .image, .pre, .table, .other: break
        }
    }

    private mutating func nextOrder() -> Int {
        opened += 1
        return opened
    }

    // MARK: Links and pictures

    private mutating func openAnchor(_ tag: HTMLTag) {
        guard let href = tag.value(of: "href"), let target = HTMLLinkTarget.accepted(bytes, href, relative: relativeLinks) else {
            anchors.append((nil, "", writer.wordsWritten))
            return
        }
        anchors.append((number(of: target), target, writer.wordsWritten))
    }

    /// The index of a link's target in the body's links, added when new; nil for a link that is not one.
    private mutating func linkNumber(_ tag: HTMLTag) -> Int? {
        guard let href = tag.value(of: "href"), let target = HTMLLinkTarget.accepted(bytes, href, relative: relativeLinks) else { return nil }
        return number(of: target)
    }

    private mutating func number(of target: String) -> Int {
        if let known = linkNumbers[target] { return known }
        links.append(target)
        linkNumbers[target] = links.count - 1
        return links.count - 1
    }

    /// `</a>`: a link that showed no text shows its target.
    private mutating func closeAnchor() {
        guard let anchor = anchors.last else { return }
        if anchor.link != nil, writer.wordsWritten == anchor.wordsBefore { write(anchor.target) }
        anchors.removeLast()
    }

    /// A video, a sound or a page embedded from elsewhere (`<iframe src>`, `<video src>`: a YouTube player in
    /// a blog post) is a paragraph of its own, `Video: https://…`, the address a numbered link: a browser
    /// shows the player, and without this nothing on the screen said it was there.
    private mutating func embedded(_ tag: HTMLTag) {
        let label: String
        switch tag.name {
        case "iframe", "embed": label = "Embedded: "
        case "video", "audio":
            label = tag.name == "video" ? "Video: " : "Audio: "
            openMedia = label
        // `<video controls><source src=…>`: named by its type (a `<picture>`'s sources have `srcset`).
        case "source":
            let type = tag.value(of: "type").map { String(decoding: bytes[$0], as: UTF8.self).lowercased() } ?? ""
            label = type.hasPrefix("audio/") ? "Audio: " : type.hasPrefix("video/") ? "Video: " : openMedia ?? "Media: "
        default: return
        }
        // One address given twice (`<video src=x><source src=x>`) is said once.
        guard let src = tag.value(of: "src"), let target = HTMLLinkTarget.accepted(bytes, src, relative: relativeLinks), linkNumbers[target] == nil else { return }
        write(label)
        anchors.append((number(of: target), target, writer.wordsWritten))
        write(target)
        anchors.removeLast()
        writer.endBlock()
    }

    /// `<img alt="…">` is its alt text in brackets (`[image]` without one), a numbered link to the picture, as
    /// newsboat numbers them: the reader can open it. Inside a link it is that link's text; a tracking pixel
    /// (1 by 1) or a picture with no address it can open, without alt text, is nothing. In a table or in
    /// `<pre>`, only the alt text.
    private mutating func image(_ tag: HTMLTag) {
        let alt = tag.value(of: "alt").map { HTMLEntities.decode(String(decoding: bytes[$0], as: UTF8.self)) }
            .flatMap { $0.utf8.contains(where: { !$0.isHTMLSpace }) ? $0 : nil }
        let inLink = anchors.contains { $0.link != nil }
        let linkable = tableDepth == 0 && preDepth == 0 && !inLink && !isPixel(tag)
        let target = linkable ? tag.value(of: "src").flatMap { HTMLLinkTarget.accepted(bytes, $0, relative: relativeLinks) } : nil
        guard let target else {
            // A link made of a picture alone is named by it, not by its address.
            if let alt { write("[" + alt + "]") } else if inLink, tableDepth == 0, preDepth == 0, !isPixel(tag) { write("[image]") }
            return
        }
        anchors.append((number(of: target), target, writer.wordsWritten))
        write("[" + (alt ?? "image") + "]")
        anchors.removeLast()
    }

    /// A picture one pixel wide or high (or none): a counter of readers, not something to see.
    private func isPixel(_ tag: HTMLTag) -> Bool {
        ["width", "height"].contains { name in
            // `1`, `1px`, `0`: the number it starts with.
            tag.value(of: name).map { String(decoding: bytes[$0], as: UTF8.self).trimmingSpaces().prefix { $0.isASCII && $0.isNumber } }
                .flatMap { Int($0) }.map { $0 <= 1 } ?? false
        }
    }

    // MARK: Blocks that end at once

    private mutating func endPre() {
        guard !preText.isEmpty || preDepth > 0 else { return }
        preDepth = 0
        var text = preText[...]
        // HTML drops one line break right after `<pre>`; trailing ones only separate it from what follows.
        if text.first == 0x0A { text = text.dropFirst() }
        while text.last == 0x0A { text = text.dropLast() }
        if text.contains(where: { !$0.isHTMLSpace }) {
            let code = String(decoding: text, as: UTF8.self)
            if let quote = containers.quoteLevel() {
                // Quoted code stays quoted, its lines kept (a quote keeps its lines), as Markdown's does.
                writer.append(StoryBody.Block(.quote, [StoryBody.Run(code, emphasis: .code)], level: quote))
            } else {
                writer.append(StoryBody.Block(.code, [StoryBody.Run(code)], level: containers.setApartLevel()))
            }
        }
        preText.removeAll(keepingCapacity: true)
    }

    private mutating func endTable() {
        guard tableDepth > 0 || !table.rows.isEmpty else { return }
        tableDepth = 0
        tableLists.removeAll()
        if var block = table.finish() {
            // Quoted, it stays quoted (as code does); else it stands under the list item it is in.
            if let quote = containers.quoteLevel() { block.quoteLevel = quote } else { block.level = containers.setApartLevel() }
            writer.append(block)
        }
        table = HTMLTableWriter()
    }

    /// An attribute's number (`start="3"`), nil when it is none.
    private func number(_ range: Range<Int>) -> Int? {
        let text = String(decoding: bytes[range], as: UTF8.self)
        return Int(text.trimmingSpaces())
    }
}

private extension Array {
    /// Closing an element that is not open does nothing.
    mutating func removeLastIfAny() {
        if !isEmpty { removeLast() }
    }
}
