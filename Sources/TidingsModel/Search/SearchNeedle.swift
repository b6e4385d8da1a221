import Foundation

/// One folded word or phrase, ready to be looked for in text or in raw bytes.
public struct SearchNeedle: Sendable, Equatable {
    public let folded: [UInt8]
    public let isASCII: Bool
    /// The byte of the word least likely in text, and where it is: only its places are looked at.
    private let anchor: Int
    private let anchorVariants: [UInt8]

    public init(_ word: String) {
        folded = SearchFold.bytes(word)
        isASCII = folded.allSatisfy { $0 < 0x80 }
        var best = 0
        for index in folded.indices where Self.rank(folded[index]) > Self.rank(folded[best]) { best = index }
        anchor = best
        let byte = folded.isEmpty ? 0 : folded[best]
        anchorVariants = byte >= 0x61 && byte <= 0x7A ? [byte, byte - 0x20] : [byte]
    }

    /// Letters by how rarely they occur in English text: the rarer, the fewer places to check.
    private static let rarity: [UInt8] = {
        var table = [UInt8](repeating: 40, count: 256)
        table[0x20] = 0
        for (index, letter) in "etaoinshrdlcumwfgypbvkjxqz".utf8.enumerated() { table[Int(letter)] = UInt8(index + 1) }
        return table
    }()
    private static func rank(_ byte: UInt8) -> UInt8 { rarity[Int(byte)] }

    /// Whether the word occurs in `text`.
    public func occurs(in text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { occurs(in: UnsafeRawBufferPointer($0)) }
    }

    /// Whether the word occurs in these bytes, read as UTF-8.
    public func occurs(in bytes: UnsafeRawBufferPointer) -> Bool {
        guard !folded.isEmpty else { return true }
        guard bytes.count >= folded.count, let base = bytes.baseAddress else { return false }
        guard isASCII else { return occursFolding(bytes) }
        let count = bytes.count
        let length = folded.count
        return folded.withUnsafeBufferPointer { needle in
            for variant in anchorVariants {
                // Where the anchor byte may be: a match starts `anchor` bytes before it and must fit.
                var position = anchor
                let last = count - (length - anchor)
                while position <= last {
                    guard let found = memchr(base + position, Int32(variant), last - position + 1) else { break }
                    let at = base.distance(to: UnsafeRawPointer(found))
                    // A match ending before an accent written apart is not one: `cafe` is not in `café`.
                    if Self.matchesFolded(needle, base + (at - anchor)),
                       !SearchFold.markStarts(at: at - anchor + length, in: bytes) { return true }
                    position = at + 1
                }
            }
            return false
        }
    }

    @inline(__always)
    private static func matchesFolded(_ needle: UnsafeBufferPointer<UInt8>, _ start: UnsafeRawPointer) -> Bool {
        let bytes = start.assumingMemoryBound(to: UInt8.self)
        for index in 0..<needle.count where SearchFold.lowerASCII(bytes[index]) != needle[index] { return false }
        return true
    }

    /// A word with letters beyond ASCII: the text is folded first (only when it has such bytes at all).
    private func occursFolding(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return false }
        let text = SearchFold.bytes(String(decoding: bytes, as: UTF8.self))
        return text.withUnsafeBytes { haystack in
            folded.withUnsafeBytes { needle in
                guard let base = haystack.baseAddress, let first = needle.first, haystack.count >= needle.count else { return false }
                var position = 0
                let last = haystack.count - needle.count
                while position <= last {
                    guard let found = memchr(base + position, Int32(first), last - position + 1) else { return false }
                    let at = base.distance(to: UnsafeRawPointer(found))
                    if memcmp(base + at, needle.baseAddress!, needle.count) == 0,
                       !SearchFold.markStarts(at: at + needle.count, in: haystack) { return true }
                    position = at + 1
                }
                return false
            }
        }
    }
}
