/// How search compares letters regardless of case: ASCII letters by their lowercase, other characters by
/// Unicode's lowercase mapping, except the few whose lowercase holds an ASCII letter (the Kelvin sign `K`,
/// `İ`), which match only themselves. That exception lets an ASCII word be found in raw bytes by folding ASCII
/// alone: no other character folds into ASCII, and UTF-8 never hides an ASCII byte inside another character.
public enum SearchFold {
    /// `text` folded, as UTF-8.
    public static func bytes(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.append(lowerASCII(UInt8(scalar.value)))
                continue
            }
            let lower = scalar.properties.lowercaseMapping
            if lower.unicodeScalars.contains(where: \.isASCII) {
                result.append(contentsOf: String(scalar).utf8)
            } else {
                result.append(contentsOf: lower.utf8)
            }
        }
        return result
    }

    /// `text` folded, as a string (for the query's words as shown and compared).
    public static func string(_ text: String) -> String { String(decoding: bytes(text), as: UTF8.self) }

    /// An ASCII capital made small; any other byte as it is.
    @inline(__always)
    public static func lowerASCII(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
}
