/// Header text written raw in ISO-2022-JP (old Japanese mail clients sent `Subject:` and `From:` so, without
/// RFC 2047's encoded words): its escape sequences switch to JIS X 0208, whose two-byte characters use the
/// very bytes (`<`, `"`, `(`, `,`) that addresses are parsed by. Such a value is turned into UTF-8 before it
/// is read, as mutt and Thunderbird read it; any other value is left as it is.
enum RawJapaneseHeader {
    /// The value in UTF-8 when it holds an ISO-2022-JP escape (`ESC $ B`, `ESC $ @`, `ESC ( J`), else nil.
    /// Each run of two-byte characters is decoded on its own, so a broken one (a space inside it, no
    /// `ESC ( B` after it) costs only itself, and other escapes (`ESC [ 2J`) stay for the screen's gate.
    static func utf8<Bytes: Collection<UInt8>>(_ raw: Bytes) -> [UInt8]? where Bytes.Index == Int {
        guard hasJISEscape(raw) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count * 2)
        var twoByte = false
        var run: [UInt8] = []
        func flush() {
            guard !run.isEmpty else { return }
            // A run of pairs between the escapes that open and close it, decoded whole; a byte left without
            // its pair is U+FFFD.
            let pairs = run.count & ~1
            if pairs > 0 {
                out += Array(JapaneseCharsets.iso2022JP(ArraySlice([0x1B, 0x24, 0x42] + run[..<pairs] + [0x1B, 0x28, 0x42])).text.utf8)
            }
            if pairs < run.count { out += Array("\u{FFFD}".utf8) }
            run.removeAll(keepingCapacity: true)
        }
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == 0x1B, index + 2 < raw.endIndex {
                let first = raw[index + 1], second = raw[index + 2]
                if first == UInt8(ascii: "$"), second == UInt8(ascii: "B") || second == UInt8(ascii: "@") {
                    flush()
                    twoByte = true
                    index += 3
                    continue
                }
                if first == UInt8(ascii: "("), second == UInt8(ascii: "B") || second == UInt8(ascii: "J") {
                    flush()
                    twoByte = false
                    index += 3
                    continue
                }
            }
            if twoByte, (0x21...0x7E).contains(byte) {
                run.append(byte)
            } else {
                // A space, a control or an escape of another kind: itself, and the two-byte run ends there.
                // JIS X 0208 has its own space: a writer that puts ASCII's there forgot the `ESC ( B` before
                // it, and ASCII follows.
                flush()
                twoByte = false
                out.append(byte)
            }
            index += 1
        }
        flush()
        return out
    }

    private static func hasJISEscape<Bytes: Collection<UInt8>>(_ raw: Bytes) -> Bool where Bytes.Index == Int {
        var index = raw.startIndex
        while index + 2 < raw.endIndex {
            if raw[index] == 0x1B {
                let first = raw[index + 1], second = raw[index + 2]
                if first == UInt8(ascii: "$"), second == UInt8(ascii: "B") || second == UInt8(ascii: "@") { return true }
                if first == UInt8(ascii: "("), second == UInt8(ascii: "J") { return true }
            }
            index += 1
        }
        return false
    }
}
