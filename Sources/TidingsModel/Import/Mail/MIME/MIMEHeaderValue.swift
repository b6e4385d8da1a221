/// A structured MIME header value, `token; name=value; name="quoted value"`, as in Content-Type and
/// Content-Disposition. Parameters follow RFC 2231 too (`name*=charset'lang'%XX`, `name*0*=`, `name*1=`
/// continuations). Lenient: comments are skipped, a missing `;` between parameters is tolerated.
struct MIMEHeaderValue {
    /// The leading token, lowercased (`text/plain`, `attachment`); empty when there is none.
    var token: String
    /// Plain parameters by lowercased name: the raw bytes of the value, quotes and escapes removed.
    private var plain: [String: [UInt8]] = [:]
    /// RFC 2231 sections by lowercased base name: (section number or nil, is percent-encoded, raw bytes).
    private var extended: [String: [(section: Int?, encoded: Bool, value: [UInt8])]] = [:]

    init(_ raw: [UInt8]) {
        var index = Self.skipSpaceAndComments(raw, from: 0)
        let tokenStart = index
        while index < raw.count, raw[index] != UInt8(ascii: ";"), !HeaderBlockScanner.isWhitespace(raw[index]),
              raw[index] != UInt8(ascii: "(") {
            index += 1
        }
        token = String(decoding: raw[tokenStart..<index], as: UTF8.self).lowercased()
        while index < raw.count {
            index = Self.skipSpaceAndComments(raw, from: index)
            if index < raw.count, raw[index] == UInt8(ascii: ";") {
                index += 1
                continue
            }
            guard index < raw.count else { break }
            // A parameter name, up to `=`.
            let nameStart = index
            while index < raw.count, raw[index] != UInt8(ascii: "="), raw[index] != UInt8(ascii: ";"),
                  !HeaderBlockScanner.isWhitespace(raw[index]) {
                index += 1
            }
            let nameEnd = index
            index = Self.skipSpaceAndComments(raw, from: index)
            guard index < raw.count, raw[index] == UInt8(ascii: "="), nameEnd > nameStart else {
                // No value: skip to the next `;`.
                while index < raw.count, raw[index] != UInt8(ascii: ";") { index += 1 }
                continue
            }
            index = Self.skipSpaceAndComments(raw, from: index + 1)
            var value: [UInt8] = []
            if index < raw.count, raw[index] == UInt8(ascii: "\"") {
                let end = HeaderSyntax.skipCommentOrQuote(raw, at: index)
                value = HeaderSyntax.unescapedContents(raw, from: index, to: end)
                index = end
            } else {
                let valueStart = index
                while index < raw.count, raw[index] != UInt8(ascii: ";"), !HeaderBlockScanner.isWhitespace(raw[index]),
                      raw[index] != UInt8(ascii: "(") {
                    index += 1
                }
                value = Array(raw[valueStart..<index])
            }
            add(name: raw[nameStart..<nameEnd], value: value)
        }
    }

    private mutating func add(name: ArraySlice<UInt8>, value: [UInt8]) {
        var lowered = Array(name)
        for position in lowered.indices where lowered[position] >= 0x41 && lowered[position] <= 0x5A { lowered[position] |= 0x20 }
        guard let star = lowered.firstIndex(of: UInt8(ascii: "*")) else {
            let key = String(decoding: lowered, as: UTF8.self)
            if plain[key] == nil { plain[key] = value }
            return
        }
        let base = String(decoding: lowered[..<star], as: UTF8.self)
        // `name*` (encoded), `name*N` (a plain section), `name*N*` (an encoded section).
        var digits = lowered[(star + 1)...]
        let encoded = digits.isEmpty || digits.last == UInt8(ascii: "*")
        if digits.last == UInt8(ascii: "*") { digits = digits.dropLast() }
        var section: Int?
        if !digits.isEmpty {
            // The section number is bounded: no real value has a thousand pieces.
            guard digits.count <= 3, digits.allSatisfy(MailDates.isDigit) else { return }
            section = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        extended[base, default: []].append((section, encoded, value))
    }

    private static func skipSpaceAndComments(_ raw: [UInt8], from start: Int) -> Int {
        var index = start
        while index < raw.count {
            if HeaderBlockScanner.isWhitespace(raw[index]) {
                index += 1
            } else if raw[index] == UInt8(ascii: "(") {
                index = HeaderSyntax.skipCommentOrQuote(raw, at: index)
            } else {
                break
            }
        }
        return index
    }

    /// A parameter's raw bytes (for a boundary, which is compared byte for byte).
    func raw(_ name: String) -> [UInt8]? { plain[name] }

    /// A parameter as text lowercased (charset, format, delsp), or nil.
    func lowercased(_ name: String) -> String? {
        if let value = plain[name] { return String(decoding: value, as: UTF8.self).lowercased() }
        return text(name)?.lowercased()
    }

    /// A parameter as text: the RFC 2231 form when present (its pieces joined, percent escapes decoded in
    /// the charset it names), else the plain value with RFC 2047 words decoded.
    func text(_ name: String) -> String? {
        if let pieces = extended[name], !pieces.isEmpty {
            let ordered = pieces.enumerated().sorted { left, right in
                (left.element.section ?? -1, left.offset) < (right.element.section ?? -1, right.offset)
            }.map(\.element)
            var bytes: [UInt8] = []
            var charset: String?
            for (position, piece) in ordered.enumerated() {
                var value = piece.value[...]
                if position == 0, piece.encoded {
                    // `charset'language'` before the first encoded piece.
                    let quotes = value.indices.filter { value[$0] == UInt8(ascii: "'") }.prefix(2)
                    if quotes.count == 2, let first = quotes.first, let second = quotes.last {
                        charset = String(decoding: value[value.startIndex..<first], as: UTF8.self)
                        value = value[(second + 1)...]
                    }
                }
                if piece.encoded { bytes.append(contentsOf: Self.percentDecoded(value)) } else { bytes.append(contentsOf: value) }
            }
            if let charset, !charset.isEmpty { return MailCharsets.decode(bytes[...], charset: charset).text }
            return EncodedWords.decode(bytes[...])
        }
        guard let value = plain[name] else { return nil }
        return EncodedWords.decode(value[...])
    }

    private static func percentDecoded(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        var index = value.startIndex
        while index < value.endIndex {
            if value[index] == UInt8(ascii: "%"), index + 2 < value.endIndex,
               let high = hex(value[index + 1]), let low = hex(value[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(value[index])
                index += 1
            }
        }
        return out
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
