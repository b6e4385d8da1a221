/// Decodes the bytes of a mail part or of an encoded word in the charset it names. Never fails: what does
/// not decode becomes U+FFFD (or Windows-1252 for an unknown charset), and a note says so.
public enum MailCharsets {
    /// The text of `bytes` in `charset` (nil or empty: US-ASCII). `note` is set when the charset is unknown
    /// here and the bytes are not plain ASCII, or when the bytes do not fit the charset.
    public static func decode(_ bytes: ArraySlice<UInt8>, charset: String?) -> (text: String, note: String?) {
        decode(bytes, as: charset.map(MailCharset.named) ?? .ascii)
    }

    static func decode(_ bytes: ArraySlice<UInt8>, as charset: MailCharset) -> (text: String, note: String?) {
        switch charset {
        case .utf8:
            return (String(decoding: bytes, as: UTF8.self), nil)
        case .ascii:
            return (utf8OrWindows1252(bytes), nil)
        case .latin1:
            return (latin1(bytes), nil)
        case .singleByte(let table):
            return (singleByte(bytes, table.upperHalf), nil)
        case .shiftJIS:
            return JapaneseCharsets.shiftJIS(bytes)
        case .eucJP:
            return JapaneseCharsets.eucJP(bytes)
        case .iso2022JP:
            return JapaneseCharsets.iso2022JP(bytes)
        case .unknown(let name):
            let text = utf8OrWindows1252(bytes)
            return (text, isASCII(bytes) ? nil : "unknown charset \(name)")
        }
    }

    /// UTF-8 when the bytes are valid UTF-8 (plain ASCII included), else Windows-1252.
    static func utf8OrWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
        if isASCII(bytes) || isValidUTF8(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return singleByte(bytes, SingleByteTables.windows1252)
    }

    static func isASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.contains { $0 >= 0x80 }
    }

    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withContiguousStorageIfAvailable { TextBytes.isValidUTF8(buffer: $0) } ?? TextBytes.isValidUTF8(Array(bytes))
    }

    static func latin1(_ bytes: ArraySlice<UInt8>) -> String {
        if isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count &* 2)
        for byte in bytes { appendUTF8(UInt16(byte), to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    static func singleByte(_ bytes: ArraySlice<UInt8>, _ upperHalf: [UInt16]) -> String {
        if isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count &* 2)
        for byte in bytes {
            if byte < 0x80 { out.append(byte) } else { appendUTF8(upperHalf[Int(byte) &- 0x80], to: &out) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// UTF-8 of a scalar of the Basic Multilingual Plane (the tables hold no surrogates).
    static func appendUTF8(_ value: UInt16, to out: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(0xC0 | UInt8(value >> 6))
            out.append(0x80 | UInt8(value & 0x3F))
        default:
            out.append(0xE0 | UInt8(value >> 12))
            out.append(0x80 | UInt8((value >> 6) & 0x3F))
            out.append(0x80 | UInt8(value & 0x3F))
        }
    }
}
