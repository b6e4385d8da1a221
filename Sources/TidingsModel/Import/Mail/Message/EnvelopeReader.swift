import Foundation

/// The raw MIME header values of one entity (the message itself or a part), first occurrence of each.
struct MIMEHeaderValues {
    var contentType: [UInt8]?
    var transferEncoding: [UInt8]?
    var disposition: [UInt8]?
}

/// Reads a message's header block into its envelope in one pass, and, when asked, the top entity's MIME
/// headers too (so that a full parse scans the headers once). Only the values of fields it needs are
/// copied out of the buffer.
enum EnvelopeReader {
    static func read(_ buffer: UnsafeBufferPointer<UInt8>, collectingMIME: Bool,
                     threadingOnly: Bool = false) -> (envelope: MailEnvelope, mime: MIMEHeaderValues, isANews: Bool)? {
        let head = HeaderBlockStart(buffer)
        let start = head.offset
        guard head.startsWithField else {
            guard let article = ANewsArticle.parse(buffer, from: start) else { return nil }
            return (article, MIMEHeaderValues(), true)
        }
        var envelope = MailEnvelope()
        var mime = MIMEHeaderValues()
        var replyTo: [String] = []
        var dateField: HeaderField?
        var postedField: HeaderField?
        var sawMessageID = false, sawSubject = false, sawFrom = false, sawNewsgroups = false
        // B News before 2.10 named the subject `Title:` and the id `Article-I.D.:` (bare, `eagle.642`).
        var title: HeaderField?, articleID: HeaderField?
        // A subject or sender written in raw 8-bit bytes that are not UTF-8 (old clients, KOI8-R, Shift_JIS):
        // read again in the charset the message declares for its text, once every field is seen.
        var rawSubject: HeaderField?, rawFrom: HeaderField?, contentTypeField: HeaderField?
        var scanner = HeaderBlockScanner(buffer, from: start, to: buffer.count)
        while let field = scanner.next() {
            guard let name = MailHeaderName.identify(buffer, from: field.nameStart, to: field.nameEnd) else { continue }
            switch name {
            case .messageID:
                guard !sawMessageID else { continue }
                envelope.messageID = HeaderBlockScanner.withValue(buffer, field) { MessageIDs.normalise(bytes: $0) }
                sawMessageID = envelope.messageID != nil
            case .references:
                envelope.parents.append(contentsOf: HeaderBlockScanner.withValue(buffer, field) { MessageIDs.all(bytes: $0) })
            case .inReplyTo:
                replyTo.append(contentsOf: HeaderBlockScanner.withValue(buffer, field) { MessageIDs.all(bytes: $0) })
            case .subject:
                guard !sawSubject, !threadingOnly else { continue }
                sawSubject = true
                envelope.subject = HeaderBlockScanner.withValue(buffer, field) { HeaderSyntax.text($0) }
                if RawHeaderCharset.needsCharset(buffer, field) { rawSubject = field }
            case .from:
                guard !sawFrom, !threadingOnly else { continue }
                sawFrom = true
                (envelope.fromName, envelope.fromAddress) = HeaderBlockScanner.withValue(buffer, field) { MailAddress.parse($0) }
                if RawHeaderCharset.needsCharset(buffer, field) { rawFrom = field }
            case .date:
                if dateField == nil { dateField = field }
            case .posted:
                if postedField == nil { postedField = field }
            case .status, .xStatus:
                if buffer[field.valueStart..<field.valueEnd].contains(UInt8(ascii: "R")) { envelope.seen = true }
            case .newsgroups:
                guard !sawNewsgroups, !threadingOnly else { continue }
                sawNewsgroups = true
                envelope.newsgroups = HeaderBlockScanner.withValue(buffer, field) { newsgroups($0) }
            case .contentType:
                if contentTypeField == nil { contentTypeField = field }
                if collectingMIME, mime.contentType == nil { mime.contentType = HeaderBlockScanner.value(buffer, field) }
            case .contentTransferEncoding:
                if collectingMIME, mime.transferEncoding == nil { mime.transferEncoding = HeaderBlockScanner.value(buffer, field) }
            case .contentDisposition:
                if collectingMIME, mime.disposition == nil { mime.disposition = HeaderBlockScanner.value(buffer, field) }
            case .title:
                if title == nil { title = field }
            case .articleID:
                if articleID == nil { articleID = field }
            case .contentLength:
                continue
            }
        }
        if !sawMessageID, let articleID {
            envelope.messageID = HeaderBlockScanner.withValue(buffer, articleID) { MessageIDs.normalise(bytes: $0) }
        }
        if !sawSubject, !threadingOnly, let title {
            envelope.subject = HeaderBlockScanner.withValue(buffer, title) { HeaderSyntax.text($0) }
        }
        if rawSubject != nil || rawFrom != nil, let contentTypeField,
           let charset = RawHeaderCharset.declared(HeaderBlockScanner.value(buffer, contentTypeField),
                                                   body: UnsafeBufferPointer(rebasing: buffer[min(scanner.bodyOffset ?? buffer.count, buffer.count)...])) {
            if let rawSubject, let utf8 = RawHeaderCharset.utf8(HeaderBlockScanner.value(buffer, rawSubject), charset: charset) {
                envelope.subject = HeaderSyntax.text(utf8)
            }
            if let rawFrom, let utf8 = RawHeaderCharset.utf8(HeaderBlockScanner.value(buffer, rawFrom), charset: charset) {
                (envelope.fromName, envelope.fromAddress) = utf8.withUnsafeBufferPointer { MailAddress.parse($0) }
            }
        }
        envelope.bodyOffset = scanner.bodyOffset ?? buffer.count
        envelope.headerCut = scanner.wasCut
        envelope.parents = uniqueParents(envelope.parents, then: replyTo)
        envelope.date = head.date(buffer, dateField: dateField, postedField: postedField)
        return (envelope, mime, false)
    }

    /// References, then In-Reply-To ids not already listed; each id once, at its first place (ids as
    /// strings, or as hashes when an archive is listed: `MessageKeys`).
    static func uniqueParents<ID: Hashable>(_ references: [ID], then replyTo: [ID]) -> [ID] {
        if replyTo.isEmpty && references.count <= 12 {
            // Nothing to drop (nearly always): no new array.
            var repeats = false
            for index in references.indices.dropFirst() where references[..<index].contains(references[index]) {
                repeats = true
                break
            }
            if !repeats { return references }
        }
        var parents: [ID] = []
        parents.reserveCapacity(references.count + replyTo.count)
        if references.count + replyTo.count <= 12 {
            // Few ids (nearly always): a look along the list costs less than hashing them.
            for id in references + replyTo where !parents.contains(id) { parents.append(id) }
            return parents
        }
        var seen = Set<ID>()
        for id in references where seen.insert(id).inserted { parents.append(id) }
        for id in replyTo where seen.insert(id).inserted { parents.append(id) }
        return parents
    }

    static func newsgroups<Bytes: Collection<UInt8>>(_ value: Bytes) -> [String] where Bytes.Index == Int {
        value.split(separator: UInt8(ascii: ",")).compactMap { group in
            var start = group.startIndex, end = group.endIndex
            while start < end, HeaderBlockScanner.isWhitespace(group[start]) { start += 1 }
            while end > start, HeaderBlockScanner.isWhitespace(group[end - 1]) { end -= 1 }
            return start < end ? MailCharsets.utf8OrWindows1252(ArraySlice(group[start..<end])) : nil
        }
    }
}
