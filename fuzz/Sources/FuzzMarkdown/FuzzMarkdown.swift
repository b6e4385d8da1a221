import TidingsModel

/// Any bytes as Reddit Markdown: no crash, every link number points into the links, block levels stay
/// under the nesting cap, and the escaped form of the text renders like the text itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let body = MarkdownText.body(text)
    for block in body.blocks {
        precondition(block.level >= 0 && block.level < 64, "level out of range")
        for run in block.runs {
            if let link = run.link { precondition(link >= 0 && link < body.links.count, "link number out of range") }
        }
    }
    // Reddit escapes `&`, `<` and `>` unless asked for raw JSON. Text already holding an entity or a
    // Reddit escape may differ (the escapes are undone once, before parsing), so only plain text is compared.
    if !text.utf8.contains(0x26) {
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        precondition(MarkdownText.body(escaped) == body, "escaped text renders differently")
    }
    return 0
}
