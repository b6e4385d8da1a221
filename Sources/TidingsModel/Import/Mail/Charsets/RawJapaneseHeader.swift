/// Header text written raw in ISO-2022-JP (old Japanese mail clients sent `Subject:` and `From:` so, without
/// RFC 2047's encoded words): its escape sequences switch to JIS X 0208, whose two-byte characters use the
/// very bytes (`<`, `"`, `(`, `,`) that addresses are parsed by. Such a value is turned into UTF-8 before it
/// is read, as mutt and Thunderbird read it; any other value is left as it is.
enum RawJapaneseHeader {
    /// The value in UTF-8 when it holds an ISO-2022-JP escape (`ESC $ B`, `ESC $ @`, `ESC ( J`, `ESC ( I`),
    /// else nil.
    /// A fault in it (a stray byte, a run cut short, another escape) costs only itself (`ISO2022JPRuns`).
    static func utf8<Bytes: Collection<UInt8>>(_ raw: Bytes) -> [UInt8]? where Bytes.Index == Int {
        guard hasJISEscape(raw) else { return nil }
        return Array(ISO2022JPRuns.decode(raw).text.utf8)
    }

    /// A designation that switches away from ASCII (`ESC ( B` alone says nothing of Japanese).
    private static func hasJISEscape<Bytes: Collection<UInt8>>(_ raw: Bytes) -> Bool where Bytes.Index == Int {
        raw.indices.contains { index in
            guard let mode = ISO2022JPRuns.designation(in: raw, at: index) else { return false }
            return mode != .ascii || raw[index + 2] == UInt8(ascii: "J")
        }
    }
}
