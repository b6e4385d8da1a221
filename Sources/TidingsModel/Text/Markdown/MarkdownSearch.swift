/// Forward searches of the inline parser that remember what they found: the next backtick run of a
/// length, the next byte of a kind, where a link destination ends. Searches come in increasing order,
/// so each stretch of text is looked at about once even when thousands of marks are never closed.
struct MarkdownSearch {
    /// Runs of backticks by length: their starts, and how many of them are already behind the scan.
    private var backtickRuns: [Int: [Int]]?
    private var backtickCursor: [Int: Int] = [:]
    /// Per byte, a stretch `from..<found` known to hold none of it, `found` being the next one (or the end).
    private var nextFound: [UInt8: Stretch] = [:]

    private struct Stretch {
        var from: Int
        var found: Int
    }
    /// Where a link destination starting at each index ends, and whether it ends well; built on first use.
    private var destinationEnds: [Int] = []
    private var destinationFails: [Bool] = []

    /// The start of the first run of exactly `length` backticks at or after `start`.
    mutating func backtickRun(length: Int, after start: Int, in bytes: [UInt8]) -> Int? {
        if backtickRuns == nil {
            var runs: [Int: [Int]] = [:]
            var index = 0
            while index < bytes.count {
                guard bytes[index] == Byte.backtick else { index += 1; continue }
                let runStart = index
                while index < bytes.count, bytes[index] == Byte.backtick { index += 1 }
                runs[index - runStart, default: []].append(runStart)
            }
            backtickRuns = runs
        }
        guard let starts = backtickRuns?[length] else { return nil }
        var cursor = backtickCursor[length] ?? 0
        while cursor < starts.count, starts[cursor] < start { cursor += 1 }
        backtickCursor[length] = cursor
        return cursor < starts.count ? starts[cursor] : nil
    }

    /// The index of the next `byte` at or after `start`, if any.
    mutating func next(_ byte: UInt8, from start: Int, in bytes: [UInt8]) -> Int? {
        if let known = nextFound[byte], known.from <= start, start <= known.found {
            return known.found < bytes.count ? known.found : nil
        }
        var index = start
        var found = bytes.count
        while index < bytes.count {
            if bytes[index] == byte { found = index; break }
            // Reaching the known stretch from below: its answer holds from here too.
            if let known = nextFound[byte], index == known.from { found = known.found; break }
            index += 1
        }
        nextFound[byte] = Stretch(from: start, found: found)
        return found < bytes.count ? found : nil
    }

    /// `<https://…>` or `<mailto:…>` at `start`: the index of its `>`. No space, newline or `<` inside.
    mutating func autolink(at start: Int, in bytes: [UInt8]) -> Int? {
        guard let close = next(Byte.greater, from: start + 1, in: bytes) else { return nil }
        for stop in [Byte.space, Byte.newline, Byte.less] {
            if let found = next(stop, from: start + 1, in: bytes), found < close { return nil }
        }
        for scheme in ["http://", "https://", "mailto:"] {
            let prefix = Array(scheme.utf8)
            if close - start - 1 > prefix.count, prefix.indices.allSatisfy({ bytes[start + 1 + $0] | 0x20 == prefix[$0] }) { return close }
        }
        return nil
    }

    /// `url)`, `url "title")`, `<url>)` after a link's `](`: the destination and the index past the `)`.
    /// The destination's text is made only once the `)` is found, so failed attempts cost nothing.
    mutating func linkDestination(from start: Int, in bytes: [UInt8]) -> (url: String, end: Int)? {
        var index = Byte.skipSpaces(bytes, start, bytes.count)
        let url: Range<Int>
        if index < bytes.count, bytes[index] == Byte.less {
            guard let close = next(Byte.greater, from: index + 1, in: bytes) else { return nil }
            if let less = next(Byte.less, from: index + 1, in: bytes), less < close { return nil }
            url = index + 1..<close
            index = close + 1
        } else {
            if destinationEnds.isEmpty { buildDestinationEnds(bytes) }
            guard !destinationFails[index] else { return nil }
            url = index..<destinationEnds[index]
            index = url.upperBound
        }
        let afterURL = index
        index = Byte.skipSpaces(bytes, index, bytes.count)
        if index < bytes.count, index > afterURL, bytes[index] == Byte.quote || bytes[index] == Byte.apostrophe {
            guard let close = next(bytes[index], from: index + 1, in: bytes) else { return nil }
            index = Byte.skipSpaces(bytes, close + 1, bytes.count)
        }
        guard index < bytes.count, bytes[index] == Byte.closeParen else { return nil }
        return (HTMLEntities.decode(MarkdownInline.unescaped(bytes[url])), index + 1)
    }

    /// For every start, where a destination without `<>` ends: at whitespace, at a `)` that no `(` after
    /// the start opened, or at the end; it fails when a `(` is still open there. Built from the right in
    /// one pass, so a paragraph full of `](` costs no more than one with a single link.
    private mutating func buildDestinationEnds(_ bytes: [UInt8]) {
        let count = bytes.count
        destinationEnds = Array(repeating: count, count: count + 1)
        destinationFails = Array(repeating: false, count: count + 1)
        var index = count - 1
        while index >= 0 {
            let byte = bytes[index]
            if Byte.isWhitespace(byte) || byte == Byte.closeParen || byte < 0x20 {
                destinationEnds[index] = index
            } else if byte == Byte.backslash, index + 1 < count, Byte.isPunctuation(bytes[index + 1]) {
                destinationEnds[index] = index + 2 <= count ? destinationEnds[index + 2] : count
                destinationFails[index] = index + 2 <= count ? destinationFails[index + 2] : false
            } else if byte == Byte.openParen {
                let inner = destinationEnds[index + 1]
                if inner < count, bytes[inner] == Byte.closeParen, !destinationFails[index + 1] {
                    destinationEnds[index] = destinationEnds[inner + 1]
                    destinationFails[index] = destinationFails[inner + 1]
                } else {
                    destinationEnds[index] = inner
                    destinationFails[index] = true
                }
            } else {
                destinationEnds[index] = destinationEnds[index + 1]
                destinationFails[index] = destinationFails[index + 1]
            }
            index -= 1
        }
    }
}
