import Foundation

/// Brings file bytes to one shape the parsers can scan without decoding: UTF-8 without a byte-order mark,
/// LF line ends only, invalid sequences replaced by U+FFFD. Most files already are; they are not copied.
public enum TextBytes {
    /// Bytes that say nothing: spaces, tabs and line breaks alone, after a UTF-8 byte-order mark if any.
    public static func isBlank<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...])
            .allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// The normalized bytes, or nil when `bytes` can be used as they are.
    public static func normalized(_ bytes: [UInt8]) -> [UInt8]? {
        if TextDecoding.wideEncoding(bytes[...]) != nil || bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return lineFeedsOnly(Array(TextDecoding.decode(bytes).utf8))
        }
        if !isValidUTF8(bytes) {
            // Text with no valid UTF-8 sequence at all is an older 8-bit encoding: read it as Windows-1252
            // (Latin-1 plus printable characters in 0x80–0x9F). Otherwise bad sequences become U+FFFD.
            let decoded = hasValidMultibyteSequence(bytes) ? String(decoding: bytes, as: UTF8.self) : windows1252(bytes)
            return lineFeedsOnly(Array(decoded.utf8))
        }
        let hasCarriageReturn = bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0x0D, raw.count) != nil } ?? false }
        return hasCarriageReturn ? lineFeedsOnly(bytes) : nil
    }

    static func hasValidMultibyteSequence(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 0
            if length > 0, index + length <= bytes.count, isValidUTF8(Array(bytes[index..<index + length])) { return true }
            index += 1
        }
        return false
    }

    static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? cp1252High[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// CRLF and lone CR become LF.
    static func lineFeedsOnly(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                out.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    /// Strict UTF-8 validation with an eight-bytes-at-a-time path for ASCII runs.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8(buffer: $0) }
    }

    /// `isValidUTF8` over bytes in place (a slice of a message, say).
    static func isValidUTF8(buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(buffer)
        let count = raw.count
        var index = 0
        while index < count {
            if index + 8 <= count,
               raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = raw[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            var value: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(lead & 0x07)
            default: return false
            }
            guard index + length <= count else { return false }
            for offset in 1..<length {
                let next = raw[index + offset]
                guard next & 0xC0 == 0x80 else { return false }
                value = value << 6 | UInt32(next & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return false }
            minimum = 0
            index += length
        }
        return true
    }
}
