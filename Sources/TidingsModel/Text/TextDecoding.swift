import Foundation
/// Recognizes binary files and decodes text with its byte-order mark (UTF-8, UTF-16 or UTF-32); invalid UTF-8
/// becomes U+FFFD.
public enum TextDecoding {
    /// True when the bytes look like a binary file rather than text (a NUL byte without a UTF-16 or UTF-32
    /// mark).
    public static func looksBinary(_ prefix: ArraySlice<UInt8>) -> Bool {
        if wideEncoding(prefix) != nil { return false }
        // memchr, not `contains`: every file read passes here.
        return prefix.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }
    }

    /// Whether bytes are binary though they hold no NUL (random bytes, a compressed file): more than one in
    /// twenty is a control character text never holds (tab, line ends, form feed and escape aside).
    public static func looksLikeNoText(_ prefix: ArraySlice<UInt8>) -> Bool {
        guard !prefix.isEmpty else { return false }
        let controls = prefix.lazy.filter { byte in
            switch byte {
            case 0x09, 0x0A, 0x0C, 0x0D, 0x1B: return false
            default: return byte < 0x20 || byte == 0x7F
            }
        }.count
        return controls * 20 > prefix.count
    }

    /// Decodes to a string; invalid UTF-8 becomes U+FFFD, a UTF-8, UTF-16 or UTF-32 byte-order mark is
    /// honoured.
    public static func decode(_ bytes: [UInt8]) -> String {
        if let wide = wideEncoding(bytes[...]) {
            func unit(at index: Int) -> UInt32 {
                var value: UInt32 = 0
                for offset in 0..<wide.width {
                    let byte = UInt32(bytes[index + (wide.bigEndian ? offset : wide.width - 1 - offset)])
                    value = value << 8 | byte
                }
                return value
            }
            let units = stride(from: wide.width, to: bytes.count - wide.width + 1, by: wide.width).map(unit(at:))
            if wide.width == 2 { return String(decoding: units.map { UInt16(truncatingIfNeeded: $0) }, as: UTF16.self) }
            return String(decoding: units, as: UTF32.self)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(decoding: bytes[3...], as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes as UTF-8: text with a UTF-16 or UTF-32 mark decoded, any other given back as it is.
    public static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        wideEncoding(bytes[...]) == nil ? bytes : Array(decode(bytes).utf8)
    }

    /// The width of a code unit (2 or 4 bytes) and the byte order a UTF-16 or UTF-32 byte-order mark names;
    /// nil when there is none. UTF-32's little-endian mark starts as UTF-16's does, and is looked for first.
    static func wideEncoding(_ bytes: ArraySlice<UInt8>) -> (width: Int, bigEndian: Bool)? {
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return (4, true) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return (4, false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (2, true) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (2, false) }
        return nil
    }
}
