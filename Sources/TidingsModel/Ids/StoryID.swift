/// Derives stable story ids; see docs/STATE.md ("Ids") for the rule.
public enum StoryID {
    public static let characterCount = 11

    /// The id of a story without an `Id:` header: a hash of what makes it that story (title, submitter,
    /// category, byline, body), and of nothing that changes when it is saved again (age, comments).
    public static func derive(title: String, submitter: String?, category: String?, byline: String?,
                              body: [String]) -> String {
        var builder = Builder()
        for paragraph in body { builder.addParagraph(paragraph) }
        return builder.id(title: title, submitter: submitter, category: category, byline: byline)
    }

    /// The version-1 rule (lower-cased title and submitter only), kept to find marks saved under it.
    public static func version1(title: String, submitter: String?) -> String {
        version1(lowercasedTitle: title.lowercased(), submitter: submitter)
    }

    static func version1(lowercasedTitle: String, submitter: String?) -> String {
        var hash = StableHash()
        hash.add(lowercasedTitle)
        hash.add(submitter ?? "")
        return Base64URL.encode(hash.value, characters: characterCount)
    }

    /// Takes the body paragraph by paragraph as a parser meets it, as bytes, so listing a folder builds no
    /// strings for bodies; `id` then adds the header fields.
    public struct Builder: Sendable {
        private var body = StableHash()

        public init() {}

        /// One paragraph's UTF-8 bytes. Its length goes first, so paragraph boundaries cannot collide.
        public mutating func addParagraph(_ bytes: UnsafeRawBufferPointer) {
            body.add(UInt64(bytes.count))
            body.add(bytes: bytes)
        }

        public mutating func addParagraph(_ text: String) {
            var copy = text
            copy.withUTF8 { addParagraph(UnsafeRawBufferPointer($0)) }
        }

        /// The id; a missing field counts as empty.
        public func id(title: String, submitter: String?, category: String?, byline: String?) -> String {
            id(lowercasedTitle: title.lowercased(), submitter: submitter, category: category, byline: byline)
        }

        func id(lowercasedTitle: String, submitter: String?, category: String?, byline: String?) -> String {
            var hash = StableHash()
            // A rule number first: no input hashed under this rule can give the hash of another rule.
            hash.add(2)
            // Each field's length before its bytes: ("ab", "c") and ("a", "bc") differ.
            func field(_ text: String) {
                hash.add(UInt64(text.utf8.count))
                hash.add(text)
            }
            field(lowercasedTitle)
            field(submitter ?? "")
            field(category ?? "")
            field(byline ?? "")
            hash.add(body.value)
            return Base64URL.encode(hash.value, characters: characterCount)
        }
    }
}
