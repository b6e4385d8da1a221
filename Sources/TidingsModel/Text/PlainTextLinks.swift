/// The addresses written in plain text (mail and news) that the reader can open: `http://…`, `https://…`,
/// `www.…` and `mailto:…`
/// at the start of a word, in the order they come, each once, as urlview finds them for mutt. Trailing
/// punctuation (`.`, `,`, `)` without its `(`) and the `<…>` or quotes around an address are not part of it.
public enum PlainTextLinks {
    /// At most this many are listed (hostile text of a million addresses lists the first ones).
    static let maximumCount = 500

    /// `blocks` with each address in their text made a run of its own that links to it, numbered in order,
    /// an address written twice linking to one number: the reader shows the number where the address
    /// stands, as it does an HTML link's. Tables and code keep their text as it is.
    public static func marked(_ blocks: [StoryBody.Block]) -> StoryBody {
        marked(StoryBody(blocks: blocks))
    }

    /// `body` with the addresses written in its text outside its links (a feed's HTML that names an address
    /// without making it a link) made links too, numbered after the body's own; an address that is one of
    /// them already takes its number.
    public static func marked(_ body: StoryBody) -> StoryBody {
        var links = body.links
        var numbers: [String: Int] = [:]
        for (index, link) in links.enumerated() where numbers[link] == nil { numbers[link] = index }
        let limit = links.count + maximumCount
        let marked = body.blocks.map { block -> StoryBody.Block in
            guard block.kind != .table, block.kind != .code else { return block }
            var runs: [StoryBody.Run] = []
            for run in block.runs {
                guard run.link == nil, run.emphasis != .code, mayHoldAddress(run.text) else {
                    runs.append(run)
                    continue
                }
                let bytes = Array(run.text.utf8)
                var done = 0
                forEachAddress(in: bytes) { range, url in
                    var number = numbers[url]
                    if number == nil, links.count < limit {
                        number = links.count
                        numbers[url] = links.count
                        links.append(url)
                    }
                    guard let number else { return false }
                    if range.lowerBound > done {
                        runs.append(StoryBody.Run(String(decoding: bytes[done..<range.lowerBound], as: UTF8.self), emphasis: run.emphasis))
                    }
                    runs.append(StoryBody.Run(String(decoding: bytes[range], as: UTF8.self), emphasis: run.emphasis, link: number))
                    done = range.upperBound
                    return true
                }
                if done == 0 {
                    runs.append(run)
                } else if done < bytes.count {
                    runs.append(StoryBody.Run(String(decoding: bytes[done...], as: UTF8.self), emphasis: run.emphasis))
                }
            }
            var result = block
            result.runs = runs
            return result
        }
        return StoryBody(blocks: marked, links: links)
    }

    /// A cheap look for what every address has, before the text is read byte by byte.
    private static func mayHoldAddress(_ text: String) -> Bool {
        text.contains("://") || text.contains("www.") || text.contains("WWW.") || text.contains("mailto:")
    }

    /// Calls `body` with each address in `bytes`, in order: where it stands and what it opens (`www.` ones as
    /// `http://www.…`). `body` returns false to stop.
    private static func forEachAddress(in bytes: [UInt8], _ body: (Range<Int>, String) -> Bool) {
        // Escape sequences are shown as one ␛ (`UntrustedText`): an address inside one (an OSC 8 hyperlink's
        // target) is never on screen, so it is no link; nor does an address run on into one.
        var hidden = escapeSequences(in: bytes)[...]
        var index = 0
        // Where a sequence ended: shown as ␛, it ends a word as a space does.
        var afterSequence = -1
        while index < bytes.count {
            while let first = hidden.first, first.upperBound <= index { hidden = hidden.dropFirst() }
            if let first = hidden.first, first.contains(index) {
                index = first.upperBound
                afterSequence = index
                continue
            }
            guard index == 0 || index == afterSequence || startsWord(after: bytes[index - 1]), var end = urlEnd(bytes, at: index) else {
                index += 1
                continue
            }
            if let first = hidden.first, first.lowerBound < end {
                guard let cut = urlEnd(Array(bytes[..<first.lowerBound]), at: index) else {
                    index = first.upperBound
                    continue
                }
                end = cut
            }
            var url = String(decoding: bytes[index..<end], as: UTF8.self)
            if url.lowercased().hasPrefix("www.") { url = "http://" + url }
            guard body(index..<end, url) else { return }
            index = end
        }
    }

    /// The byte ranges of the escape sequences in `bytes` (ESC or a C1 introducer to their end, as
    /// `UntrustedText` reads them); none, without a byte that starts one.
    private static func escapeSequences(in bytes: [UInt8]) -> [Range<Int>] {
        guard bytes.contains(where: { $0 == 0x1B || $0 == 0xC2 }) else { return [] }
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var offset = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        var ranges: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            guard [0x1B, 0x9B, 0x9D, 0x90, 0x98, 0x9E, 0x9F].contains(scalar.value) else { continue }
            let end = UntrustedText.endOfEscapeSequence(scalars, introducer: scalar, after: index)
            ranges.append(offsets[index - 1]..<offsets[max(index, end)])
            index = max(index, end)
        }
        return ranges
    }

    /// Only what a link may open (`LinkCheck`: web and mail addresses): an `ftp://` address would be listed
    /// only to be refused.
    private static let schemes: [[UInt8]] = ["http://", "https://", "www.", "mailto:"].map { Array($0.utf8) }

    /// An address starts after a space, a line break or punctuation, not inside a word or a path.
    private static func startsWord(after byte: UInt8) -> Bool {
        byte < 0x80 && !(byte >= 0x30 && byte <= 0x39) && !((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
            && byte != UInt8(ascii: "/") && byte != UInt8(ascii: ".") && byte != UInt8(ascii: "@") && byte != UInt8(ascii: "-")
    }

    /// The end of the address starting at `start`, nil when none starts there.
    /// The scalar whose UTF-8 starts at `index`, and its length; nil for bytes that are not one.
    private static func scalar(in bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, index + length <= bytes.count else { return nil }
        var decoded = String(decoding: bytes[index..<(index + length)], as: UTF8.self).unicodeScalars.makeIterator()
        guard let scalar = decoded.next(), scalar.value != 0xFFFD, decoded.next() == nil else { return nil }
        return (scalar, length)
    }

    private static func urlEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        guard let scheme = schemes.first(where: { scheme in
            start + scheme.count < bytes.count && scheme.indices.allSatisfy { bytes[start + $0] | 0x20 == scheme[$0] }
        }) else { return nil }
        var end = start + scheme.count
        var opens = 0, closes = 0
        while end < bytes.count {
            let byte = bytes[end]
            // Space and controls end it, as do the marks that enclose addresses in text, and a `[`: the
            // writer's footnote (`https://example.org/a[2]`), or the reader's number after it. (An IPv6
            // host's `[` comes right after the scheme.)
            if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "|")
                || (byte == UInt8(ascii: "[") && end > start + scheme.count) { break }
            // So does a character that is not seen: an invisible or bidi one, a space other than ASCII's, one
            // of private use (the screen shows none of them, and a link must be what the screen shows).
            if byte >= 0x80, let (scalar, length) = scalar(in: bytes, at: end) {
                if UntrustedText.isInvisibleOrDirectional(scalar) || scalar.properties.isWhitespace
                    || scalar.properties.generalCategory == .privateUse { break }
                end += length
                continue
            }
            if byte == UInt8(ascii: "(") { opens += 1 } else if byte == UInt8(ascii: ")") { closes += 1 }
            end += 1
        }
        while end > start + scheme.count {
            let last = bytes[end - 1]
            if last == UInt8(ascii: ")"), closes > opens {
                closes -= 1
            } else if !".,:;!?'*_~]".utf8.contains(last) {
                break
            }
            end -= 1
        }
        // A scheme alone (`http://`), or `www.` with nothing after, is no address.
        return end > start + scheme.count ? end : nil
    }
}
