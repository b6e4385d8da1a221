import Foundation

/// Shift_JIS, EUC-JP and ISO-2022-JP through Foundation's converters. Foundation on Linux converts
/// Shift_JIS and ISO-2022-JP but not EUC-JP, so EUC-JP is rewritten to Shift_JIS first (the two encode the
/// same JIS X 0208 rows by arithmetic). Foundation gives up on a whole text for one bad byte, so bad
/// sequences are cut out and shown as U+FFFD, with a note.
enum JapaneseCharsets {
    /// Stands for a sequence that has no Shift_JIS form: never valid in Shift_JIS, so it decodes to U+FFFD.
    private static let invalid: UInt8 = 0xFF

    static func shiftJIS(_ bytes: ArraySlice<UInt8>) -> (text: String, note: String?) {
        if let text = String(bytes: bytes, encoding: .shiftJIS) { return (text, nil) }
        return shiftJISByPieces(bytes, name: "Shift_JIS")
    }

    static func eucJP(_ bytes: ArraySlice<UInt8>) -> (text: String, note: String?) {
        if MailCharsets.isASCII(bytes) { return (String(decoding: bytes, as: UTF8.self), nil) }
        let sjis = shiftJISBytes(fromEUCJP: bytes)
        if !sjis.contains(invalid), let text = String(bytes: sjis, encoding: .shiftJIS) { return (text, nil) }
        return shiftJISByPieces(sjis[...], name: "EUC-JP")
    }

    static func iso2022JP(_ bytes: ArraySlice<UInt8>) -> (text: String, note: String?) {
        if let text = String(bytes: bytes, encoding: .iso2022JP) { return (text, nil) }
        // Refused whole for one fault: decoded run by run, the fault U+FFFD and the rest kept.
        let decoded = ISO2022JPRuns.decode(bytes)
        return (decoded.text, decoded.damaged ? "invalid ISO-2022-JP text" : nil)
    }

    /// Decodes runs of well-formed Shift_JIS; a malformed byte, or a character Foundation refuses, is U+FFFD.
    private static func shiftJISByPieces(_ bytes: ArraySlice<UInt8>, name: String) -> (text: String, note: String?) {
        var text = ""
        var run: [UInt8] = []
        func flush() {
            guard !run.isEmpty else { return }
            if let decoded = String(bytes: run, encoding: .shiftJIS) {
                text += decoded
            } else {
                var index = 0
                while index < run.count {
                    let length = characterLength(run[index], index + 1 < run.count ? run[index + 1] : nil)
                    let end = min(run.count, index + max(length, 1))
                    text += String(bytes: run[index..<end], encoding: .shiftJIS) ?? "\u{FFFD}"
                    index = end
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let next = index + 1 < bytes.endIndex ? bytes[index + 1] : nil
            let length = characterLength(bytes[index], next)
            if length == 0 {
                flush()
                text += "\u{FFFD}"
                index += 1
            } else {
                run.append(contentsOf: bytes[index..<index + length])
                index += length
            }
        }
        flush()
        return (text, "invalid \(name) text")
    }

    /// 1 or 2 for a well-formed Shift_JIS character starting with `lead`, 0 for a malformed byte.
    private static func characterLength(_ lead: UInt8, _ trail: UInt8?) -> Int {
        switch lead {
        case 0x00..<0x80, 0xA1...0xDF:
            return 1
        case 0x81...0x9F, 0xE0...0xFC:
            guard let trail, (0x40...0x7E).contains(trail) || (0x80...0xFC).contains(trail) else { return 0 }
            return 2
        default:
            return 0
        }
    }

    /// EUC-JP rewritten as Shift_JIS: JIS X 0208 pairs by arithmetic, half-width katakana (SS2) as single
    /// bytes, anything else (JIS X 0212 after SS3, stray bytes) as `invalid`.
    private static func shiftJISBytes(fromEUCJP bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next: UInt8? = index + 1 < bytes.endIndex ? bytes[index + 1] : nil
            if byte < 0x80 {
                out.append(byte)
                index += 1
            } else if byte == 0x8E, let next, (0xA1...0xDF).contains(next) {
                out.append(next)
                index += 2
            } else if byte == 0x8F {
                // JIS X 0212 has no Shift_JIS form: its two bytes (if present) go with it.
                out.append(invalid)
                var skip = 1
                while skip < 3, index + skip < bytes.endIndex, bytes[index + skip] >= 0xA1, bytes[index + skip] != 0xFF { skip += 1 }
                index += skip
            } else if (0xA1...0xFE).contains(byte), let next, (0xA1...0xFE).contains(next) {
                let row = byte - 0x80, cell = next - 0x80
                var lead = ((row - 0x21) >> 1) + 0x81
                if lead > 0x9F { lead += 0x40 }
                var trail: UInt8
                if row & 1 == 1 {
                    trail = cell + 0x1F
                    if trail >= 0x7F { trail += 1 }
                } else {
                    trail = cell + 0x7E
                }
                out.append(lead)
                out.append(trail)
                index += 2
            } else {
                out.append(invalid)
                index += 1
            }
        }
        return out
    }
}
