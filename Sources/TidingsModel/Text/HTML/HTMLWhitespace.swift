/// How HTML text outside `<pre>` splits into words: runs of spaces, tabs, line breaks and no-break spaces
/// are one space; zero-width spaces and byte-order marks are nothing (Reddit writes `&#x200B;` in empty
/// paragraphs).
enum HTMLWhitespace {
    /// Calls `space` for each run of whitespace and `word` for each run of other bytes, in order.
    @inline(__always)
    static func split(_ bytes: [UInt8], _ range: Range<Int>, space: () -> Void, word: (Range<Int>) -> Void) {
        var index = range.lowerBound
        let end = range.upperBound
        var wordStart = index
        while index < end {
            let width = separatorWidth(bytes, index, end)
            if width == 0 {
                index += 1
                continue
            }
            if wordStart < index { word(wordStart..<index) }
            if width > 0 { space() }
            index += abs(width)
            wordStart = index
        }
        if wordStart < end { word(wordStart..<end) }
    }

    /// The byte length of a separator at `index`: positive for whitespace, negative for an invisible
    /// character that is dropped, 0 for anything else.
    @inline(__always)
    private static func separatorWidth(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte.isHTMLSpace ? 1 : 0 }
        switch byte {
        case 0xC2 where index + 1 < end && bytes[index + 1] == 0xA0: return 2  // U+00A0 no-break space
        case 0xE2 where index + 2 < end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x8B: return -3  // U+200B
        case 0xEF where index + 2 < end && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF: return -3  // U+FEFF
        default: return 0
        }
    }

    /// Whether the text needs no collapsing at all: no whitespace but single spaces between words.
    static func isCollapsed(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
        var previousWasSpace = false
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            if byte.isHTMLSpace || separatorWidth(bytes, index, bytes.count) != 0 { return false }
        }
        return true
    }
}
