/// One JSON Lines record per story, the `tidings dump` schema in docs/FORMAT.md.
public enum StoryJSON {
    /// The story as one line of JSON (no trailing newline). Replies nest without recursion, so any depth encodes.
    public static func line(_ story: Story) -> String {
        var out = "{\"id\":"
        JSONText.appendString(story.id, to: &out)
        out += ",\"path\":"
        JSONText.appendString(story.path, to: &out)
        out += ",\"format\":"
        JSONText.appendString(story.format, to: &out)
        field("title", story.title, &out)
        field("category", story.category, &out)
        field("via", story.via, &out)
        field("age", story.age, &out)
        out += ",\"declaredComments\":" + (story.declaredComments.map(String.init) ?? "null")
        field("byline", story.byline, &out)
        out += ",\"body\":["
        for (index, paragraph) in story.body.enumerated() {
            if index > 0 { out += "," }
            JSONText.appendString(paragraph, to: &out)
        }
        out += "],\"comments\":["
        appendComments(story.comments, to: &out)
        out += "]}"
        return out
    }

    private static func field(_ key: String, _ value: String?, _ out: inout String) {
        out += ",\"\(key)\":"
        JSONText.appendOptional(value, to: &out)
    }

    /// Pre-order with depths is enough: open a `replies` array on the way down, close them on the way up.
    private static func appendComments(_ comments: [Comment], to out: inout String) {
        var openDepth = -1  // depth of the comment whose object is still open
        for comment in comments {
            if comment.depth > openDepth {
                if openDepth >= 0 { out += ",\"replies\":[" }
            } else {
                closeObjects(from: openDepth, to: comment.depth, &out)
                out += ","
            }
            out += "{\"id\":\"\(comment.id)\",\"author\":"
            JSONText.appendOptional(comment.author, to: &out)
            out += ",\"age\":"
            JSONText.appendOptional(comment.age, to: &out)
            out += ",\"text\":"
            JSONText.appendString(comment.text, to: &out)
            openDepth = comment.depth
        }
        if openDepth >= 0 { closeObjects(from: openDepth, to: 0, &out) }
    }

    /// Closes the open comment at `from` and every ancestor down to depth `to`; each closed parent
    /// also closes its `replies` array. The comment at `to` itself is closed without emptying its replies.
    private static func closeObjects(from: Int, to: Int, _ out: inout String) {
        out += ",\"replies\":[]}"
        var depth = from
        while depth > to {
            out += "]}"
            depth -= 1
        }
    }
}
