import Foundation

/// Message-ID normalisation: the text between the first `<` and the next `>` (else the trimmed token),
/// whitespace and CR/LF removed, the part after the last `@` lowercased. Empty → nil.
public enum MessageIDs {
    public static func normalise(_ raw: Substring) -> String? {
        var copy = raw
        return copy.withUTF8 { normalise(bytes: $0[...]) }
    }

    /// Every `<...>` id in a References / In-Reply-To value, in order (In-Reply-To may carry comments and
    /// quoted phrases around the id: only `<...>` tokens count; when there are none, a single bare token
    /// containing `@` counts, else B News's bare ids, `eagle.642`).
    public static func all(in raw: Substring) -> [String] {
        var copy = raw
        return copy.withUTF8 { all(bytes: $0[...]) }
    }

    static func normalise<Bytes: Collection<UInt8>>(bytes raw: Bytes) -> String? where Bytes.Index == Int {
        // Written straight into the String's storage: ids are most of what an envelope allocates.
        let id = String(unsafeUninitializedCapacity: raw.count) { normalise(bytes: raw, into: $0) }
        return id.isEmpty ? nil : id
    }

    /// The normalised id written into `out` (room for as many bytes as `raw` has); returns its length, 0
    /// when it is empty.
    static func normalise<Bytes: Collection<UInt8>>(bytes raw: Bytes, into out: UnsafeMutableBufferPointer<UInt8>) -> Int
    where Bytes.Index == Int {
        var start = raw.startIndex, end = raw.endIndex
        if let open = raw.firstIndex(of: UInt8(ascii: "<")) {
            start = open + 1
            end = raw[start...].firstIndex(of: UInt8(ascii: ">")) ?? raw.endIndex
        }
        guard start < end else { return 0 }
        var at: Int?
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

    /// Whether `normalise` makes nothing of `raw` (nothing but whitespace where the id would be).
    static func normalisesToNothing<Bytes: Collection<UInt8>>(_ raw: Bytes) -> Bool where Bytes.Index == Int {
        var start = raw.startIndex, end = raw.endIndex
        if let open = raw.firstIndex(of: UInt8(ascii: "<")) {
            start = open + 1
            end = raw[start...].firstIndex(of: UInt8(ascii: ">")) ?? raw.endIndex
        }
        return start >= end || raw[start..<end].allSatisfy(HeaderBlockScanner.isWhitespace)
    }

    /// Calls `body` with the normalised id of `raw`, made in place on the stack (no string), unless it is
    /// empty.
    static func withNormalised<Bytes: Collection<UInt8>>(bytes raw: Bytes, _ body: (UnsafeBufferPointer<UInt8>) -> Void)
    where Bytes.Index == Int {
        // Most ids are already normal (no white space, the domain in lower case): passed on where they lie.
        let done: Bool? = raw.withContiguousStorageIfAvailable { bytes in
            guard let id = alreadyNormal(bytes) else { return false }
            if !id.isEmpty { body(id) }
            return true
        }
        if done == true { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, raw.count)) { out in
            let count = normalise(bytes: raw, into: out)
            if count > 0 { body(UnsafeBufferPointer(rebasing: out[..<count])) }
        }
    }

    /// The normalised id of `raw` when it is `raw`'s own bytes (what lies between `<` and `>`, or all of it,
    /// has no white space and no capital letter after its last `@`), else nil: it must be copied to be made.
    private static func alreadyNormal(_ raw: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let base = raw.baseAddress else { return raw }
        var start = 0, end = raw.count
        if let open = memchr(base, Int32(UInt8(ascii: "<")), raw.count) {
            start = base.distance(to: open.assumingMemoryBound(to: UInt8.self)) + 1
            end = memchr(base + start, Int32(UInt8(ascii: ">")), raw.count - start)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? raw.count
        }
        guard start < end else { return UnsafeBufferPointer(start: base, count: 0) }
        // Read once, by pointer (this runs for every id of every message an archive lists). Any byte up to
        // a space is taken for white space here: such an id is made the long way, which knows.
        var capitalAfterAt = false
        var pointer = base + start
        let last = base + end
        while pointer < last {
            let byte = pointer.pointee
            if byte <= 0x20 { return nil }
            if byte == UInt8(ascii: "@") {
                capitalAfterAt = false
            } else if byte &- 0x41 < 26 {
                capitalAfterAt = true
            }
            pointer += 1
        }
        return capitalAfterAt ? nil : UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// An id as B News wrote it before 2.10: a site name (a letter, then letters, digits, `-`, `_`), a dot and
    /// a number.
    static func isOldNewsID<Token: Collection<UInt8>>(_ token: Token) -> Bool where Token.Index == Int {
        var lastDot: Int?
        for index in token.indices where token[index] == UInt8(ascii: ".") { lastDot = index }
        guard let dot = lastDot, dot > token.startIndex, dot + 1 < token.endIndex, let first = token.first,
              (0x61...0x7A).contains(first | 0x20),
              token[(dot + 1)...].allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        return token[..<dot].allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    /// The ids of a References or In-Reply-To value: `<...>` tokens outside comments and quoted strings,
    /// else the first bare token with an `@`, else B News's bare ids (`isOldNewsID`).
    static func all<Bytes: Collection<UInt8>>(bytes raw: Bytes) -> [String] where Bytes.Index == Int {
        var ids: [String] = []
        forEachID(in: raw) { token in
            if let id = normalise(bytes: token) { ids.append(id) }
        }
        return ids
    }

    /// Calls `body` with each id token of a References or In-Reply-To value (as `all` reads them), not yet
    /// normalised.
    static func forEachID<Bytes: Collection<UInt8>>(in raw: Bytes, _ body: (Bytes.SubSequence) -> Void) where Bytes.Index == Int {
        var found = false
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "\"") {
                index = HeaderSyntax.skipCommentOrQuote(raw, at: index)
            } else if byte == UInt8(ascii: "<") {
                guard let close = raw[(index + 1)...].firstIndex(of: UInt8(ascii: ">")) else { break }
                let token = raw[index...close]
                // A token that normalises to nothing (`<>`) is no id.
                if !normalisesToNothing(token) {
                    found = true
                    body(token)
                }
                index = close + 1
            } else {
                index += 1
            }
        }
        if found { return }
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
            if hasAt, !normalisesToNothing(raw[index..<end]) {
                body(raw[index..<end])
                return
            }
            index = end
        }
        // B News before 2.10 wrote ids bare, a site and a number (`References: eagle.642 ucbvax.789`): each
        // token of that shape, when no other id is there.
        index = raw.startIndex
        while index < raw.endIndex {
            guard !HeaderBlockScanner.isWhitespace(raw[index]), raw[index] != UInt8(ascii: ",") else {
                index += 1
                continue
            }
            var end = index
            while end < raw.endIndex, !HeaderBlockScanner.isWhitespace(raw[end]), raw[end] != UInt8(ascii: ",") { end += 1 }
            if isOldNewsID(raw[index..<end]) { body(raw[index..<end]) }
            index = end
        }
    }
}
