/// The header fields parsing looks at, recognised from a field name's bytes without making a String.
enum MailHeaderName {
    case messageID, references, inReplyTo, subject, from, date, posted, status, xStatus, newsgroups
    /// B News before 2.10 (1981–1983): the subject and the id under their first names.
    case title, articleID
    case contentType, contentTransferEncoding, contentDisposition, contentLength

    /// The field a name stands for (ASCII case-insensitive), or nil for any other.
    static func identify(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> MailHeaderName? {
        func check(_ name: StaticString, _ field: MailHeaderName) -> MailHeaderName? {
            matches(buffer, start, name) ? field : nil
        }
        switch end - start {
        case 4: return check("date", .date) ?? check("from", .from)
        case 5: return check("title", .title)
        case 6: return check("status", .status) ?? check("posted", .posted)
        case 7: return check("subject", .subject)
        case 8: return check("x-status", .xStatus)
        case 10: return check("message-id", .messageID) ?? check("references", .references) ?? check("newsgroups", .newsgroups)
        case 11: return check("in-reply-to", .inReplyTo)
        case 12: return check("content-type", .contentType) ?? check("article-i.d.", .articleID)
        case 14: return check("content-length", .contentLength)
        case 19: return check("content-disposition", .contentDisposition)
        case 25: return check("content-transfer-encoding", .contentTransferEncoding)
        default: return nil
        }
    }

    /// Whether the bytes at `start` spell the lowercase `name` in any case. Names hold only printable
    /// ASCII, so setting bit 0x20 lowercases letters and leaves `-` as it is.
    private static func matches(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        let expected = name.utf8Start
        var offset = 0
        while offset < count {
            if buffer[start + offset] | 0x20 != expected[offset] { return false }
            offset += 1
        }
        return true
    }
}
