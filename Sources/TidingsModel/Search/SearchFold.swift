import Foundation

/// How search compares letters regardless of case and of how accented letters were written (composed `é`,
/// or `e` and a combining accent as text from some systems has it: both are composed first): ASCII letters
/// by their lowercase, other characters by Unicode's lowercase mapping, except the few whose lowercase
/// holds an ASCII letter (the Kelvin sign `K`, `İ`), which match only themselves. That exception lets an
/// ASCII word be found in raw bytes by folding ASCII alone: no other character folds into ASCII, and UTF-8
/// never hides an ASCII byte inside another character.
public enum SearchFold {
    /// `text` folded, as UTF-8.
    public static func bytes(_ text: String) -> [UInt8] { fold(text, composed: false) }

    /// Folds in one pass; text found to have a mark to compose is composed and folded again (once: some
    /// marks stay apart, having no composed form).
    private static func fold(_ text: String, composed: Bool) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.append(lowerASCII(UInt8(scalar.value)))
                continue
            }
            if !composed, composesWithPrevious(scalar) { return fold(text.precomposedStringWithCanonicalMapping, composed: true) }
            let lower = scalar.properties.lowercaseMapping
            if lower.unicodeScalars.contains(where: \.isASCII) {
                result.append(contentsOf: String(scalar).utf8)
            } else {
                result.append(contentsOf: lower.utf8)
            }
        }
        return result
    }

    /// Whether the text has a mark that goes with the character before it (a combining accent, a
    /// conjoining Hangul vowel or final): only such text is composed, as composing costs more than folding.
    static func hasMarksToCompose(_ text: String) -> Bool {
        // Every such mark is U+0300 or above: its first UTF-8 byte is 0xCC or more.
        text.utf8.contains { $0 >= 0xCC } && text.unicodeScalars.contains(where: composesWithPrevious)
    }

    /// A mark composing may join to the character before it: those that belong to it, and the other
    /// extending marks (some vowel signs compose though they have no combining class).
    private static func composesWithPrevious(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x300 && (goesWithPrevious(scalar) || scalar.properties.isGraphemeExtend)
    }

    /// A mark that belongs to the letter before it (a combining accent, a Hangul vowel or final): a match
    /// ending just before one ends inside a letter. Not the joiners and selectors that only shape what is
    /// drawn (U+200C in Persian words, U+FE0F after an emoji): a word before one of them is whole.
    static func goesWithPrevious(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        if (0x1160...0x11FF).contains(scalar.value) { return true }
        return scalar.properties.canonicalCombiningClass != .notReordered
    }

    /// Whether the UTF-8 at `offset` of these bytes starts with such a mark (false past their end, or when
    /// they hold no whole character there).
    public static func markStarts(at offset: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard offset < bytes.count, bytes[offset] >= 0xCC else { return false }
        var iterator = bytes[offset..<min(bytes.count, offset + 4)].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return goesWithPrevious(scalar)
    }

    /// `text` folded, as a string (for the query's words as shown and compared).
    public static func string(_ text: String) -> String { String(decoding: bytes(text), as: UTF8.self) }

    /// An ASCII capital made small; any other byte as it is.
    @inline(__always)
    public static func lowerASCII(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
}
