/// Message-ID normalisation: the text between the first `<` and the next `>` (else the trimmed token),
/// whitespace and CR/LF removed, the part after the last `@` lowercased. Empty → nil.
public enum MessageIDs {
    public static func normalise(_ raw: Substring) -> String? {
        var copy = raw
        return copy.withUTF8 { normalise(bytes: $0[...]) }
    }

    /// Every `<...>` id in a References / In-Reply-To value, in order (In-Reply-To may carry comments and
    /// quoted phrases around the id: only `<...>` tokens count; when there are none, a single bare token
    /// containing `@` counts).
    public static func all(in raw: Substring) -> [String] {
        var copy = raw
        return copy.withUTF8 { all(bytes: $0[...]) }
    }

    static func normalise<Bytes: Collection<UInt8>>(bytes raw: Bytes) -> String? where Bytes.Index == Int {
        var start = raw.startIndex, end = raw.endIndex
        if let open = raw.firstIndex(of: UInt8(ascii: "<")) {
            start = open + 1
            end = raw[start...].firstIndex(of: UInt8(ascii: ">")) ?? raw.endIndex
        }
        // Written straight into the String's storage: ids are most of what an envelope allocates.
        var at: Int?
        let id = String(unsafeUninitializedCapacity: max(end - start, 0)) { out in
            var count = 0
            for byte in raw[start..<end] where !HeaderBlockScanner.isWhitespace(byte) {
                if byte == UInt8(ascii: "@") { at = count }
                out[count] = byte
                count += 1
            }
            if let at {
                for index in at..<count where out[index] >= 0x41 && out[index] <= 0x5A { out[index] |= 0x20 }
            }
            return count
        }
        return id.isEmpty ? nil : id
    }

    /// The ids of a References or In-Reply-To value: `<...>` tokens outside comments and quoted strings,
    /// else the first bare token with an `@`.
    static func all<Bytes: Collection<UInt8>>(bytes raw: Bytes) -> [String] where Bytes.Index == Int {
        var ids: [String] = []
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "\"") {
                index = HeaderSyntax.skipCommentOrQuote(raw, at: index)
            } else if byte == UInt8(ascii: "<") {
                guard let close = raw[(index + 1)...].firstIndex(of: UInt8(ascii: ">")) else { break }
                if let id = normalise(bytes: raw[index...close]) { ids.append(id) }
                index = close + 1
            } else {
                index += 1
            }
        }
        if !ids.isEmpty { return ids }
        index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "\"") {
                index = HeaderSyntax.skipCommentOrQuote(raw, at: index)
                continue
            }
            if HeaderBlockScanner.isWhitespace(byte) || byte == UInt8(ascii: ",") {
                index += 1
                continue
            }
            var end = index
            var hasAt = false
            while end < raw.endIndex, !HeaderBlockScanner.isWhitespace(raw[end]), raw[end] != UInt8(ascii: ","),
                  raw[end] != UInt8(ascii: "("), raw[end] != UInt8(ascii: "\"") {
                if raw[end] == UInt8(ascii: "@") { hasAt = true }
                end += 1
            }
            if hasAt, let id = normalise(bytes: raw[index..<end]) { return [id] }
            index = end
        }
        return []
    }
}
