import Foundation

/// ISO-2022-JP decoded run by run, for text Foundation refuses whole (a stray byte, an escape of another
/// kind, a run cut short, a writer that forgot `ESC ( B`): each run of two-byte characters between its
/// escapes is decoded on its own, so a fault costs only itself.
enum ISO2022JPRuns {
    private enum Mode { case ascii, twoByte, katakana }

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
            if byte == 0x1B, index + 2 < bytes.endIndex {
                let first = bytes[index + 1], second = bytes[index + 2]
                var switched: Mode?
                if first == UInt8(ascii: "$"), second == UInt8(ascii: "B") || second == UInt8(ascii: "@") { switched = .twoByte }
                if first == UInt8(ascii: "("), second == UInt8(ascii: "B") || second == UInt8(ascii: "J") { switched = .ascii }
                if first == UInt8(ascii: "("), second == UInt8(ascii: "I") { switched = .katakana }
                if let switched {
                    flush()
                    mode = switched
                    index += 3
                    continue
                }
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

    /// Where an escape sequence that designates no character set ends: a CSI at its final byte, an OSC at
    /// its BEL or `ESC \`, any other escape after its next byte (bounded, as the screen's gate is).
    private static func escapeEnd<Bytes: Collection<UInt8>>(_ bytes: Bytes, from start: Int) -> Int where Bytes.Index == Int {
        let limit = min(bytes.endIndex, start + 256)
        guard start + 1 < limit else { return min(bytes.endIndex, start + 1) }
        var index = start + 2
        switch bytes[start + 1] {
        case UInt8(ascii: "["):
            while index < limit, !(0x40...0x7E).contains(bytes[index]) { index += 1 }
            return min(limit, index + 1)
        case UInt8(ascii: "]"):
            while index < limit, bytes[index] != 0x07, !(bytes[index] == 0x1B && index + 1 < limit && bytes[index + 1] == UInt8(ascii: "\\")) {
                index += 1
            }
            return index < limit ? index + (bytes[index] == 0x07 ? 1 : 2) : limit
        default:
            // A lone ESC before another escape (a designation that follows) is itself alone.
            return bytes[start + 1] == 0x1B ? start + 1 : start + 2
        }
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
