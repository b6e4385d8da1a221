/// One piece of HTML as the tokenizer reads it.
enum HTMLToken: Equatable {
    /// Text whose character references are still to be decoded, as a range of the input's bytes.
    case text(Range<Int>)
    /// Text taken as written (the inside of `<![CDATA[ … ]]>`).
    case literalText(Range<Int>)
    case startTag(HTMLTag)
    /// An end tag's lowercased name.
    case endTag(String)
    case comment
    case doctype
}

/// A start tag: its lowercased name, its attributes in order and whether it ended with `/>`.
struct HTMLTag: Equatable {
    var name: String
    var attributes: [HTMLAttribute] = []
    var selfClosing = false

    /// The range of the first attribute called `name` (the first wins, as in browsers); an empty range
    /// for an attribute without a value.
    func value(of name: String) -> Range<Int>? {
        for attribute in attributes where attribute.name == name { return attribute.value }
        return nil
    }
}

/// An attribute's lowercased name and the bytes of its value, undecoded (empty when it has none).
struct HTMLAttribute: Equatable {
    var name: String
    var value: Range<Int>
}

/// Splits HTML into tokens in one pass, without recursion and without ever failing: a `<` that starts no
/// tag is text, and a tag cut off by the end of the input is given back as text. The contents of
/// `<script>` and `<style>` are skipped up to their end tag; comments and doctypes become tokens of
/// their own with nothing in them.
struct HTMLTokenizer {
    let bytes: [UInt8]
    private var position = 0
    /// Markup found while reading text, returned on the next call.
    private var pending: (token: HTMLToken, end: Int)?
    /// The last `>` in the input: a search for one that starts past it fails at once, so a run of
    /// `<!` or `<?` that close nowhere is not searched to the end again and again.
    private let lastGreaterThan: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        lastGreaterThan = bytes.lastIndex(of: UInt8(ascii: ">")) ?? -1
    }

    init(_ html: String) { self.init(Array(html.utf8)) }

    mutating func next() -> HTMLToken? {
        if let (token, end) = pending {
            pending = nil
            return take(token, end: end)
        }
        let count = bytes.count
        guard position < count else { return nil }
        let start = position
        var index = start
        while index < count {
            guard bytes[index] == lessThan else {
                index += 1
                continue
            }
            if let markup = markup(at: index) {
                if index == start { return take(markup.token, end: markup.end) }
                pending = markup
                position = index
                return .text(start..<index)
            }
            index += 1
        }
        position = count
        return .text(start..<count)
    }

    /// Moves past a token; past a raw-text element's contents too.
    private mutating func take(_ token: HTMLToken, end: Int) -> HTMLToken {
        position = end
        if case .startTag(let tag) = token, tag.name == "script" || tag.name == "style" {
            position = endOfRawText(named: Array(tag.name.utf8), from: end)
        }
        return token
    }

    private let lessThan = UInt8(ascii: "<")
    private let greaterThan = UInt8(ascii: ">")
    private let slash = UInt8(ascii: "/")

    /// The markup that the `<` at `start` opens and the index past it, or nil when the `<` is text.
    private func markup(at start: Int) -> (token: HTMLToken, end: Int)? {
        let count = bytes.count
        guard start + 1 < count else { return nil }
        let next = bytes[start + 1]
        if next.isASCIILetter { return startTag(at: start) }
        switch next {
        case slash:
            guard start + 2 < count else { return nil }
            if bytes[start + 2] == greaterThan { return (.comment, start + 3) }  // `</>` is dropped
            return bytes[start + 2].isASCIILetter ? endTag(at: start) : nil
        case UInt8(ascii: "!"):
            if hasPrefix("<!--", at: start) { return (.comment, endOfComment(from: start + 4)) }
            if hasPrefix("<![CDATA[", at: start) {
                let textStart = start + 9
                let close = find("]]>", from: textStart)
                return (.literalText(textStart..<(close ?? count)), close.map { $0 + 3 } ?? count)
            }
            guard let close = find(">", from: start + 2) else { return nil }
            let isDoctype = hasPrefix("<!doctype", at: start, caseInsensitive: true)
            return (isDoctype ? .doctype : .comment, close + 1)
        case UInt8(ascii: "?"):
            // A processing instruction (`<?xml … ?>`) is a comment to HTML.
            guard let close = find(">", from: start + 2) else { return nil }
            return (.comment, close + 1)
        default:
            return nil
        }
    }

    private func startTag(at start: Int) -> (token: HTMLToken, end: Int)? {
        let count = bytes.count
        var index = start + 1
        while index < count, !bytes[index].isHTMLSpace, bytes[index] != slash, bytes[index] != greaterThan { index += 1 }
        var tag = HTMLTag(name: lowercased(start + 1..<index))
        while true {
            while index < count, bytes[index].isHTMLSpace { index += 1 }
            guard index < count else { return cutOff(at: start) }
            if bytes[index] == greaterThan { return (.startTag(tag), index + 1) }
            if bytes[index] == slash {
                index += 1
                if index < count, bytes[index] == greaterThan {
                    tag.selfClosing = true
                    return (.startTag(tag), index + 1)
                }
                continue
            }
            // An attribute name: a leading `=` belongs to the name, as HTML5 reads it.
            let nameStart = index
            index += 1
            while index < count, !bytes[index].isHTMLSpace, bytes[index] != slash, bytes[index] != greaterThan,
                  bytes[index] != UInt8(ascii: "=") { index += 1 }
            let name = lowercased(nameStart..<index)
            while index < count, bytes[index].isHTMLSpace { index += 1 }
            guard index < count, bytes[index] == UInt8(ascii: "=") else {
                tag.attributes.append(HTMLAttribute(name: name, value: index..<index))
                continue
            }
            index += 1
            while index < count, bytes[index].isHTMLSpace { index += 1 }
            guard index < count else { return cutOff(at: start) }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = find(quote, from: index + 1) else { return cutOff(at: start) }
                tag.attributes.append(HTMLAttribute(name: name, value: index + 1..<close))
                index = close + 1
            } else {
                let valueStart = index
                while index < count, !bytes[index].isHTMLSpace, bytes[index] != greaterThan { index += 1 }
                tag.attributes.append(HTMLAttribute(name: name, value: valueStart..<index))
            }
        }
    }

    private func endTag(at start: Int) -> (token: HTMLToken, end: Int)? {
        let count = bytes.count
        var index = start + 2
        while index < count, !bytes[index].isHTMLSpace, bytes[index] != slash, bytes[index] != greaterThan { index += 1 }
        let name = lowercased(start + 2..<index)
        guard let close = find(greaterThan, from: index) else { return cutOff(at: start) }
        return (.endTag(name), close + 1)
    }

    /// A tag that the input ends inside: the rest of the input is text, so nothing is lost (and every
    /// byte is read once, however many `<` follow).
    private func cutOff(at start: Int) -> (token: HTMLToken, end: Int) { (.text(start..<bytes.count), bytes.count) }

    /// Past `-->` (or `--!>`); a comment left open runs to the end. `<!-->` and `<!--->` are empty comments.
    private func endOfComment(from start: Int) -> Int {
        let count = bytes.count
        if start < count, bytes[start] == greaterThan { return start + 1 }
        if start + 1 < count, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == greaterThan { return start + 2 }
        var index = start
        while let dashes = find("--", from: index) {
            let after = dashes + 2
            if after < count, bytes[after] == greaterThan { return after + 1 }
            if after + 1 < count, bytes[after] == UInt8(ascii: "!"), bytes[after + 1] == greaterThan { return after + 2 }
            index = dashes + 1
        }
        return count
    }

    /// Where `</name` (any case) followed by a space, `/` or `>` starts, or the end of the input.
    private func endOfRawText(named name: [UInt8], from start: Int) -> Int {
        let count = bytes.count
        var index = start
        while let open = find(lessThan, from: index) {
            let nameStart = open + 2
            let after = nameStart + name.count
            if after <= count, bytes[open + 1] == slash, (0..<name.count).allSatisfy({ bytes[nameStart + $0] | 0x20 == name[$0] }),
               after == count || bytes[after].isHTMLSpace || bytes[after] == slash || bytes[after] == greaterThan {
                return open
            }
            index = open + 1
        }
        return count
    }

    private func lowercased(_ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            for (offset, byte) in bytes[range].enumerated() {
                buffer[offset] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            }
            return range.count
        }
    }

    private func hasPrefix(_ prefix: StaticString, at start: Int, caseInsensitive: Bool = false) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard start + length <= bytes.count else { return false }
        let pattern = UnsafeBufferPointer(start: prefix.utf8Start, count: length)
        for offset in 0..<length {
            let byte = bytes[start + offset]
            if (caseInsensitive && byte.isASCIILetter ? byte | 0x20 : byte) != pattern[offset] { return false }
        }
        return true
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        if byte == greaterThan, start > lastGreaterThan { return nil }
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private func find(_ pattern: StaticString, from start: Int) -> Int? {
        let length = pattern.utf8CodeUnitCount
        let first = pattern.utf8Start.pointee
        var index = start
        while let candidate = find(first, from: index) {
            guard candidate + length <= bytes.count else { return nil }
            if hasPrefix(pattern, at: candidate) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
