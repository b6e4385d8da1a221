import Foundation

/// Messages threaded into stories: the thread's first message is the story, the replies its comments. List
/// entries come from envelopes alone; a story in full parses its messages' bytes (docs/DECISIONS.md §24).
struct MailThreads {
    private(set) var items: [MailItem]
    let threads: [MessageThread]
    /// Comment ids made when the messages were first read, when the items keep no Message-ID of their own
    /// (`KeptMessage`); nil: made from each envelope.
    private let keptCommentIDs: [CommentID]?
    /// The real id of a missing thread start, by the key it was threaded under (`KeptMessage` threads
    /// hashes, not ids).
    var placeholderNames: [String: String] = [:]

    /// Puts a message's full envelope in place of what was kept of it (same ids, so the threads stand); a
    /// date found outside its header block (its mbox separator line) stays.
    mutating func replaceEnvelope(of item: Int, with envelope: MailEnvelope) {
        let date = items[item].envelope.date
        items[item].envelope = envelope
        if envelope.date == nil { items[item].envelope.date = date }
    }

    /// For each message, how many with the same Message-ID come before it, by date (a message saved twice,
    /// or two messages given one id; `ThreadLinks`): the later ones are told apart by `#2`, `#3` in their ids.
    private let occurrences: [Int]
    /// Each message's id as its stable hash (`KeptMessage.key`), 0 for none.
    private let idKeys: [UInt64]

    /// For a thread whose first message shares its id with others (it is numbered `#2` or later), every
    /// message with that id: the thread is read again with their files, so it is numbered as it was listed
    /// (`ThreadLinks` numbers them by date). Empty for any other thread.
    func sharingItsID(_ thread: MessageThread) -> [Int] {
        guard let root = thread.nodes.first?.message, occurrences[root] > 0, idKeys[root] != 0 else { return [] }
        return idKeys.indices.filter { idKeys[$0] == idKeys[root] && $0 != root }
    }

    init(_ items: [MailItem]) {
        self.init(items, inputs: items.map { ThreadInput(id: $0.envelope.messageID, parents: $0.envelope.parents, date: $0.envelope.date) },
                  commentIDs: nil)
    }

    /// Messages threaded by the keys given (hashes of their ids, for kept messages), with the comment ids
    /// made before when the items keep no Message-ID.
    init(_ items: [MailItem], inputs: [ThreadInput], commentIDs: [CommentID]?) {
        let (threads, copies) = MessageThreader.threadsCountingCopies(inputs)
        self.init(items, threads: threads, copies: copies, commentIDs: commentIDs,
                  idKeys: inputs.map { $0.id.flatMap { $0.isEmpty ? nil : KeptMessage.key($0) } ?? 0 }) {
            inputs[$0].id?.isEmpty ?? true ? inputs[$0].id : nil
        }
    }

    /// Messages threaded by their ids' hashes (an archive's or a Maildir's, listed without a string per
    /// message), with the comment ids made when they were read.
    init(_ items: [MailItem], keys: KeyedThreadIDs, dates: [Date?], commentIDs: [CommentID]) {
        let (threads, copies) = MessageThreader.threadsCountingCopies(keys, dates: dates)
        self.init(items, threads: threads, copies: copies, commentIDs: commentIDs, idKeys: keys.ids) { keys.ids[$0] == 0 ? .some(nil) : nil }
    }

    /// `idless`: for a message without an id, the empty id it has (`.some(nil)`: none at all); nil for one
    /// with an id, whose copies threading counted.
    private init(_ items: [MailItem], threads: [MessageThread], copies: [Int], commentIDs: [CommentID]?, idKeys: [UInt64],
                 idless: (Int) -> String??) {
        self.items = items
        self.threads = threads
        self.idKeys = idKeys
        keptCommentIDs = commentIDs
        var copies = copies
        // A message without an id counts by its name: byte-identical copies are told apart by their order.
        var seen: [String: Int] = [:]
        for index in items.indices {
            guard let empty = idless(index), let name = empty ?? items[index].unnamedID.map(UnnamedMessage.text) else { continue }
            copies[index] = seen[name, default: 0]
            seen[name, default: 0] += 1
        }
        occurrences = copies
    }

    static let format = "mail"

    /// `mail:` and the id of the thread's first message, or of the missing message a thread answers
    /// (docs/STATE.md); a first message without an id is named by a hash of what it is.
    func storyID(_ thread: MessageThread) -> String {
        guard let root = thread.nodes.first else { return "mail:" }
        if let id = root.placeholderID { return "mail:" + (placeholderNames[id] ?? id) }
        guard let message = root.message else { return "mail:" }
        let id = items[message].envelope.messageID ?? Self.name(items[message])
        return "mail:" + id + (occurrences[message] > 0 ? "#\(occurrences[message] + 1)" : "")
    }

    /// The id a thread under a missing start had before that start's own parent turned up: `mail:` and its
    /// first message's id (that message was the missing start then, and is saved now under a missing
    /// parent); or, for a start that answers another (a loop), the id of the one it answers first. Its
    /// marks move to the thread's id now (`ReadState.adoptLegacyMarks`). Nil otherwise.
    func formerID(_ thread: MessageThread) -> String? {
        // A start that answers another message (a loop was cut above it, `ThreadLinks.breakLoops`) was known
        // by the missing message it answers until that one arrived: its marks are there.
        if let root = thread.nodes.first?.message {
            guard let parent = items[root].envelope.parents.first, parent != items[root].envelope.messageID else { return nil }
            return "mail:" + parent
        }
        guard thread.nodes.count > 1, let first = thread.nodes[1].message,
              let id = items[first].envelope.messageID else { return nil }
        return "mail:" + id
    }

    /// `needsCommentIDs` asked of a thread, under its id and its former one.
    func wantsCommentIDs(_ thread: MessageThread, _ needsCommentIDs: (String, String?) -> Bool) -> Bool {
        needsCommentIDs(storyID(thread), formerID(thread))
    }

    /// Whether the mail client marked the thread's start read. A start that is not saved has nothing to
    /// read: it counts as read once every message saved under it is.
    private func rootSeenAtSource(_ thread: MessageThread) -> Bool {
        if let root = thread.nodes.first?.message { return items[root].seen }
        let saved = thread.nodes.lazy.compactMap(\.message)
        return !saved.isEmpty && saved.allSatisfy { items[$0].seen }
    }

    /// The list entry of a thread.
    func summary(_ thread: MessageThread, source: SourceReference, commentIDs wanted: Bool) -> ImportedSummary {
        let id = storyID(thread)
        var summary = StorySummary(id: id, legacyID: formerID(thread), source: source, format: Self.format, header: header(thread),
                                   commentCount: thread.nodes.dropFirst().reduce(0) { $0 + ($1.message == nil ? 0 : 1) })
        let comments = thread.nodes.dropFirst().compactMap(\.message)
        let seen = comments.filter { items[$0].seen }.map(commentID(of:))
        let rootSeen = rootSeenAtSource(thread)
        if rootSeen || !seen.isEmpty { summary.sourceMarks = SourceMarks(storyRead: rootSeen, readComments: seen) }
        return ImportedSummary(summary: summary, commentIDs: wanted ? comments.map(commentID(of:)) : nil)
    }

    /// The Message-ID a node stands for: its message's, or the missing one's it holds the place of.
    private func id(of node: MessageThread.Node) -> String? {
        node.message.map { items[$0].envelope.messageID } ?? node.placeholderID
    }

    /// The thread in full; `message` parses the bytes of one item (nil when they cannot be read again).
    func story(_ thread: MessageThread, source: SourceReference, message: (Int) -> MailMessage?) -> Story {
        var story = Story(id: storyID(thread), source: source, format: Self.format, header: header(thread))
        story.legacyID = formerID(thread)
        if let root = thread.nodes.first?.message {
            let parsed = message(root)
            story.body = parsed.map(Self.bodyWithNotes) ?? StoryBody(paragraphs: ["This message could not be read again."])
            story.seenAtSource = items[root].seen
            story.attachments = parsed?.attachments ?? []
        } else {
            story.body = StoryBody(paragraphs: ["The first message of this thread is not saved here; its replies follow."])
            story.bodyIsNote = true
            story.seenAtSource = rootSeenAtSource(thread)
        }
        // Node index → comment index, for parents; the root is the story, so its children are top-level.
        var commentIndex = [Int?](repeating: nil, count: thread.nodes.count)
        for (index, node) in thread.nodes.enumerated().dropFirst() {
            let parent = node.parent.flatMap { $0 == 0 ? nil : commentIndex[$0] }
            let depth = parent.map { story.comments[$0].depth + 1 } ?? 0
            commentIndex[index] = story.comments.count
            guard let item = node.message else {
                var stub = Comment(id: ServiceIDs.comment("mail:" + (node.placeholderID ?? "")), kind: .unsaved, depth: depth,
                                   parent: parent, text: "A message not saved here")
                stub.serviceID = node.placeholderID
                story.comments.append(stub)
                continue
            }
            let envelope = items[item].envelope
            let parsed = message(item)
            var comment = Comment(id: commentID(of: item), serviceID: envelope.messageID, depth: depth, parent: parent,
                                  author: envelope.sender, date: envelope.date,
                                  body: parsed.map(Self.bodyWithNotes) ?? StoryBody(paragraphs: ["This message could not be read again."]))
            comment.subject = envelope.subject
            comment.answersMissingMessage = envelope.parents.last.map { $0 != id(of: thread.nodes[node.parent ?? 0]) } ?? false
            comment.seenAtSource = items[item].seen
            comment.attachments = parsed?.attachments ?? []
            story.comments.append(comment)
        }
        Story.countDescendants(&story.comments)
        return story
    }

    /// Title, sender and date of the thread's first message; a thread whose first message is missing is
    /// titled by its first reply's subject without `Re:`, and dated by its earliest message (it began no
    /// later), so sorting by date puts it among the others, not after the undated.
    private func header(_ thread: MessageThread) -> StoryHeader {
        var header = StoryHeader()
        if let root = thread.nodes.first?.message {
            let envelope = items[root].envelope
            header.title = envelope.subject.flatMap { $0.isEmpty ? nil : $0 } ?? "(no subject)"
            header.author = envelope.sender
            header.date = envelope.date
            header.category = envelope.newsgroups.isEmpty ? nil : envelope.newsgroups.joined(separator: ", ")
        } else {
            let first = thread.nodes.lazy.compactMap(\.message).first.map { items[$0].envelope }
            header.title = first?.subject.map { SubjectPrefix.stripped($0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "(no subject)"
            header.category = first.flatMap { $0.newsgroups.isEmpty ? nil : $0.newsgroups.joined(separator: ", ") }
            header.date = thread.nodes.lazy.compactMap(\.message).compactMap { items[$0].envelope.date }.min()
        }
        return header
    }

    func commentID(of item: Int) -> CommentID {
        let id = keptCommentIDs?[item] ?? Self.commentID(items[item])
        guard occurrences[item] > 0 else { return id }
        var hash = StableHash()
        hash.add("mail duplicate")
        hash.add(id.value)
        hash.add(UInt64(occurrences[item]))
        return CommentID(value: hash.value)
    }

    /// The comment id of a message: the hash of its Message-ID, or of its name when it has none.
    static func commentID(_ item: MailItem) -> CommentID {
        ServiceIDs.comment("mail:" + (item.envelope.messageID ?? name(item)))
    }

    /// The name of a message without a Message-ID: made of its bytes (`UnnamedMessage`), else (when they
    /// were not at hand) a hash of its sender, date and subject.
    static func name(_ item: MailItem) -> String {
        item.unnamedID.map(UnnamedMessage.text) ?? hashName(item.envelope)
    }

    static func hashName(_ envelope: MailEnvelope) -> String {
        var hash = StableHash()
        hash.add(envelope.fromAddress ?? envelope.fromName ?? "")
        hash.add(envelope.date.map { String(Int64($0.timeIntervalSince1970)) } ?? "")
        hash.add(envelope.subject ?? "")
        return "no-id-" + String(hash.value, radix: 36)
    }

    /// The message's text, with what could not be decoded said at its end.
    static func bodyWithNotes(_ message: MailMessage) -> StoryBody {
        guard !message.notes.isEmpty else { return message.body }
        var body = message.body
        body.blocks.append(StoryBody.Block(.paragraph, [StoryBody.Run("[" + message.notes.joined(separator: "; ") + "]", emphasis: .italic)]))
        return body
    }
}

/// Reply and forward prefixes of subjects (`Re:`, `Fwd:`, `AW:`, `Ynt:`, `Re[2]:`, `Re^2:`), taken off to
/// title a thread.
public enum SubjectPrefix {
    /// The words mail clients put before a subject they answer or forward, lowercased, without the colon:
    /// replies (`Re`, German `AW` and `Antw`, Scandinavian `SV` and `VS`, Dutch `Antw`, Italian `R` and
    /// `Rif`, Portuguese `Res`, Polish `Odp`, Turkish Outlook's `Ynt`, Hungarian `Vá`) and forwards (`Fwd`,
    /// `Fw`, German `WG`, French `TR`, Spanish `RV`, Portuguese `Enc`, Dutch `Doorst`, Finnish `VL`), and
    /// those of Chinese and Korean clients, often before a full-width colon (`回复：`, Outlook's `答复:`,
    /// `转发:`, `회신:`, `전달:`).
    public static let words = ["re", "fwd", "fw", "aw", "sv", "vs", "antw", "r", "rif", "res", "odp", "ynt", "vá",
                               "wg", "tr", "rv", "enc", "doorst", "vl",
                               "回复", "回覆", "答复", "答覆", "转发", "轉寄", "轉發", "회신", "답장", "전달"]

    /// The forward prefixes among `words`: a forward is news under its parent, a reply is not.
    static let forwards: Set<String> = ["fwd", "fw", "wg", "tr", "rv", "enc", "doorst", "vl", "转发", "轉寄", "轉發", "전달"]

    /// The subject without the reply and forward prefixes before it (`Re: AW: `), its case kept;
    /// `keepingForwards` stops at the first forward prefix (`Re: Fwd: x` is `Fwd: x`).
    public static func stripped(_ subject: String, keepingForwards: Bool = false) -> String {
        var rest = Substring(subject).drop { $0 == " " }
        while true {
            let lower = rest.prefix(8).lowercased()
            var matched = false
            // French clients put a space before the colon (`Re : `).
            for word in words where lower.hasPrefix(word + ":") || lower.hasPrefix(word + "：") || lower.hasPrefix(word + " :") {
                if keepingForwards, forwards.contains(word) { break }
                rest = rest.dropFirst(word.count + (lower.hasPrefix(word + " :") ? 2 : 1)).drop { $0 == " " }
                matched = true
                break
            }
            if !matched, lower.hasPrefix("re["), let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].first == ":" {
                rest = rest[rest.index(close, offsetBy: 2)...].drop { $0 == " " }
                matched = true
            }
            if !matched, lower.hasPrefix("re^") {
                let digits = rest.dropFirst(3).prefix { $0.isASCII && $0.isNumber }
                if !digits.isEmpty, rest.dropFirst(3 + digits.count).first == ":" {
                    rest = rest.dropFirst(4 + digits.count).drop { $0 == " " }
                    matched = true
                }
            }
            if !matched { return String(rest) }
        }
    }
}
