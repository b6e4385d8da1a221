import Foundation

/// Mail and news: mbox archives (each thread a story), and messages saved one per file (Maildir, MH folders,
/// news spools, `.eml` files, single articles) threaded across files. Recognized by content.
public struct MailImporter: Importer {
    public let name = "mail"

    public init() {}

    public var namesFilesOfJoinedStories: Bool { true }

    /// Certain when the first bytes are an mbox or a message; by name, `.mbox`, `.mbx`, `.eml`, `.mail` and
    /// `.msg` are likely (read to see).
    public func claim(path: String, prefix: ArraySlice<UInt8>?, named: Bool) -> ImportClaim {
        guard let prefix else { return Self.hasMailExtension(path) ? ImportClaim(.likely) : .no("not mail") }
        if MailSniffer.looksLikeMbox(prefix) || MailSniffer.looksLikeMessage(prefix) { return ImportClaim(.certain) }
        // A Maildir's files are messages whatever they hold, as its mail client shows them: one without a
        // header block is a message without headers, not a story titled by its first line.
        if MaildirPath.isMessage(path), !TextDecoding.looksBinary(prefix) { return ImportClaim(.certain) }
        guard Self.hasMailExtension(path) else { return .no("not mail") }
        // Named as mail but binary (random bytes behind a `From ` line, an image saved as .eml): a damaged
        // file, not a message of garbage. Mail with headers was claimed above, whatever bytes it holds.
        // Mail saved as UTF-16 or UTF-32 (its NULs are no binary): named for what it is.
        if let wide = TextDecoding.wideEncoding(prefix) {
            return .damaged(.unsupported(ForeignFormat.detect(prefix) ?? "mail in UTF-\(wide.width * 8)"))
        }
        let binary = TextDecoding.looksBinary(prefix) || TextDecoding.looksLikeNoText(prefix)
        return binary ? .damaged(.binary) : ImportClaim(.likely)
    }

    /// Marked read by the mail client: `Status: RO` in the message, `S` in a Maildir file's name, or not in
    /// the `unseen` sequence of an MH folder that keeps one.
    static func seen(_ envelope: MailEnvelope, path: String) -> Bool {
        envelope.seen || MaildirFlags.seen(path) || MHSequences.seen(path) == true
    }

    /// `.mbox`, `.mbx`: a mailbox, which may be empty (no mail yet), as mutt opens it; and a Maildir's empty
    /// message file.
    public func emptyFileReason(path: String) -> String? {
        let lower = path.lowercased()
        if lower.hasSuffix(".mbox") || lower.hasSuffix(".mbx") { return "an empty mailbox: no messages yet" }
        // A Maildir's empty file (a delivery cut short, a client's placeholder) is passed over as mutt does.
        return MaildirPath.isMessage(path) ? "an empty message file" : nil
    }

    static func hasMailExtension(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".mbox") || lower.hasSuffix(".mbx") || lower.hasSuffix(".eml") || lower.hasSuffix(".mail")
            || lower.hasSuffix(".msg")
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
        // Most messages are replies, whose subject and sender listing does not need: read for threading,
        // and in full only when the message may start a thread (or has no id to be named by).
        // A Maildir's file without a header block is held too, as a message without headers: listed in its
        // place among the mailbox's threads, not apart from them.
        guard !Self.isMbox(bytes),
              let threading = MailEnvelope.parseForThreading(bytes[...]) ?? Self.headerless(path: path) else { return nil }
        var envelope = threading.parents.isEmpty || threading.messageID == nil ? MailEnvelope.parse(bytes[...]) ?? threading : threading
        if envelope.saysNothing, let whole = Self.headerless(path: path) { envelope = whole }
        let item = MailItem(envelope: envelope, seen: Self.seen(envelope, path: path), file: 0, range: 0..<bytes.count,
                            unnamedID: Self.unnamedID(envelope, bytes[...]))
        // The ids that join files: its own (for a message without one, the name made of what it says, so its
        // copy in another file is read with it and shown once), the thread's start and its direct parent
        // (what threading of kept messages uses; `KeptMessage`).
        var keys = envelope.messageID.map { [$0] } ?? item.unnamedID.map { [UnnamedMessage.text($0)] } ?? []
        if let first = envelope.parents.first { keys.append(first) }
        if envelope.parents.count > 1, let last = envelope.parents.last { keys.append(last) }
        return HeldPart(keys: keys, kept: KeptMessage(item, commentID: MailThreads.commentID(item)),
                        startsAStory: envelope.parents.isEmpty)
    }

    public func summaries(kept: [(path: String, kept: any Sendable)], needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary]? {
        var all: [KeptMessage] = []
        all.reserveCapacity(kept.count)
        for part in kept {
            guard let message = part.kept as? KeptMessage else { return nil }
            all.append(message)
        }
        // Each file holds one message: a message in two files is a copy, threaded once (`MessageCopies`).
        let copyOf = MessageCopies.copyOf(count: all.count, file: { $0 }, key: { all[$0].copyKey })
        let originals = all.indices.filter { copyOf[$0] == nil }
        let messages = originals.map { all[$0] }
        let paths = originals.map { kept[$0].path }
        var items = MessageCopies.dropped(all.enumerated().map { $1.item(file: $0) }, copyOf: copyOf)
        for index in items.indices { items[index].file = index }
        var keys = KeyedThreadIDs(capacity: messages.count, naming: KeptMessage.name)
        for message in messages { message.add(to: &keys) }
        var threads = MailThreads(items, keys: keys, dates: messages.map(\.date), commentIDs: messages.map(\.commentID))
        // A thread whose first message is missing is named by the id its first reply answers first, and
        // titled by that reply's subject: neither was kept, so that one file is read again.
        for thread in threads.threads {
            // A start that answers another message (a loop cut above it, or it answers only itself) was
            // kept as a reply, without its subject and id: its file is read again.
            if let root = thread.nodes.first?.message, messages[root].start == nil,
               let bytes = try? FileBytes.read(paths[root], limit: 1 << 20), let envelope = MailEnvelope.parse(bytes[...]) {
                threads.replaceEnvelope(of: root, with: envelope)
            }
            guard let placeholder = thread.nodes.first?.placeholderID, let first = thread.nodes.lazy.compactMap(\.message).first,
                  let bytes = try? FileBytes.read(paths[first], limit: 1 << 20),
                  let envelope = MailEnvelope.parse(bytes[...]) else { continue }
            threads.replaceEnvelope(of: first, with: envelope)
            // The start is the id a reply of the thread answers first: the first reply's, or a later one's
            // when only that one cites it.
            let citing = thread.nodes.lazy.compactMap(\.message).first { messages[$0].firstParentName == placeholder } ?? first
            let start = citing == first ? envelope.parents.first
                : (try? FileBytes.read(paths[citing], limit: 1 << 20)).flatMap { MailEnvelope.parse($0[...])?.parents.first }
            if let start { threads.placeholderNames[placeholder] = start }
        }
        return threads.threads.map { thread in
            threads.summary(thread, source: Self.source(thread, threads, paths), commentIDs: threads.wantsCommentIDs(thread, needsCommentIDs))
        }
    }

    public func stories(inFiles files: [FileContents]) throws -> [Story] {
        let threads = try loose(files)
        return threads.threads.map { thread in
            threads.story(thread, source: Self.source(thread, threads, files.map(\.path))) { item in
                let file = files[threads.items[item].file]
                return threads.items[item].envelope.hasNoHeaders ? Self.textMessage(file.bytes[...]) : MailMessage.parse(file.bytes[...])
            }
        }
    }

    public func summaries(inFiles files: [FileContents], needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary] {
        let threads = try loose(files)
        return threads.threads.map { thread in
            threads.summary(thread, source: Self.source(thread, threads, files.map(\.path)), commentIDs: threads.wantsCommentIDs(thread, needsCommentIDs))
        }
    }

    public func story(inFiles files: [FileContents], for summary: StorySummary) throws -> Story {
        let stories = try stories(inFiles: files)
        guard let story = stories.first(where: { $0.id == summary.id }) ?? stories.first else { throw LoadFailure.storyGone }
        return story
    }

    /// The messages of files holding one each, threaded.
    private func loose(_ files: [FileContents]) throws -> MailThreads {
        var items: [MailItem] = []
        for (index, file) in files.enumerated() {
            if Self.isMbox(file.bytes) {
                items += Self.mboxItems(file.bytes[...], file: index)
                continue
            }
            guard let envelope = Self.maildirEnvelope(file) else { continue }
            items.append(MailItem(envelope: envelope, seen: Self.seen(envelope, path: file.path), file: index,
                                  range: 0..<file.bytes.count, unnamedID: Self.unnamedID(envelope, file.bytes[...])))
        }
        guard !items.isEmpty else {
            if files.allSatisfy({ TextBytes.isBlank($0.bytes) }) { throw LoadFailure.empty }
            throw LoadFailure.malformed("no message headers: neither a message nor an mbox")
        }
        // A message saved in two of the files is one message (`MessageCopies`), as listing kept it.
        let copyOf = MessageCopies.copyOf(count: items.count, file: { items[$0].file }, key: { MessageCopies.key(items[$0]) })
        return MailThreads(MessageCopies.dropped(items, copyOf: copyOf))
    }

    /// A thread of messages saved one per file names its files: the first message's first, then the others
    /// in thread order, then those of other messages with its first message's id when that one is `#2` or
    /// later (`MailThreads.sharingItsID`); the locator is the story's id, as the thread may share its files'
    /// group with others.
    private static func source(_ thread: MessageThread, _ threads: MailThreads, _ files: [String]) -> SourceReference {
        var seen = Set<Int>()
        let messages = thread.nodes.compactMap(\.message) + threads.sharingItsID(thread)
        let paths = messages.map { threads.items[$0].file }.filter { seen.insert($0).inserted }.map { files[$0] }
        return SourceReference(path: paths.first ?? files[0], locator: Self.locatorName(threads.storyID(thread)),
                               otherPaths: Array(paths.dropFirst()))
    }

    static func locatorName(_ storyID: String) -> String { "<" + storyID.dropFirst("mail:".count) + ">" }

    // MARK: - mbox

    public func stories(in bytes: [UInt8], path: String) throws -> [Story] {
        guard Self.isMbox(bytes) else { return try stories(inFiles: [FileContents(path: path, bytes: bytes)]) }
        let threads = try Self.mboxThreads(bytes[...], path: path)
        return threads.threads.map { thread in
            threads.story(thread, source: Self.mboxSource(thread, threads, path: path)) { Self.mboxMessage(bytes[...], threads.items[$0]) }
        }
    }

    public func summaries(in bytes: [UInt8], path: String, needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary] {
        guard Self.isMbox(bytes) else {
            return try summaries(inFiles: [FileContents(path: path, bytes: bytes)], needsCommentIDs: needsCommentIDs)
        }
        let messages = MboxSplitter.messages(in: bytes[...])
        guard !messages.isEmpty else { throw LoadFailure.malformed("an mbox with no messages") }
        return Self.mboxSummaries(messages, bytes: bytes[...], path: path, needsCommentIDs: needsCommentIDs)
    }

    /// The threads of an archive's first bytes, its last message (which may be cut short) left out.
    public func earlySummaries(inHead head: [UInt8], path: String, needsCommentIDs: (String, String?) -> Bool) -> [ImportedSummary]? {
        guard Self.isMbox(head) else { return nil }
        let messages = MboxSplitter.messages(in: head[...]).dropLast()
        guard !messages.isEmpty else { return nil }
        // Only threads whose start is read: a thread under a missing start may find it further on, and be
        // named by it then (marks made under the early name would not follow).
        let summaries = Self.mboxSummaries(Array(messages), bytes: head[...], path: path, needsCommentIDs: needsCommentIDs,
                                           startsOnly: true)
        return summaries.isEmpty ? nil : summaries
    }

    /// The list entries of an archive's messages, threaded by their ids' hashes (`MessageKeys`: no string is
    /// made for the 40,000 messages of an archive); each thread's start (or its first reply, when the start
    /// is missing) is read again in full for its subject, sender and id.
    private static func mboxSummaries(_ messages: [MboxSplitter.Message], bytes: ArraySlice<UInt8>, path: String,
                                      needsCommentIDs: (String, String?) -> Bool, startsOnly: Bool = false) -> [ImportedSummary] {
        var items: [MailItem] = [], dates: [Date?] = [], commentIDs: [CommentID] = [], parents: [UInt64] = []
        var keyed = KeyedThreadIDs(capacity: messages.count, naming: MessageKeys.name)
        items.reserveCapacity(messages.count)
        dates.reserveCapacity(messages.count)
        commentIDs.reserveCapacity(messages.count)
        func head(_ range: Range<Int>) -> ArraySlice<UInt8> {
            let start = bytes.startIndex + range.lowerBound
            return bytes[start..<min(bytes.startIndex + range.upperBound, start + MboxSplitter.headLimit)]
        }
        for message in messages where message.start <= message.end && message.end <= bytes.count {
            let range = message.start..<message.end
            if var keys = head(range).withUnsafeBufferPointer({ MessageKeys.read($0, parents: &parents) }) {
                if keys.date == nil { keys.date = MboxSeparator.date(before: bytes.startIndex + range.lowerBound, in: bytes) }
                items.append(MailItem(envelope: MailEnvelope(date: keys.date, seen: keys.seen), seen: keys.seen, file: 0, range: range))
                keyed.addMessage(keys.id)
                keyed.addParents(parents)
                dates.append(keys.date)
                commentIDs.append(keys.commentID)
            } else {
                // A message without a Message-ID is named by what it says (`UnnamedMessage`): it is read in
                // full. A message without a header block is kept, as a thread of its own: nothing is lost.
                var envelope = MailEnvelope.parse(head(range)) ?? MailEnvelope(subject: "(a message without headers)")
                if envelope.date == nil { envelope.date = MboxSeparator.date(before: bytes.startIndex + range.lowerBound, in: bytes) }
                let whole = bytes[(bytes.startIndex + range.lowerBound)..<(bytes.startIndex + range.upperBound)]
                let item = MailItem(envelope: envelope, seen: envelope.seen, file: 0, range: range, unnamedID: unnamedID(envelope, whole))
                items.append(item)
                keyed.addMessage(envelope.messageID.map(KeptMessage.key) ?? 0)
                keyed.addParents(envelope.parents.map(KeptMessage.key))
                dates.append(envelope.date)
                commentIDs.append(MailThreads.commentID(item))
            }
        }
        var threads = MailThreads(consume items, keys: consume keyed, dates: consume dates, commentIDs: consume commentIDs)
        for thread in threads.threads {
            guard let first = thread.nodes.lazy.compactMap(\.message).first,
                  let envelope = MailEnvelope.parse(head(threads.items[first].range)) else { continue }
            threads.replaceEnvelope(of: first, with: envelope)
            // A missing start is named by the id that was threaded under its hash: its first reply's
            // references, else another reply's (the start may be known only from a later one).
            if let placeholder = thread.nodes.first?.placeholderID {
                let named = thread.nodes.lazy.compactMap(\.message).compactMap { message -> String? in
                    let parents = message == first ? envelope.parents : MailEnvelope.parse(head(threads.items[message].range))?.parents ?? []
                    return parents.first { MessageKeys.name(of: $0) == placeholder }
                }.first
                threads.placeholderNames[placeholder] = named ?? envelope.parents.first
            }
        }
        return threads.threads.filter { !startsOnly || $0.nodes.first?.message != nil }.map { thread in
            threads.summary(thread, source: mboxSource(thread, threads, path: path),
                            commentIDs: threads.wantsCommentIDs(thread, needsCommentIDs))
        }
    }

    /// Only the part of the archive the thread spans is read again, or only its messages when they are
    /// spread far apart (`MboxLocator`).
    public func story(in bytes: [UInt8], for summary: StorySummary) throws -> Story {
        guard Self.isMbox(bytes) else {
            return try story(inFiles: [FileContents(path: summary.path, bytes: bytes)], for: summary)
        }
        if let story = try? Self.mboxStory(summary: summary, read: { range in
            guard range.upperBound <= bytes.count else { throw LoadFailure.storyGone }
            return bytes[range]
        }) {
            return story
        }
        // The file changed since it was listed: the thread is looked for in all of it.
        let threads = try Self.mboxThreads(bytes[...], path: summary.path)
        guard let thread = threads.threads.first(where: { threads.storyID($0) == summary.id }) else { throw LoadFailure.storyGone }
        var story = threads.story(thread, source: summary.source) { Self.mboxMessage(bytes[...], threads.items[$0]) }
        story.source = summary.source
        return story
    }

    public func summaries(streamingFile path: String, needsCommentIDs: (String, String?) -> Bool) throws -> [ImportedSummary]? {
        let items = try MboxStream.items(path)
        guard !items.isEmpty else { throw LoadFailure.malformed("an mbox with no messages") }
        let threads = MailThreads(items)
        return threads.threads.map { thread in
            threads.summary(thread, source: Self.mboxSource(thread, threads, path: path),
                            commentIDs: threads.wantsCommentIDs(thread, needsCommentIDs))
        }
    }

    public func story(streamingFile path: String, for summary: StorySummary) throws -> Story? {
        try Self.mboxStory(summary: summary) { range in try FileBytes.range(path, offset: range.lowerBound, count: range.count)[...] }
    }

    /// Every thread of an archive too large to hold, each message read on its own from its place.
    public func stories(streamingFile path: String) throws -> [Story]? {
        let items = try MboxStream.items(path)
        guard !items.isEmpty else { throw LoadFailure.malformed("an mbox with no messages") }
        let threads = MailThreads(items)
        return try threads.threads.map { thread in
            var failure: Error?
            let story = threads.story(thread, source: Self.mboxSource(thread, threads, path: path)) { index in
                let range = threads.items[index].range
                do {
                    return Self.message(try FileBytes.range(path, offset: range.lowerBound, count: range.count)[...])
                } catch {
                    failure = error
                    return nil
                }
            }
            if let failure { throw failure }
            return story
        }
    }

    /// The thread a list entry points at, from the bytes `read` gives for a range of the file: its span, or
    /// each of its messages (`MboxLocator.parts`). The thread is the one holding the message at the span's
    /// start (the first of its messages in the file), so two threads under one id are told apart.
    private static func mboxStory(summary: StorySummary, read: (Range<Int>) throws -> ArraySlice<UInt8>) throws -> Story? {
        guard let locator = summary.source.locator, let span = MboxLocator.span(locator) else { return nil }
        var items: [MailItem] = []
        var texts: [ArraySlice<UInt8>] = []
        let parts = MboxLocator.parts(locator) ?? [span]
        // An archive whose separators carry no dates is split by its first line's kind.
        let undated = try span.lowerBound > 0
            && MboxSplitter.writesUndatedSeparators(read(0..<min(span.lowerBound, MboxSplitter.lineLimit + 2)))
        for part in parts {
            let bytes = try read(part)
            for var item in mboxItems(bytes, file: 0, base: part.lowerBound, startsInMessage: true, undatedSeparators: undated) {
                // The separator line of the part's first message lies before the part.
                if item.envelope.date == nil, item.range.lowerBound == part.lowerBound, part.lowerBound > 0 {
                    let before = try read(max(0, part.lowerBound - MboxSeparator.lookBehind)..<part.lowerBound)
                    item.envelope.date = MboxSeparator.date(before: before.endIndex, in: before)
                }
                items.append(item)
                let lower = bytes.startIndex + (item.range.lowerBound - part.lowerBound)
                let upper = bytes.startIndex + (item.range.upperBound - part.lowerBound)
                texts.append(bytes[lower..<min(upper, bytes.endIndex)])
            }
        }
        let threads = MailThreads(items)
        guard let thread = threads.threads.first(where: { $0.nodes.contains { $0.message.map { items[$0].range.lowerBound } == span.lowerBound } })
            ?? threads.threads.first(where: { threads.storyID($0) == summary.id }) else { return nil }
        var story = threads.story(thread, source: summary.source) { Self.message(texts[$0]) }
        story.id = summary.id
        return story
    }

    /// A message's bytes in an mbox, its escaping undone; a message without a header block is its text.
    static func message(_ bytes: ArraySlice<UInt8>) -> MailMessage {
        let unescaped = MboxSeparator.unescaped(bytes)
        return MailMessage.parse(unescaped) ?? textMessage(unescaped)
    }

    /// A message without a header block: all of it is its text, in no charset it names (UTF-8, else
    /// Windows-1252, as mail without a charset is read; UTF-16 or UTF-32 with a byte-order mark).
    static func textMessage(_ bytes: ArraySlice<UInt8>) -> MailMessage {
        let marked = TextDecoding.wideEncoding(bytes) != nil || bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let text = marked ? TextDecoding.decode(Array(bytes)) : MailCharsets.utf8OrWindows1252(bytes)
        return MailMessage(envelope: MailEnvelope(), body: MailText.body(text), attachments: [], notes: [])
    }

    /// The envelope of a Maildir's file that has no header block (a message all the same), nil for any
    /// other file without one.
    private static func headerless(path: String) -> MailEnvelope? {
        guard MaildirPath.isMessage(path) else { return nil }
        var envelope = MailEnvelope(subject: "(a message without headers)")
        envelope.hasNoHeaders = true
        return envelope
    }

    /// A file's envelope; for a Maildir's file with no header block, or with none of a message's fields,
    /// the envelope of a message without headers (a note saved there: `Reminder: call the bank`).
    private static func maildirEnvelope(_ file: FileContents) -> MailEnvelope? {
        guard let envelope = MailEnvelope.parse(file.bytes[...]) else { return headerless(path: file.path) }
        return envelope.saysNothing ? headerless(path: file.path) ?? envelope : envelope
    }

    /// An mbox: its first line (after blank ones) is a separator (`From sender date`), headers after it or
    /// not, or `From ` and a sender with a message's header block after it (`MailSniffer.looksLikeMbox`).
    /// A file claimed as mail by its name (`.mbox`) is one too when a separator and a header field come
    /// later in its first bytes: the text before them is a message without headers (`MboxSplitter`).
    static func isMbox(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(4096)
        if MailSniffer.looksLikeMbox(head) { return true }
        return head.withUnsafeBufferPointer { buffer in
            let start = MailSniffer.firstLineAfterBlanks(buffer)
            // A message saved alone starts with a header field: no separator is looked for after it.
            let firstEnd = HeaderBlockScanner.lineEnd(buffer, from: start, to: buffer.count)
            if HeaderBlockScanner.nameEnd(buffer, from: start, to: firstEnd) != nil { return false }
            var lineStart = start
            while lineStart < buffer.count {
                let lineEnd = HeaderBlockScanner.lineEnd(buffer, from: lineStart, to: buffer.count)
                if MboxSeparator.isSeparator(buffer, lineStart: lineStart, lineEnd: lineEnd) {
                    guard lineStart > start else { return true }
                    let nextEnd = HeaderBlockScanner.lineEnd(buffer, from: lineEnd + 1, to: buffer.count)
                    if lineEnd < buffer.count, HeaderBlockScanner.nameEnd(buffer, from: lineEnd + 1, to: nextEnd) != nil { return true }
                }
                lineStart = lineEnd + 1
            }
            return false
        }
    }

    private static func mboxThreads(_ bytes: ArraySlice<UInt8>, path: String) throws -> MailThreads {
        let items = mboxItems(bytes, file: 0)
        guard !items.isEmpty else { throw LoadFailure.malformed("an mbox with no messages") }
        return MailThreads(items)
    }

    /// The messages of an mbox held in memory; `startsInMessage` for a part of an archive that starts right
    /// after a separator line.
    static func mboxItems(_ bytes: ArraySlice<UInt8>, file: Int, base: Int = 0, startsInMessage: Bool = false,
                          undatedSeparators: Bool = false) -> [MailItem] {
        MboxSplitter.messages(in: bytes, base: base, startsInMessage: startsInMessage, undatedSeparators: undatedSeparators).compactMap { message in
            let lower = bytes.startIndex + (message.start - base), upper = bytes.startIndex + (message.end - base)
            guard lower <= upper, upper <= bytes.endIndex else { return nil }
            let head = bytes[lower..<min(upper, lower + MboxSplitter.headLimit)]
            // A message without a header block is kept, as a thread of its own: nothing of it is lost.
            var envelope = MailEnvelope.parse(head) ?? MailEnvelope(subject: "(a message without headers)")
            // Without a readable Date:, the date on its separator line (before it, when that is in the bytes).
            if envelope.date == nil { envelope.date = MboxSeparator.date(before: lower, in: bytes) }
            return MailItem(envelope: envelope, seen: envelope.seen, file: file, range: message.start..<message.end,
                            unnamedID: unnamedID(envelope, bytes[lower..<upper]))
        }
    }

    /// The name of a message without a Message-ID, made of its bytes; nil for one with an id.
    static func unnamedID(_ envelope: MailEnvelope, _ bytes: ArraySlice<UInt8>) -> UInt64? {
        envelope.messageID == nil ? UnnamedMessage.name(bytes, envelope: envelope) : nil
    }

    private static func mboxMessage(_ bytes: ArraySlice<UInt8>, _ item: MailItem, offset: Int = 0) -> MailMessage? {
        let lower = offset + item.range.lowerBound, upper = offset + item.range.upperBound
        guard lower >= bytes.startIndex, upper <= bytes.endIndex, lower <= upper else { return nil }
        return message(bytes[lower..<upper])
    }

    private static func mboxSource(_ thread: MessageThread, _ threads: MailThreads, path: String) -> SourceReference {
        let ranges = thread.nodes.compactMap(\.message).map { threads.items[$0].range }.sorted { $0.lowerBound < $1.lowerBound }
        let span = (ranges.first?.lowerBound ?? 0)..<(ranges.map(\.upperBound).max() ?? 0)
        // Messages far apart in a big archive (a thread answered over months) are read one by one.
        let spread = span.count > MboxLocator.spreadLimit && span.count > 2 * ranges.reduce(0) { $0 + $1.count }
        return SourceReference(path: path, locator: MboxLocator.name(span, storyID: threads.storyID(thread), parts: spread ? ranges : nil))
    }
}
