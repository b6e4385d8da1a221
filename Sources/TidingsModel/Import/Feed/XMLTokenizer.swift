import Foundation

/// What the XML tokenizer found last.
enum XMLTokenKind: Sendable {
    case startTag
    case endTag
    /// Character data, references not yet decoded.
    case text
    /// The inside of `<![CDATA[ … ]]>`.
    case cdata
    case comment
    /// `<?target …?>`, the XML declaration included.
    case processingInstruction
    case doctype
    /// The end of the input (see `cut`).
    case end
}

/// An attribute as positions in the input: its name as written (`xml:base`) and its value without the
/// quotes, undecoded.
struct XMLAttribute: Sendable {
    var name: Range<Int>
    var value: Range<Int>
}

/// Splits XML bytes into tokens in one pass, without recursion, strings or failure: it only finds where
/// things are. Text is found with `memchr` for `<`, and the end of a CDATA section or comment with `memchr`
/// for its rarer closing byte, so content nobody reads costs little more than reading it. Malformed input
/// is taken leniently: a `<` that starts no tag is text; input that ends inside a tag, comment or CDATA
/// section ends the tokens with `cut` set.
struct XMLTokenizer {
    let bytes: [UInt8]
    let end: Int
    private(set) var position: Int

    private(set) var kind: XMLTokenKind = .end
    /// Where the token starts (its `<`, or its first byte of text).
    private(set) var tokenStart = 0
    /// A tag's name as written (`content:encoded`); a processing instruction's target.
    private(set) var name: Range<Int> = 0..<0
    /// Text, the inside of a CDATA section, comment or processing instruction, or a whole DOCTYPE.
    private(set) var content: Range<Int> = 0..<0
    /// A start tag ended with `/>`.
    private(set) var selfClosing = false
    /// A start tag's attributes (the same storage is reused for every tag).
    private(set) var attributes: [XMLAttribute] = []
    /// The input ended inside the last token.
    private(set) var cut = false
    /// The DOCTYPE declares entities (`<!ENTITY`), the stuff of entity-expansion bombs and external-entity
    /// reads.
    private(set) var doctypeDeclaresEntities = false
    /// The DOCTYPE refers to parameter entities (`%name;`), which pull declarations in from outside.
    private(set) var doctypeRefersToParameterEntities = false

    init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        let range = range ?? bytes.indices
        position = range.lowerBound
        end = min(range.upperBound, bytes.count)
    }

    /// Reads the next token.
    @discardableResult
    mutating func next() -> XMLTokenKind {
        selfClosing = false
        guard position < end else { return finish(cut: false) }
        tokenStart = position
        guard bytes[position] == lessThan else { return text(from: position) }
        let afterLess = position + 1
        guard afterLess < end else { return finish(cut: true) }
        switch bytes[afterLess] {
        case UInt8(ascii: "/"): return endTag()
        case UInt8(ascii: "?"): return processingInstruction()
        case UInt8(ascii: "!"): return declaration()
        case let byte where Self.isNameStart(byte): return startTag()
        default: return text(from: position)
        }
    }

    private mutating func finish(cut: Bool) -> XMLTokenKind {
        self.cut = self.cut || cut
        position = end
        kind = .end
        return .end
    }

    /// Text up to the next `<` (a `<` at `start` that starts no tag is part of it).
    private mutating func text(from start: Int) -> XMLTokenKind {
        let next = find(lessThan, from: start + 1) ?? end
        content = start..<next
        position = next
        kind = .text
        return .text
    }

    private mutating func endTag() -> XMLTokenKind {
        let nameStart = position + 2
        var index = nameStart
        while index < end, Self.isNameByte(bytes[index]) { index += 1 }
        name = nameStart..<index
        guard let close = find(greaterThan, from: index) else { return finish(cut: true) }
        position = close + 1
        kind = .endTag
        return .endTag
    }

    private mutating func processingInstruction() -> XMLTokenKind {
        let targetStart = position + 2
        var index = targetStart
        while index < end, Self.isNameByte(bytes[index]), bytes[index] != UInt8(ascii: "?") { index += 1 }
        name = targetStart..<index
        guard let close = find(UInt8(ascii: "?"), then: greaterThan, from: index) else { return finish(cut: true) }
        content = index..<close
        position = close + 2
        kind = .processingInstruction
        return .processingInstruction
    }

    /// `<!--`, `<![CDATA[`, `<!DOCTYPE`, or another `<!` (skipped to its `>` as a comment).
    private mutating func declaration() -> XMLTokenKind {
        let start = position + 2
        if has("--", at: start) {
            guard let close = commentEnd(from: start + 2) else { return finish(cut: true) }
            content = (start + 2)..<close
            position = close + 3
            kind = .comment
            return .comment
        }
        if has("[CDATA[", at: start) {
            let inside = start + 7
            var index = inside
            while true {
                guard let brackets = find(UInt8(ascii: "]"), then: UInt8(ascii: "]"), from: index) else { return finish(cut: true) }
                if brackets + 2 < end, bytes[brackets + 2] == greaterThan {
                    content = inside..<brackets
                    position = brackets + 3
                    kind = .cdata
                    return .cdata
                }
                guard brackets + 2 < end else { return finish(cut: true) }
                index = brackets + 1
            }
        }
        if hasIgnoringCase("DOCTYPE", at: start) { return doctype() }
        guard let close = find(greaterThan, from: start) else { return finish(cut: true) }
        content = start..<close
        position = close + 1
        kind = .comment
        return .comment
    }

    /// A DOCTYPE up to its closing `>`: quoted strings, comments and the internal subset in brackets are
    /// stepped over, and the subset is watched for entity declarations and parameter-entity references.
    private mutating func doctype() -> XMLTokenKind {
        var index = position + 9
        var inSubset = false
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let close = find(byte, from: index + 1) else { return finish(cut: true) }
                index = close + 1
                continue
            case UInt8(ascii: "[") where !inSubset:
                inSubset = true
            case UInt8(ascii: "]") where inSubset:
                inSubset = false
            case lessThan where inSubset && has("!--", at: index + 1):
                guard let close = commentEnd(from: index + 4) else { return finish(cut: true) }
                index = close + 3
                continue
            case lessThan where inSubset && hasIgnoringCase("!ENTITY", at: index + 1):
                doctypeDeclaresEntities = true
            case UInt8(ascii: "%") where inSubset && index + 1 < end && Self.isNameStart(bytes[index + 1]):
                doctypeRefersToParameterEntities = true
            case greaterThan where !inSubset:
                content = tokenStart..<(index + 1)
                position = index + 1
                kind = .doctype
                return .doctype
            default:
                break
            }
            index += 1
        }
        return finish(cut: true)
    }

    /// A start tag with its attributes. Stray bytes between attributes are stepped over; a `<` inside the
    /// tag ends it there (the tag was never closed).
    private mutating func startTag() -> XMLTokenKind {
        let nameStart = position + 1
        var index = nameStart
        while index < end, Self.isNameByte(bytes[index]) { index += 1 }
        name = nameStart..<index
        if !attributes.isEmpty { attributes.removeAll(keepingCapacity: true) }
        while true {
            while index < end, Self.isSpace(bytes[index]) { index += 1 }
            guard index < end else { return finish(cut: true) }
            let byte = bytes[index]
            if byte == greaterThan {
                index += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                if index + 1 < end, bytes[index + 1] == greaterThan {
                    selfClosing = true
                    index += 2
                    break
                }
                index += 1
                continue
            }
            if byte == lessThan { break }
            let attributeStart = index
            while index < end, Self.isNameByte(bytes[index]) { index += 1 }
            guard index > attributeStart else {
                index += 1
                continue
            }
            let attributeName = attributeStart..<index
            while index < end, Self.isSpace(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: "=") else {
                attributes.append(XMLAttribute(name: attributeName, value: index..<index))
                continue
            }
            index += 1
            while index < end, Self.isSpace(bytes[index]) { index += 1 }
            guard index < end else { return finish(cut: true) }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = find(quote, from: index + 1) else { return finish(cut: true) }
                attributes.append(XMLAttribute(name: attributeName, value: (index + 1)..<close))
                index = close + 1
            } else {
                let valueStart = index
                while index < end, !Self.isSpace(bytes[index]), bytes[index] != greaterThan { index += 1 }
                attributes.append(XMLAttribute(name: attributeName, value: valueStart..<index))
            }
        }
        position = index
        kind = .startTag
        return .startTag
    }

    /// Where the `-->` that ends a comment starts, searching from `from`.
    private func commentEnd(from: Int) -> Int? {
        var index = from
        while let dashes = find(UInt8(ascii: "-"), then: UInt8(ascii: "-"), from: index) {
            guard dashes + 2 < end else { return nil }
            if bytes[dashes + 2] == greaterThan { return dashes }
            index = dashes + 1
        }
        return nil
    }

    // MARK: Bytes

    private let lessThan = UInt8(ascii: "<")
    private let greaterThan = UInt8(ascii: ">")

    /// The first `byte` at or after `from`, before `end`.
    func find(_ byte: UInt8, from: Int) -> Int? {
        guard from < end else { return nil }
        return bytes.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let found = memchr(base + from, Int32(byte), end - from) else { return nil }
            return UnsafeRawPointer(found) - base
        }
    }

    /// The first `first` directly followed by `second`, at or after `from`.
    func find(_ first: UInt8, then second: UInt8, from: Int) -> Int? {
        var index = from
        while let found = find(first, from: index) {
            guard found + 1 < end else { return nil }
            if bytes[found + 1] == second { return found }
            index = found + 1
        }
        return nil
    }

    private func has(_ text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index >= 0, index + count <= end else { return false }
        let pattern = UnsafeBufferPointer(start: text.utf8Start, count: count)
        return bytes[index..<(index + count)].elementsEqual(pattern)
    }

    private func hasIgnoringCase(_ text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index >= 0, index + count <= end else { return false }
        let pattern = UnsafeBufferPointer(start: text.utf8Start, count: count)
        return zip(bytes[index..<(index + count)], pattern).allSatisfy { $0 == $1 || ($0 | 0x20 == $1 | 0x20 && $1.isASCIILetter) }
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// Whether a tag name may start with the byte: a letter, `_`, `:` or any non-ASCII byte.
    static func isNameStart(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    /// Whether the byte may be part of a name (leniently: anything but space and the bytes that end names).
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x0A, 0x09, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "="),
             UInt8(ascii: "\""), UInt8(ascii: "'"):
            return false
        default:
            return true
        }
    }
}
