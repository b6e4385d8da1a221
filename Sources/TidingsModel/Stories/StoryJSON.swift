import Foundation

/// One JSON Lines record per story, the `tidings dump` schema in docs/FORMAT.md.
public enum StoryJSON {
    /// The story as one line of JSON (no trailing newline). Replies nest without recursion, so any depth encodes.
    public static func line(_ story: Story) -> String {
        var out: [UInt8] = []
        append(story, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func append(_ story: Story, to out: inout [UInt8]) {
        raw("{\"id\":", &out)
        JSONText.appendString(story.id, to: &out)
        raw(",\"path\":", &out)
        JSONText.appendString(story.path, to: &out)
        field("locator", story.source.locator, &out)
        if !story.source.otherPaths.isEmpty { strings("otherPaths", story.source.otherPaths, &out) }
        raw(",\"format\":", &out)
        JSONText.appendString(story.format, to: &out)
        let header = story.header
        field("title", header.title, &out)
        field("author", header.author, &out)
        field("url", header.url, &out)
        field("category", header.category, &out)
        field("byline", header.byline, &out)
        field("date", header.date.map(isoDate), &out)
        field("dateText", header.dateText, &out)
        number("score", header.score, &out)
        number("declaredComments", header.declaredComments, &out)
        strings("body", story.body.lines, &out)
        strings("links", story.body.links, &out)
        // Only when there are some: a record without attachments stays as it always was.
        if !story.attachments.isEmpty { attachments(story.attachments, &out) }
        raw(",\"comments\":[", &out)
        appendComments(story.comments, to: &out)
        raw("]}", &out)
    }

    /// `2007-04-04T19:22:55Z`: whole seconds in UTC.
    static func isoDate(_ date: Date) -> String {
        let time = CivilTime.parts(of: date, offset: 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        // Four digits, as ISO 8601 wants and the reader reads back (dates from year 0 to 9999 parse).
        let digits = String(time.year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return "\(paddedYear)-\(two(time.month))-\(two(time.day))T\(two(time.hour)):\(two(time.minute)):\(two(time.second))Z"
    }

    /// `,"key":["a","b"]`.
    private static func strings(_ key: String, _ values: [String], _ out: inout [UInt8]) {
        raw(",\"\(key)\":[", &out)
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(0x2C) }
            JSONText.appendString(value, to: &out)
        }
        out.append(0x5D)
    }

    /// `,"attachments":[{"name":"a.pdf","type":"application/pdf","size":120}]`; a part without a name has
    /// `"name":null`.
    private static func attachments(_ attachments: [Comment.Attachment], _ out: inout [UInt8]) {
        raw(",\"attachments\":[", &out)
        for (index, attachment) in attachments.enumerated() {
            if index > 0 { out.append(0x2C) }
            raw("{\"name\":", &out)
            JSONText.appendOptional(attachment.name, to: &out)
            field("type", attachment.type, &out)
            number("size", attachment.size, &out)
            out.append(0x7D)
        }
        out.append(0x5D)
    }

    private static func number(_ key: String, _ value: Int?, _ out: inout [UInt8]) {
        raw(",\"\(key)\":" + (value.map(String.init) ?? "null"), &out)
    }

    private static func raw(_ text: String, _ out: inout [UInt8]) { out.append(contentsOf: text.utf8) }

    private static func field(_ key: String, _ value: String?, _ out: inout [UInt8]) {
        raw(",\"\(key)\":", &out)
        JSONText.appendOptional(value, to: &out)
    }

    /// Pre-order with depths is enough: open a `replies` array on the way down, close them on the way up.
    private static func appendComments(_ comments: [Comment], to out: inout [UInt8]) {
        var openDepth = -1  // depth of the comment whose object is still open
        for comment in comments {
            // A list that is not pre-order (a depth more than one below the last) still writes valid JSON.
            let depth = min(max(comment.depth, 0), openDepth + 1)
            if depth > openDepth {
                if openDepth >= 0 { raw(",\"replies\":[", &out) }
            } else {
                closeObjects(from: openDepth, to: depth, &out)
                out.append(0x2C)
            }
            raw("{\"id\":\"\(comment.id)\"", &out)
            field("serviceID", comment.serviceID, &out)
            raw(",\"author\":", &out)
            JSONText.appendOptional(comment.author, to: &out)
            raw(",\"age\":", &out)
            JSONText.appendOptional(comment.age, to: &out)
            if comment.kind != .comment { raw(",\"kind\":\"\(comment.kind == .deleted ? "deleted" : "unsaved")\"", &out) }
            if let date = comment.date { field("date", isoDate(date), &out) }
            if let score = comment.score { number("score", score, &out) }
            raw(",\"text\":", &out)
            JSONText.appendString(comment.text, to: &out)
            if let subject = comment.subject { field("subject", subject, &out) }
            if let url = comment.url { field("url", url, &out) }
            if !comment.body.links.isEmpty { strings("links", comment.body.links, &out) }
            if !comment.attachments.isEmpty { attachments(comment.attachments, &out) }
            openDepth = depth
        }
        if openDepth >= 0 { closeObjects(from: openDepth, to: 0, &out) }
    }

    /// Closes the open comment at `from` and every ancestor down to depth `to`; each closed parent
    /// also closes its `replies` array.
    private static func closeObjects(from: Int, to: Int, _ out: inout [UInt8]) {
        raw(",\"replies\":[]}", &out)
        var depth = from
        while depth > to {
            raw("]}", &out)
            depth -= 1
        }
    }
}
