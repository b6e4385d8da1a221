/// The importers Tidings knows. For each file the most certain importer wins; on a tie, the one listed first.
public struct ImporterRegistry: Sendable {
    public var importers: [any Importer]

    public init(importers: [any Importer]) { self.importers = importers }

    /// How many of a file's first bytes are asked about (`importer(path:prefix:named:)`'s `prefix`).
    public static let prefixLength = 4096

    /// Every importer this build ships with.
    public static let standard = ImporterRegistry(importers: [NativeImporter(), JSONDiscussionImporter(), MailImporter(), FeedImporter()])

    /// The place of an importer in the list (of the first of its type: importers keep no settings).
    public func index(of importer: any Importer) -> Int? {
        importers.firstIndex { type(of: $0) == type(of: importer) }
    }

    /// The importer for a file, or the failure that says why there is none. Without `prefix` (only the name
    /// known) nil means: read the file and ask again.
    public func importer(path: String, prefix: ArraySlice<UInt8>?, named: Bool) -> Result<any Importer, LoadFailure>? {
        // A file the user named (or a Maildir's message) is always read: its name alone settles nothing, and
        // no claim finds damage without the content. 400,000 messages are not asked about by name.
        if prefix == nil, named { return nil }
        // An empty file is empty whatever its name promised (a feed, a story): said so alike by every format,
        // and passed over when no format would have read a file of its name. An empty mailbox is a mailbox
        // with no mail yet, as mutt opens it: no problem, nothing listed. So is an empty file of no
        // extension found in a folder (mutt's `sent`, `inbox`). A file of line breaks and spaces alone (the
        // whole file, shorter than a prefix) is as empty.
        if let prefix, prefix.count < Self.prefixLength, TextBytes.isBlank(prefix) {
            if let reason = importers.lazy.compactMap({ $0.emptyFileReason(path: path) }).first { return .failure(.notAStory(reason)) }
            let byName = importers.map { $0.claim(path: path, prefix: nil, named: named).confidence }.max() ?? .none
            if named || byName >= .likely { return .failure(.empty) }
            if byName > .none { return .failure(.notAStory("an empty file")) }
        }
        var best: (any Importer)?
        var bestConfidence = ImportConfidence.none
        var firstReason: String?
        var damage: LoadFailure?
        // With the first bytes known, a claim made certain by the content settles it at once: a mail file
        // is not also examined as a native story (whose claim looks for every other format's marks).
        var claims: [ImportClaim?] = Array(repeating: nil, count: importers.count)
        if prefix != nil {
            for (index, importer) in importers.enumerated() where importer.recognizesContent {
                let claim = importer.claim(path: path, prefix: prefix, named: named)
                if claim.confidence == .certain { return .success(importer) }
                claims[index] = claim
            }
        }
        for (index, importer) in importers.enumerated() {
            let claim = claims[index] ?? importer.claim(path: path, prefix: prefix, named: named)
            if claim.confidence > bestConfidence {
                best = importer
                bestConfidence = claim.confidence
            } else if claim.confidence == .none {
                if firstReason == nil { firstReason = claim.reason }
                if damage == nil { damage = claim.damage }
            }
        }
        if let best { return prefix == nil ? nil : .success(best) }
        if let damage { return .failure(damage) }
        // Nobody wants it: a file found in a folder is skipped quietly; a file the user named is a problem.
        if named { return prefix == nil ? nil : .failure(.unknownFormat) }
        return .failure(.notAStory(nameOwnerReason(path: path, prefix: prefix) ?? firstReason ?? "not a story"))
    }

    /// When the name promised a format (`.xml` for feeds) and the content turned out otherwise, the reason
    /// of the importer that reads that format says best what the file is ("XML that is not a feed").
    private func nameOwnerReason(path: String, prefix: ArraySlice<UInt8>?) -> String? {
        guard let prefix else { return nil }
        for importer in importers where importer.claim(path: path, prefix: nil, named: false).confidence >= .likely {
            if let reason = importer.claim(path: path, prefix: prefix, named: false).reason { return reason }
        }
        return nil
    }
}
