import TidingsModel

/// How many terminal cells text takes: 2 for East Asian wide characters and emoji, 0 for invisible ones.
public enum DisplayWidth {
    /// Cells one grapheme cluster occupies. A cluster that is only combining marks is drawn on a space: 1.
    /// An emoji sequence drawn as its parts (`ClusterParts`) takes theirs.
    public static func of(_ character: Character) -> Int {
        guard let parts = ClusterParts.of(character) else { return whole(character) }
        return parts.reduce(0) { $0 + whole($1) }
    }

    /// Cells a cluster drawn whole occupies.
    static func whole(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F { return first.value < 0x20 ? 0 : 1 }
        if isWide(first) { return 2 }
        let properties = first.properties
        if properties.isEmojiPresentation { return 2 }
        if properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        switch properties.generalCategory {
        case .format, .control, .lineSeparator, .paragraphSeparator:
            return scalars.count == 1 ? 0 : 1
        default:
            return 1
        }
    }

    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15), outside the emoji that `isEmojiPresentation` covers.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x1100 { return false }
        for range in wideRanges {
            if value < range.lowerBound { return false }
            if value <= range.upperBound { return true }
        }
        return false
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F200...0x1F202, 0x1F210...0x1F23B,
        0x1F240...0x1F248, 0x1F250...0x1F251, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
