import Foundation

/// One pass over a native document's bytes.
struct NativeScan {
    /// The list entry only, the whole story, or only what a search looks at (`NativeScan.search`).
    enum Detail { case summary, full, search }

    var header = NativeHeader(title: "")
    var body: [StoryBody.Block] = []
    var comments: [Comment] = []
    var commentCount = 0
    var commentIDs: [CommentID]?
    /// Set once the body has been read (at the first comment, or at the end).
    private(set) var storyID = ""
    private(set) var legacyID: String?
    private var identified = false
    private var identity = StoryID.Builder()
    /// What a search found so far (search detail only).
    var tally: MatchTally?

    /// `commentIDsFor` is asked, with the story id and its version-1 id, whether comment ids are needed (a
    /// summary then collects them in `commentIDs`).
    static func run(_ original: [UInt8], detail: Detail, tally: MatchTally? = nil, commentIDsFor: (String, String?) -> Bool) throws -> NativeScan {
        if TextDecoding.looksBinary(original.prefix(4096)) { throw LoadFailure.binary }
        let bytes = TextBytes.normalized(original) ?? original
        var scan = NativeScan()
        scan.tally = tally
        try bytes.withUnsafeBufferPointer { try scan.scan($0, detail: detail, commentIDsFor: commentIDsFor) }
        return scan
    }

    private enum Phase { case title, header, beforeBody, body, comments }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, detail: Detail, commentIDsFor: (String, String?) -> Bool) throws {
        guard let base = bytes.baseAddress else { throw LoadFailure.empty }
        var phase = Phase.title
        var ids = CommentIDAssigner()
        var lastAtDepth: [CommentID] = []      // the parent chain: the latest comment id at each depth
        var lastIndexAtDepth: [Int] = []      // the same as indices into `comments` (full detail only)
        var wantIDs: Bool?  // decided at the first comment, when the header (and so the story id) is known
        var start = 0
        let count = bytes.count
        while start < count {
            let end = memchr(base + start, 0x0A, count - start).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
            let line = ByteLine(base: base, start: start, end: end)
            start = end + 1
            let blank = line.isBlank
            switch phase {
            case .title:
                if blank { continue }
                header.title = line.trimmed.string
                if detail == .search { tally?.storyField { $0.occurs(in: line.trimmed.raw) } }
                phase = .header
            case .header:
                if blank { phase = .beforeBody; continue }
                if header.read(Substring(line.trimmed.string)) { continue }
                phase = .body
                addParagraph(line.trimmed, detail: detail)
            case .beforeBody:
                if blank { continue }
                phase = .body
                addParagraph(line.trimmed, detail: detail)
            case .body:
                if blank { phase = .comments; continue }
                addParagraph(line.trimmed, detail: detail)
            case .comments:
                if blank { continue }
                commentCount += 1
                if detail == .search {
                    // The parts a parsed comment has: its author and its text (`TextQuery.match`).
                    let parts = line.trimmed.attribution
                    tally?.comment { needle in needle.occurs(in: parts.text.raw) || parts.author.map { needle.occurs(in: $0.raw) } == true }
                    continue
                }
                if wantIDs == nil {
                    identify()
                    wantIDs = detail == .full || commentIDsFor(storyID, legacyID)
                    if detail == .summary, wantIDs == true { commentIDs = [] }
                }
                guard wantIDs == true else { continue }
                let depth = min(line.indentWidth / 2, lastAtDepth.count)
                let parentID = depth > 0 ? lastAtDepth[depth - 1] : nil
                let parts = line.trimmed.attribution
                let id = ids.next(parent: parentID, author: parts.author, text: parts.text)
                lastAtDepth.removeSubrange(depth...)
                lastAtDepth.append(id)
                if detail == .full {
                    let parent = depth > 0 ? lastIndexAtDepth[depth - 1] : nil
                    lastIndexAtDepth.removeSubrange(depth...)
                    lastIndexAtDepth.append(comments.count)
                    comments.append(Comment(id: id, depth: depth, parent: parent, author: parts.author?.string,
                                            age: parts.age?.string, text: parts.text.string))
                } else {
                    commentIDs?.append(id)
                }
            }
        }
        if phase == .title { throw LoadFailure.empty }
        if detail == .search {
            for field in [header.via, header.category, header.byline].compactMap({ $0 }) { tally?.storyField { $0.occurs(in: field) } }
            return
        }
        identify()
        if detail == .full { Story.countDescendants(&comments) }
    }

    /// A body paragraph: hashed from its bytes for the id (no string unless the whole story is wanted).
    private mutating func addParagraph(_ line: ByteLine, detail: Detail) {
        if detail == .search {
            // A list item's text is without its `- `, as the parsed block's is.
            let text = line.hasPrefix("- ") ? ByteLine(base: line.base, start: line.start + 2, end: line.end) : line
            tally?.storyField { $0.occurs(in: text.raw) }
            return
        }
        // With an `Id:` header (always above the body) the body plays no part in the id.
        if header.id == nil { identity.addParagraph(line.raw) }
        if detail == .full {
            // `- ` starts a list item (docs/FORMAT.md).
            if line.hasPrefix("- ") {
                body.append(StoryBody.Block(.listItem, text: ByteLine(base: line.base, start: line.start + 2, end: line.end).string))
            } else {
                body.append(StoryBody.Block(.paragraph, text: line.string))
            }
        }
    }

    /// Fixes the story id and the version-1 id, once the header and body are read.
    private mutating func identify() {
        guard !identified else { return }
        identified = true
        if let id = header.id {
            // Ids from the header are the same in every version.
            storyID = id
            legacyID = id
            return
        }
        let title = header.title.lowercased()
        storyID = identity.id(lowercasedTitle: title, submitter: header.via, category: header.category,
                              byline: header.byline)
        legacyID = StoryID.version1(lowercasedTitle: title, submitter: header.via)
    }

    var storyHeader: StoryHeader {
        StoryHeader(title: header.title.isEmpty ? nil : header.title, author: header.via, category: header.category,
                    byline: header.byline, dateText: header.age, declaredComments: header.declaredComments)
    }

    /// The story read in full. The web addresses written in its text and its comments are numbered links,
    /// as in mail and news: the reader opens them by their number.
    func story(path: String, format: String) -> Story {
        var comments = comments
        for index in comments.indices { comments[index].body = PlainTextLinks.marked(comments[index].body) }
        return Story(id: storyID, legacyID: legacyID, source: SourceReference(path: path), format: format, header: storyHeader,
                     body: PlainTextLinks.marked(body), comments: comments)
    }

    func summary(path: String, format: String) -> StorySummary {
        StorySummary(id: storyID, legacyID: legacyID, source: SourceReference(path: path), format: format,
                     header: storyHeader, commentCount: commentCount)
    }
}
