import Foundation

/// The plain-text story format described in docs/FORMAT.md: title, header lines, body, indented comments.
/// It scans bytes, not characters, and builds strings only for what the caller asks for.
public struct NativeImporter: Importer {
    public let name = "tidings"

    public init() {}

    /// Found in a folder, only `.txt`, `.story` and files without an extension are stories, and README,
    /// LICENSE and the like only with a story header after the title (docs/FORMAT.md). It reads any text,
    /// so it is the fallback for text nobody else claims, and likely when a story header follows the title.
    /// The native format takes what no other importer recognizes.
    public var recognizesContent: Bool { false }

    public func claim(path: String, prefix: ArraySlice<UInt8>?, named: Bool) -> ImportClaim {
        let judged = StoryNames.judge(path: path, prefix: prefix)
        if !named, let reason = judged.reason { return .no(reason) }
        // Judged by name, which costs nothing per file: a story extension is likely a story, anything else
        // (no extension, a file the user named) is read as a story when no other importer wants it. A binary
        // file is found by the parse, which says so.
        let confidence: ImportConfidence = judged.storyExtension ? .likely : .fallback
        guard let prefix else { return ImportClaim(confidence) }
        // Another format this build cannot read yet: never a garbage story. Named, it is a problem that says
        // so; found in a folder, it is skipped.
        if let foreign = ForeignFormat.detect(prefix) {
            return named ? .damaged(.unsupported(foreign)) : .no("not a story: \(foreign), a format not read yet")
        }
        return ImportClaim(confidence)
    }

    public func stories(in bytes: [UInt8], path: String) throws -> [Story] {
        let scan = try NativeScan.run(bytes, detail: .full, commentIDsFor: { _, _ in true })
        return [scan.story(path: path, format: name)]
    }

    /// Hashes comments only for stories with read marks: the story id is known once the body is read, so
    /// one pass decides.
    public func summaries(in bytes: [UInt8], path: String, needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary] {
        let scan = try NativeScan.run(bytes, detail: .summary, commentIDsFor: needsCommentIDs)
        return [ImportedSummary(summary: scan.summary(path: path, format: name), commentIDs: scan.commentIDs)]
    }
}

extension NativeImporter {
    /// What a query finds in a native file, read straight from its bytes without building the story: the
    /// same answer as `TextQuery.match` on the parsed story, many times faster (docs/DECISIONS.md §34).
    public static func search(_ bytes: [UInt8], query: TextQuery) throws -> StoryMatch {
        let scan = try NativeScan.run(bytes, detail: .search, tally: MatchTally(query), commentIDsFor: { _, _ in false })
        return scan.tally?.result ?? StoryMatch(matches: false, comments: [])
    }
}
