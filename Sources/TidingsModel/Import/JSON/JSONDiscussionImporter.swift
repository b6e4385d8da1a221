import Foundation

/// Discussions saved as JSON: Hacker News (Algolia items and search listings, Firebase items), Reddit
/// (threads and `morechildren` responses), Lobsters stories, and Tidings' own `dump` records. The shape
/// is recognized from the content, one top-level value at a time (a JSON Lines file may mix them).
public struct JSONDiscussionImporter: Importer {
    public let name = "json"

    public init() {}

    /// Any file whose first bytes are JSON is certainly ours (a `.txt` too: the content decides); by name
    /// alone, a `.json`, `.jsonl` or `.ndjson` file is likely ours and worth reading to see.
    public func claim(path: String, prefix: ArraySlice<UInt8>?, named: Bool) -> ImportClaim {
        guard let prefix else { return Self.hasJSONExtension(path) ? ImportClaim(.likely) : .no("not JSON") }
        if ForeignFormat.looksLikeJSON(prefix) { return ImportClaim(.certain) }
        if TextDecoding.wideEncoding(prefix) != nil, ForeignFormat.looksLikeJSON(TextDecoding.utf8(Array(prefix))[...]) {
            return ImportClaim(.certain)
        }
        // A `.json` file that does not even start like JSON: the parse says what is wrong with it.
        return Self.hasJSONExtension(path) ? ImportClaim(.likely) : .no("not JSON")
    }

    /// Whether the name ends in `.json`, `.jsonl` or `.ndjson` (any case), judged on the bytes: it runs for
    /// every file listed.
    static func hasJSONExtension(_ path: String) -> Bool {
        let utf8 = path.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let tail = utf8[utf8.index(after: dot)...]
        guard (4...6).contains(tail.count), !tail.contains(UInt8(ascii: "/")) else { return false }
        return StoryNames.matches(tail, "json") || StoryNames.matches(tail, "jsonl") || StoryNames.matches(tail, "ndjson")
    }

    public func stories(in bytes: [UInt8], path: String) throws -> [Story] {
        try read(bytes, path: path, full: true, needsCommentIDs: { _, _ in true }).map(\.story)
    }

    public func summaries(in bytes: [UInt8], path: String, needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary] {
        try read(bytes, path: path, full: false, needsCommentIDs: needsCommentIDs).map { result in
            var summary = result.story.summary
            summary.commentCount = result.commentCount
            return ImportedSummary(summary: summary, commentIDs: result.commentIDs)
        }
    }

    /// Hacker News items that name parents or replies the file does not hold continue in other files: the
    /// loader reads the files that share ids together. A quick look at the first bytes keeps every other
    /// file from being parsed twice.
    public func joinKeys(in bytes: [UInt8]) -> [String]? {
        let head = bytes.prefix(4096)
        guard ForeignFormat.looksLikeJSON(head), Self.contains(head, "\"parent\"") || Self.contains(head, "\"kids\""),
              let document = try? JSONDocument(bytes) else { return nil }
        return HackerNewsFirebase.joinKeys(document)
    }

    /// Whether the bytes hold `text`, found by `memchr` on its second byte (a letter, rarer than the quote
    /// before it): this runs on every JSON file's first bytes.
    static func contains(_ bytes: ArraySlice<UInt8>, _ text: StaticString) -> Bool {
        let needle = UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        guard needle.count >= 2 else { return false }
        return bytes.withUnsafeBytes { haystack in
            guard let base = haystack.baseAddress else { return false }
            var offset = 1
            while offset < haystack.count,
                  let found = memchr(base + offset, Int32(needle[1]), haystack.count - offset) {
                let position = UnsafeRawPointer(found) - base
                let start = position - 1
                if start + needle.count <= haystack.count, memcmp(base + start, needle.baseAddress!, needle.count) == 0 { return true }
                offset = position + 1
            }
            return false
        }
    }

    /// Only the story asked for is rendered in full: a JSON Lines dump can hold thousands.
    public func story(in bytes: [UInt8], for summary: StorySummary) throws -> Story {
        let focused = try read(bytes, path: summary.path, full: true, only: summary.id, needsCommentIDs: { _, _ in true })
        if let match = focused.first(where: { $0.story.id == summary.id }) { return match.story }
        // The file changed since it was listed: find the story as any importer does.
        let stories = try stories(in: bytes, path: summary.path)
        guard let story = stories.first(where: { $0.source == summary.source }) ?? stories.first else { throw LoadFailure.storyGone }
        return story
    }

    func read(_ bytes: [UInt8], path: String, full: Bool, only: String? = nil,
              needsCommentIDs: (String, String?) -> Bool) throws -> [JSONReading.Result] {
        // JSON saved as UTF-16 or UTF-32 (with its mark) is read as the UTF-8 it stands for.
        let bytes = TextDecoding.utf8(bytes)
        let document: JSONDocument
        do {
            document = try JSONDocument(bytes)
        } catch let malformed as JSONDocument.Malformed {
            // UTF-16 or UTF-32 without its mark: a NUL beside the first characters, which JSON never holds.
            if bytes.prefix(4).contains(0) { throw LoadFailure.unsupported("JSON in UTF-16 or UTF-32 without a byte-order mark") }
            throw malformed.failure(in: bytes)
        }
        return try withoutActuallyEscaping(needsCommentIDs) { needsCommentIDs in
            let reading = JSONReading(document: document, path: path, full: full, needsCommentIDs: needsCommentIDs, onlyStory: only)
            return try JSONShapes.read(reading)
        }
    }
}
