import Foundation
/// Recognizes binary files and decodes text with its byte-order mark (UTF-8 or UTF-16); invalid UTF-8 becomes U+FFFD.
public enum TextDecoding {
    /// True when the bytes look like a binary file rather than text (a NUL byte without a UTF-16 mark).
    public static func looksBinary(_ prefix: ArraySlice<UInt8>) -> Bool {
        if utf16Endianness(prefix) != nil { return false }
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

    /// Decodes to a string; invalid UTF-8 becomes U+FFFD, a UTF-8 or UTF-16 byte-order mark is honoured.
    public static func decode(_ bytes: [UInt8]) -> String {
        if let bigEndian = utf16Endianness(bytes[...]) {
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = 2
            while index + 1 < bytes.count {
                let high = UInt16(bytes[index]), low = UInt16(bytes[index + 1])
                units.append(bigEndian ? high << 8 | low : low << 8 | high)
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(decoding: bytes[3...], as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// nil when there is no UTF-16 byte-order mark; true for big-endian, false for little-endian.
    static func utf16Endianness(_ bytes: ArraySlice<UInt8>) -> Bool? {
        guard bytes.count >= 2 else { return nil }
        let first = bytes[bytes.startIndex], second = bytes[bytes.startIndex + 1]
        if first == 0xFE && second == 0xFF { return true }
        if first == 0xFF && second == 0xFE { return false }
        return nil
    }
}
