import TidingsModel

/// Any bytes as HTML: rendering and entity decoding never crash, every link number points into the
/// links, tables have rows and other blocks have text, and the gate leaves no control in what is shown.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let html = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let decoded = HTMLEntities.decode(html)
    if !html.utf8.contains(UInt8(ascii: "&")) { precondition(decoded == html, "text without & changed") }
    let body = HTMLText.body(html)
    for block in body.blocks {
        if block.kind == .table {
            precondition(!block.rows.isEmpty, "empty table kept")
        } else {
            precondition(!block.runs.isEmpty && !block.plainText.isEmpty, "empty block kept")
        }
        precondition(block.level >= 0, "negative level")
        for run in block.runs {
            if let link = run.link { precondition(body.links.indices.contains(link), "link number out of range") }
        }
        for scalar in UntrustedText.sanitize(block.plainText, multiline: true).unicodeScalars {
            precondition(scalar.value == 0x0A || !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)), "control kept")
        }
    }
    return 0
}
