import Foundation

/// Mail and news: mbox archives (each thread a story), and messages saved one per file (Maildir, MH folders,
/// news spools, `.eml` files, single articles) threaded across files. Recognized by content.
public struct MailImporter: Importer {
    public let name = "mail"

    public init() {}

    public var namesFilesOfJoinedStories: Bool { true }

    /// Certain when the first bytes are an mbox or a message; by name, `.mbox`, `.mbx` and `.eml` are likely.
    public func claim(path: String, prefix: ArraySlice<UInt8>?, named: Bool) -> ImportClaim {
        guard let prefix else { return Self.hasMailExtension(path) ? ImportClaim(.likely) : .no("not mail") }
        if MailSniffer.looksLikeMbox(prefix) || MailSniffer.looksLikeMessage(prefix) { return ImportClaim(.certain) }
        return Self.hasMailExtension(path) ? ImportClaim(.likely) : .no("not mail")
    }

    static func hasMailExtension(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".mbox") || lower.hasSuffix(".mbx") || lower.hasSuffix(".eml")
    }

    // MARK: - A message alone in its file: held, to be threaded with the files it shares ids with

    /// A file of one message is read with the files of its thread: its keys are its Message-ID and the ids it
    /// answers. An mbox stands alone.
    public func joinKeys(in bytes: [UInt8]) -> [String]? {
        heldPart(in: bytes, path: "")?.keys
    }

    /// Keeps what listing needs of the message, made small (`KeptMessage`): a Maildir of 400,000 messages is
    /// listed from these without reading a file twice.
    public func heldPart(in bytes: [UInt8], path: String) -> HeldPart? {
        guard !MailSniffer.looksLikeMbox(bytes.prefix(4096)), let envelope = MailEnvelope.parse(bytes[...]) else { return nil }
        // The ids that join files: its own, the thread's start and its direct parent (what threading of
        // kept messages uses; `KeptMessage`).
        var keys = envelope.messageID.map { [$0] } ?? []
        if let first = envelope.parents.first { keys.append(first) }
        if envelope.parents.count > 1, let last = envelope.parents.last { keys.append(last) }
        let item = MailItem(envelope: envelope, seen: envelope.seen || MaildirFlags.seen(path), file: 0, range: 0..<bytes.count)
        return HeldPart(keys: keys, kept: KeptMessage(item, commentID: MailThreads.commentID(envelope)),
                        startsAStory: envelope.parents.isEmpty)
    }

    public func summaries(kept: [(path: String, kept: any Sendable)], needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary]? {
        var messages: [KeptMessage] = []
        messages.reserveCapacity(kept.count)
        for part in kept {
            guard let message = part.kept as? KeptMessage else { return nil }
            messages.append(message)
        }
        var threads = MailThreads(messages.enumerated().map { $1.item(file: $0) }, inputs: messages.map(\.threadInput),
                                  commentIDs: messages.map(\.commentID))
        let paths = kept.map(\.path)
        // A thread whose first message is missing is named by the id its first reply answers first, and
        // titled by that reply's subject: neither was kept, so that one file is read again.
        for thread in threads.threads {
            guard let placeholder = thread.nodes.first?.placeholderID, let first = thread.nodes.lazy.compactMap(\.message).first,
                  let bytes = try? FileBytes.read(paths[first], limit: 1 << 20),
                  let envelope = MailEnvelope.parse(bytes[...]) else { continue }
            if let start = envelope.parents.first { threads.placeholderNames[placeholder] = start }
            threads.replaceEnvelope(of: first, with: envelope)
        }
        return threads.threads.map { thread in
            threads.summary(thread, source: Self.source(thread, threads, paths), commentIDs: needsCommentIDs(threads.storyID(thread), nil))
        }
    }

    public func stories(inFiles files: [FileContents]) throws -> [Story] {
        let (threads, _) = try loose(files)
        return threads.threads.map { thread in
            threads.story(thread, source: Self.source(thread, threads, files.map(\.path))) { item in
                MailMessage.parse(files[threads.items[item].file].bytes[...])
            }
        }
    }

    public func summaries(inFiles files: [FileContents], needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary] {
        let (threads, _) = try loose(files)
        return threads.threads.map { thread in
            threads.summary(thread, source: Self.source(thread, threads, files.map(\.path)), commentIDs: needsCommentIDs(threads.storyID(thread), nil))
        }
    }

    public func story(inFiles files: [FileContents], for summary: StorySummary) throws -> Story {
        let stories = try stories(inFiles: files)
        guard let story = stories.first(where: { $0.id == summary.id }) ?? stories.first else { throw LoadFailure.storyGone }
        return story
    }

    /// The messages of files holding one each, threaded.
    private func loose(_ files: [FileContents]) throws -> (MailThreads, Void) {
        var items: [MailItem] = []
        for (index, file) in files.enumerated() {
            if MailSniffer.looksLikeMbox(file.bytes.prefix(4096)) {
                items += Self.mboxItems(file.bytes[...], file: index)
                continue
            }
            guard let envelope = MailEnvelope.parse(file.bytes[...]) else { continue }
            items.append(MailItem(envelope: envelope, seen: envelope.seen || MaildirFlags.seen(file.path), file: index,
                                  range: 0..<file.bytes.count))
        }
        guard !items.isEmpty else { throw LoadFailure.malformed("no message headers") }
        return (MailThreads(items), ())
    }

    /// A thread of messages saved one per file names its files: the first message's first, then the others
    /// in thread order; the locator is the story's id, as the thread may share its files' group with others.
    private static func source(_ thread: MessageThread, _ threads: MailThreads, _ files: [String]) -> SourceReference {
        var seen = Set<Int>()
        let paths = thread.nodes.compactMap(\.message).map { threads.items[$0].file }.filter { seen.insert($0).inserted }.map { files[$0] }
        return SourceReference(path: paths.first ?? files[0], locator: Self.locatorName(threads.storyID(thread)),
                               otherPaths: Array(paths.dropFirst()))
    }

    static func locatorName(_ storyID: String) -> String { "<" + storyID.dropFirst("mail:".count) + ">" }

    // MARK: - mbox

    public func stories(in bytes: [UInt8], path: String) throws -> [Story] {
        guard MailSniffer.looksLikeMbox(bytes.prefix(4096)) else { return try stories(inFiles: [FileContents(path: path, bytes: bytes)]) }
        let threads = try Self.mboxThreads(bytes[...], path: path)
        return threads.threads.map { thread in
            threads.story(thread, source: Self.mboxSource(thread, threads, path: path)) { Self.mboxMessage(bytes[...], threads.items[$0]) }
        }
    }

    public func summaries(in bytes: [UInt8], path: String, needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary] {
        guard MailSniffer.looksLikeMbox(bytes.prefix(4096)) else {
            return try summaries(inFiles: [FileContents(path: path, bytes: bytes)], needsCommentIDs: needsCommentIDs)
        }
        // Threading needs ids and dates only; each thread's start (or its first reply, when the start is
        // missing) is read again in full for its subject and sender.
        let items = Self.mboxItems(bytes[...], file: 0, threadingOnly: true)
        guard !items.isEmpty else { throw LoadFailure.malformed("an mbox with no messages") }
        var threads = MailThreads(items)
        for thread in threads.threads {
            guard let first = thread.nodes.lazy.compactMap(\.message).first else { continue }
            let range = threads.items[first].range
            if let envelope = MailEnvelope.parse(bytes[range.lowerBound..<min(range.upperBound, range.lowerBound + MboxSplitter.headLimit)]) {
                threads.replaceEnvelope(of: first, with: envelope)
            }
        }
        return threads.threads.map { thread in
            threads.summary(thread, source: Self.mboxSource(thread, threads, path: path),
                            commentIDs: needsCommentIDs(threads.storyID(thread), nil))
        }
    }

    /// Only the part of the archive the thread spans is read again (`MboxLocator`).
    public func story(in bytes: [UInt8], for summary: StorySummary) throws -> Story {
        guard MailSniffer.looksLikeMbox(bytes.prefix(4096)) else {
            return try story(inFiles: [FileContents(path: summary.path, bytes: bytes)], for: summary)
        }
        if let span = summary.source.locator.flatMap(MboxLocator.span), span.upperBound <= bytes.count,
           let story = try? Self.mboxStory(bytes[span], base: span.lowerBound, summary: summary) {
            return story
        }
        return try Self.mboxStory(bytes[...], base: 0, summary: summary) ?? { throw LoadFailure.storyGone }()
    }

    public func summaries(streamingFile path: String, needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary]? {
        let items = try MboxStream.items(path)
        guard !items.isEmpty else { throw LoadFailure.malformed("an mbox with no messages") }
        let threads = MailThreads(items)
        return threads.threads.map { thread in
            threads.summary(thread, source: Self.mboxSource(thread, threads, path: path),
                            commentIDs: needsCommentIDs(threads.storyID(thread), nil))
        }
    }

    public func story(streamingFile path: String, for summary: StorySummary) throws -> Story? {
        guard let span = summary.source.locator.flatMap(MboxLocator.span) else { return nil }
        let bytes = try FileBytes.range(path, offset: span.lowerBound, count: span.count)
        return try Self.mboxStory(bytes[...], base: span.lowerBound, summary: summary)
    }

    /// The story with the summary's id among the threads of `bytes` (at `base` in the file).
    private static func mboxStory(_ bytes: ArraySlice<UInt8>, base: Int, summary: StorySummary) throws -> Story? {
        let items = mboxItems(bytes, file: 0, base: base, startsInMessage: base > 0)
        let threads = MailThreads(items)
        guard let thread = threads.threads.first(where: { threads.storyID($0) == summary.id }) else { return nil }
        var story = threads.story(thread, source: summary.source) { index in
            let range = threads.items[index].range
            return mboxMessage(bytes, MailItem(envelope: threads.items[index].envelope, seen: false, file: 0,
                                               range: (range.lowerBound - base)..<(range.upperBound - base)), offset: bytes.startIndex)
        }
        story.source = summary.source
        return story
    }

    private static func mboxThreads(_ bytes: ArraySlice<UInt8>, path: String) throws -> MailThreads {
        let items = mboxItems(bytes, file: 0)
        guard !items.isEmpty else { throw LoadFailure.malformed("an mbox with no messages") }
        return MailThreads(items)
    }

    /// The messages of an mbox held in memory; `startsInMessage` for a part of an archive that starts right
    /// after a separator line.
    static func mboxItems(_ bytes: ArraySlice<UInt8>, file: Int, base: Int = 0, startsInMessage: Bool = false,
                          threadingOnly: Bool = false) -> [MailItem] {
        MboxSplitter.messages(in: bytes, base: base, startsInMessage: startsInMessage).compactMap { message in
            let lower = bytes.startIndex + (message.start - base), upper = bytes.startIndex + (message.end - base)
            guard lower <= upper, upper <= bytes.endIndex else { return nil }
            let head = bytes[lower..<min(upper, lower + MboxSplitter.headLimit)]
            // A message without a Message-ID is named by its sender and subject: it is read in full.
            guard let envelope = threadingOnly ? MailEnvelope.parseForThreading(head).flatMap({ $0.messageID == nil ? MailEnvelope.parse(head) : $0 })
                                               : MailEnvelope.parse(head) else { return nil }
            return MailItem(envelope: envelope, seen: envelope.seen, file: file, range: message.start..<message.end)
        }
    }

    private static func mboxMessage(_ bytes: ArraySlice<UInt8>, _ item: MailItem, offset: Int = 0) -> MailMessage? {
        let lower = offset + item.range.lowerBound, upper = offset + item.range.upperBound
        guard lower >= bytes.startIndex, upper <= bytes.endIndex, lower <= upper else { return nil }
        return MailMessage.parse(MboxSeparator.unescaped(bytes[lower..<upper]))
    }

    private static func mboxSource(_ thread: MessageThread, _ threads: MailThreads, path: String) -> SourceReference {
        let ranges = thread.nodes.compactMap(\.message).map { threads.items[$0].range }
        let span = (ranges.map(\.lowerBound).min() ?? 0)..<(ranges.map(\.upperBound).max() ?? 0)
        return SourceReference(path: path, locator: MboxLocator.name(span, storyID: threads.storyID(thread)))
    }
}
