import Foundation

/// ISO-2022-JP decoded run by run, for text Foundation refuses whole (a stray byte, an escape of another
/// kind, a run cut short, a writer that forgot `ESC ( B`): each run of two-byte characters between its
/// escapes is decoded on its own, so a fault costs only itself.
enum ISO2022JPRuns {
    enum Mode { case ascii, twoByte, katakana }

    /// The character set an ISO-2022-JP designation at `index` switches to (`ESC $ B`, `ESC $ @`: JIS X 0208;
    /// `ESC ( B`, `ESC ( J`: ASCII; `ESC ( I`: half-width katakana), nil for any other bytes. Each is three
    /// bytes long.
    static func designation<Bytes: Collection<UInt8>>(in bytes: Bytes, at index: Int) -> Mode? where Bytes.Index == Int {
        guard bytes[index] == 0x1B, index + 2 < bytes.endIndex else { return nil }
        let first = bytes[index + 1], second = bytes[index + 2]
        if first == UInt8(ascii: "$"), second == UInt8(ascii: "B") || second == UInt8(ascii: "@") { return .twoByte }
        if first == UInt8(ascii: "("), second == UInt8(ascii: "B") || second == UInt8(ascii: "J") { return .ascii }
        if first == UInt8(ascii: "("), second == UInt8(ascii: "I") { return .katakana }
        return nil
    }

    /// The text, and whether anything in it was not ISO-2022-JP (shown as U+FFFD).
    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> (text: String, damaged: Bool) where Bytes.Index == Int {
        var text = ""
        text.reserveCapacity(bytes.count)
        var damaged = false
        var mode = Mode.ascii
        var run: [UInt8] = []
        func flush() {
            guard !run.isEmpty else { return }
            let pairs = run.count & ~1
            if pairs > 0 { text += twoByteText(run[..<pairs], damaged: &damaged) }
            if pairs < run.count {
                text += "\u{FFFD}"
                damaged = true
            }
            run.removeAll(keepingCapacity: true)
        }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if let switched = designation(in: bytes, at: index) {
                flush()
                mode = switched
                index += 3
                continue
            }
            if byte == 0x1B {
                // An escape of another kind (`ESC [ 31m`, `ESC ] 0;title BEL`) changes no character set: it is
                // kept whole for the screen's gate, and the run goes on after it.
                flush()
                let end = escapeEnd(bytes, from: index)
                for control in bytes[index..<end] { text.unicodeScalars.append(Unicode.Scalar(control)) }
                index = end
                continue
            }
            switch mode {
            case .twoByte where (0x21...0x7E).contains(byte):
                run.append(byte)
            case .katakana where (0x21...0x5F).contains(byte):
                text.unicodeScalars.append(Unicode.Scalar(0xFF61 + UInt32(byte) - 0x21)!)
            default:
                flush()
                // JIS X 0208 has its own space: an ASCII space or line end in a run means the writer forgot
                // the `ESC ( B` before it, and ASCII follows (each line returns to ASCII, RFC 1468).
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { mode = .ascii }
                if byte >= 0x80 {
                    text += "\u{FFFD}"
                    damaged = true
                } else {
                    // Controls, an escape of another kind, stay as they are for the screen's gate.
                    text.unicodeScalars.append(Unicode.Scalar(byte))
                }
            }
            index += 1
        }
        flush()
        return (text, damaged)
    }

    /// Whether the text switches to a character set ISO-2022-JP lacks (ISO-2022-JP-2's GB 2312, KS C 5601,
    /// JIS X 0212, its G2 sets): `ESC $ A`, `ESC $ (`, `ESC .`, `ESC N`.
    static func switchesBeyondJapanese<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool where Bytes.Index == Int {
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == 0x1B {
                let first = bytes[index + 1]
                if first == UInt8(ascii: ".") || first == UInt8(ascii: "N") { return true }
                if first == UInt8(ascii: "$"), index + 2 < bytes.endIndex,
                   bytes[index + 2] == UInt8(ascii: "A") || bytes[index + 2] == UInt8(ascii: "(") { return true }
            }
            index += 1
        }
        return false
    }

    /// Where an escape sequence that designates no character set ends, as the screen's gate reads it
    /// (`UntrustedText.endOfEscapeSequence`): the bytes it hides are kept whole, and decoding goes on after.
    private static func escapeEnd<Bytes: Collection<UInt8>>(_ bytes: Bytes, from start: Int) -> Int where Bytes.Index == Int {
        // A sequence is short: the gate's reading of at most 256 bytes, each byte one scalar.
        let window = bytes[start..<min(bytes.endIndex, start + 256)].map { Unicode.Scalar($0) }
        return start + max(1, UntrustedText.endOfEscapeSequence(window, introducer: window[0], after: 1))
    }

    /// A run of two-byte characters: whole when Foundation takes it, else pair by pair, a pair it refuses
    /// (a code no character has) U+FFFD.
    private static func twoByteText(_ pairs: ArraySlice<UInt8>, damaged: inout Bool) -> String {
        let open: [UInt8] = [0x1B, 0x24, 0x42], close: [UInt8] = [0x1B, 0x28, 0x42]
        if let text = String(bytes: open + pairs + close, encoding: .iso2022JP) { return text }
        var text = ""
        var index = pairs.startIndex
        while index + 1 < pairs.endIndex {
            if let character = String(bytes: open + pairs[index...(index + 1)] + close, encoding: .iso2022JP) {
                text += character
            } else {
                text += "\u{FFFD}"
                damaged = true
            }
            index += 2
        }
        return text
    }
}
