#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Charsets the built-in decoders lack (GB18030, Big5, EUC-KR, ISO-8859-7, ...), decoded by the C library's
/// iconv, as mutt does. A converter is opened for each decoding: one is not safe to share between threads.
enum IconvCharsets {
    /// The text of `bytes` in the charset iconv names `iconvName`, and whether some bytes did not fit it (each
    /// bad byte is one U+FFFD, and decoding goes on after it); nil when iconv cannot open the charset.
    static func decode(_ bytes: ArraySlice<UInt8>, iconvName: String) -> (text: String, invalid: Bool)? {
        guard let converter = open(iconvName) else { return nil }
        defer { iconv_close(converter) }
        var input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(input.count &* 2)
        var invalid = false
        input.withUnsafeMutableBytes { raw in
            var next = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
            var left = raw.count
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: 4096) { buffer in
                // Every turn consumes input, or fills the buffer (which always holds the next character), or
                // ends: the loop cannot run forever.
                while true {
                    var written = buffer.baseAddress
                    var room = buffer.count
                    let flushing = left == 0
                    // With no input left, the call hands over a character the converter held back (Big5-HKSCS
                    // waits to see whether a combining mark follows) and leaves any shift state.
                    let result = flushing ? iconv(converter, nil, nil, &written, &room) : iconv(converter, &next, &left, &written, &room)
                    let failure = errno
                    let produced = buffer.count - room
                    buffer.withMemoryRebound(to: UInt8.self) { out.append(contentsOf: $0[0..<produced]) }
                    if result != -1 {
                        if flushing { return }
                        continue
                    }
                    switch failure {
                    case E2BIG where produced > 0:
                        continue
                    case EILSEQ where left > 0:
                        out.append(contentsOf: replacement)
                        next = next.map { $0 + 1 }
                        left -= 1
                    default:
                        // EINVAL: the input ends inside a character. Anything else is not expected; either way
                        // what is left is one U+FFFD.
                        if left > 0 || !flushing { out.append(contentsOf: replacement) }
                        left = 0
                        if flushing { return }
                    }
                    invalid = true
                }
            }
        }
        return (String(decoding: out, as: UTF8.self), invalid)
    }

    /// Whether iconv can decode the charset it names `iconvName`.
    static func isAvailable(_ iconvName: String) -> Bool {
        guard let converter = open(iconvName) else { return false }
        iconv_close(converter)
        return true
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    private static func open(_ iconvName: String) -> iconv_t? {
        let converter = iconv_open("UTF-8", iconvName)
        return converter == iconv_t(bitPattern: -1) ? nil : converter
    }
}
