/// The inside of a feed element as text or as HTML, from the bytes the scan located. Only the item shown
/// is taken out this way, one tokenizer pass over its range, without recursion.
enum FeedMarkup {
    /// The character data inside (references decoded, CDATA as written), ignoring any markup.
    static func text(_ bytes: [UInt8], _ range: Range<Int>, encoding: XMLEncoding) -> String {
        var tokenizer = XMLTokenizer(bytes, range: range)
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        while true {
            switch tokenizer.next() {
            case .text: XMLText.appendDecoded(bytes, tokenizer.content, encoding: encoding, to: &out)
            case .cdata: XMLText.appendLiteral(bytes, tokenizer.content, encoding: encoding, to: &out)
            case .end: return String(decoding: out, as: UTF8.self)
            default: continue
            }
        }
    }

    /// The markup inside as HTML: tags under their local names (`xhtml:p` is `p`), text as written (its
    /// references are the HTML reader's to decode), CDATA escaped, comments and processing instructions
    /// dropped. With `unwrapDiv`, only the inside of a leading `div` (Atom's XHTML wrapper), when there is one.
    static func html(_ bytes: [UInt8], _ range: Range<Int>, encoding: XMLEncoding, unwrapDiv: Bool) -> String {
        var tokenizer = XMLTokenizer(bytes, range: range)
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var depth = 0
        /// Depth of the wrapping div once found; nil before (or when there is none to unwrap).
        var wrapper: Int?
        var sawElement = false
        loop: while true {
            switch tokenizer.next() {
            case .startTag:
                let name = tokenizer.name
                let local = localName(bytes, name)
                if unwrapDiv, !sawElement, bytes.bytes(local, equal: "div") {
                    sawElement = true
                    if !tokenizer.selfClosing {
                        wrapper = depth
                        depth += 1
                        out.removeAll(keepingCapacity: true)
                    }
                    continue
                }
                sawElement = true
                out.append(UInt8(ascii: "<"))
                encoding.append(bytes, local, to: &out)
                encoding.append(bytes, name.upperBound..<tokenizer.position, to: &out)
                if out.last != UInt8(ascii: ">") { out.append(UInt8(ascii: ">")) }
                if !tokenizer.selfClosing { depth += 1 }
            case .endTag:
                depth = max(depth - 1, 0)
                if let wrapper, depth == wrapper { break loop }
                out.append(contentsOf: "</".utf8)
                encoding.append(bytes, localName(bytes, tokenizer.name), to: &out)
                out.append(UInt8(ascii: ">"))
            case .text:
                encoding.append(bytes, tokenizer.content, to: &out)
            case .cdata:
                var literal: [UInt8] = []
                XMLText.appendLiteral(bytes, tokenizer.content, encoding: encoding, to: &literal)
                for byte in literal {
                    switch byte {
                    case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                    case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                    case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                    default: out.append(byte)
                    }
                }
            case .comment, .processingInstruction, .doctype:
                continue
            case .end:
                break loop
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The part of a name after its prefix.
    static func localName(_ bytes: [UInt8], _ name: Range<Int>) -> Range<Int> {
        guard let colon = bytes[name].lastIndex(of: UInt8(ascii: ":")) else { return name }
        return (colon + 1)..<name.upperBound
    }
}
