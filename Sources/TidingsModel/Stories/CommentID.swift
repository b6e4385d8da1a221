/// A comment's stable identifier: 36 bits of a hash, written as six URL-safe base64 characters.
public struct CommentID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public static let characterCount = 6
    public let value: UInt64

    public init(value: UInt64) { self.value = value & 0xF_FFFF_FFFF }

    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == Self.characterCount, let decoded = Base64URL.decode(text) else { return nil }
        self.init(value: decoded)
    }

    /// The id for a 64-bit hash: folded to the 36 bits an id keeps, so every bit of the hash counts.
    init(folding hash: UInt64) { self.init(value: hash ^ (hash >> 36)) }

    public var description: String { Base64URL.encode(value, characters: Self.characterCount) }

    public static func < (lhs: CommentID, rhs: CommentID) -> Bool { lhs.value < rhs.value }
}
