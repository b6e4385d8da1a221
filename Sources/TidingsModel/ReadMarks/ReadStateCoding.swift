import Foundation

/// The JSON encoding of `ReadState` described in docs/STATE.md.
public enum ReadStateCoding {
    /// The version this build writes.
    public static let version = 2
    /// The oldest version it still reads: version-1 entries become the legacy table (docs/STATE.md).
    public static let oldestReadableVersion = 1

    /// Why a state file's contents cannot be used.
    public struct DecodeError: Error, Equatable, CustomStringConvertible {
        public var description: String
        /// Set when the file is well formed but written by a newer Tidings.
        public var newerVersion: Int?

        public init(description: String, newerVersion: Int? = nil) {
            self.description = description
            self.newerVersion = newerVersion
        }
    }

    public static func encode(_ state: ReadState) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity((state.stories.count + state.legacy.count) * 40)
        out.append(contentsOf: "{\"version\":\(version),\"stories\":{".utf8)
        append(state.stories, to: &out)
        // Only files migrated from version 1 have a legacy table; the others do not pay for the key.
        if !state.legacy.isEmpty {
            out.append(contentsOf: ",\"legacy\":{".utf8)
            append(state.legacy, to: &out)
        }
        // After the marks, and only when there is something to undo: a version-2 build that does not know
        // the key skips it (docs/STATE.md, "Undo").
        if !state.undoSteps.isEmpty {
            out.append(contentsOf: ",\"undo\":[".utf8)
            for (index, step) in state.undoSteps.enumerated() {
                if index > 0 { out.append(0x2C) }
                out.append(0x0A)
                append(step, to: &out)
            }
            out.append(contentsOf: "\n]".utf8)
        }
        out.append(contentsOf: "}\n".utf8)
        return Data(out)
    }

    /// The entries of one table, one a line, sorted by id, and the table's closing brace.
    private static func append(_ entries: [String: ReadState.StoryMarks], to out: inout [UInt8]) {
        var first = true
        for (id, marks) in entries.sorted(by: { $0.key < $1.key }) {
            if !first { out.append(0x2C) }
            first = false
            out.append(0x0A)
            JSONText.appendString(id, to: &out)
            out.append(0x3A)
            appendMarks(read: marks.isRead, comments: marks.readComments, to: &out)
            if let taken = marks.takenFromClient {
                out.append(contentsOf: ",\"client\":".utf8)
                appendMarks(read: taken.story, comments: taken.comments, to: &out)
                out.append(0x7D)
            }
            out.append(0x7D)
        }
        out.append(contentsOf: "\n}".utf8)
    }

    /// `{"read":true,"comments":"…"` without its closing brace.
    private static func appendMarks(read: Bool, comments: CommentIDSet, to out: inout [UInt8]) {
        out.append(contentsOf: (read ? "{\"read\":true" : "{\"read\":false").utf8)
        if !comments.isEmpty {
            out.append(contentsOf: ",\"comments\":".utf8)
            appendPacked(comments.sorted, to: &out)
        }
    }

    /// One undo step on one line: `{"command":"toggle-read","stories":{"ID":{"read":false,"unread":"…"}}}`,
    /// with `read` the story's flag to restore, `comments` the ids to mark read again and `unread` the ids to
    /// mark unread again, packed like the read comments.
    private static func append(_ step: UndoStep, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"command\":".utf8)
        JSONText.appendString(step.command, to: &out)
        out.append(contentsOf: ",\"stories\":{".utf8)
        var first = true
        for (id, restore) in step.stories.sorted(by: { $0.key < $1.key }) {
            if !first { out.append(0x2C) }
            first = false
            JSONText.appendString(id, to: &out)
            out.append(contentsOf: ":{".utf8)
            var fields: [(String, [CommentID])] = []
            if !restore.readComments.isEmpty { fields.append(("comments", restore.readComments)) }
            if !restore.unreadComments.isEmpty { fields.append(("unread", restore.unreadComments)) }
            var separator = false
            if let read = restore.read {
                out.append(contentsOf: (read ? "\"read\":true" : "\"read\":false").utf8)
                separator = true
            }
            for (key, ids) in fields {
                if separator { out.append(0x2C) }
                separator = true
                out.append(contentsOf: "\"\(key)\":".utf8)
                appendPacked(ids, to: &out)
            }
            out.append(0x7D)
        }
        out.append(contentsOf: "}}".utf8)
    }

    /// Six-character ids back to back in one JSON string.
    private static func appendPacked<S: Collection>(_ ids: S, to out: inout [UInt8]) where S.Element == CommentID {
        out.append(0x22)
        var position = out.count
        out.append(contentsOf: repeatElement(0, count: ids.count * CommentID.characterCount))
        for comment in ids {
            Base64URL.append(comment.value, characters: CommentID.characterCount, to: &out, at: position)
            position += CommentID.characterCount
        }
        out.append(0x22)
    }

    /// What can be kept of a file `decode` refused for some story entries (a hand edit gone wrong): the
    /// other stories, and how many were left out; nil when the damage is not to entries alone.
    public static func salvage(_ data: Data) -> (state: ReadState, skipped: Int)? {
        guard var salvaged = data.withUnsafeBytes({ StateJSONReader.salvage($0.bindMemory(to: UInt8.self)) }) else { return nil }
        salvaged.state.moveToLegacy(where: FeedStoryID.isUnscopedLocal)
        return salvaged
    }

    public static func decode(_ data: Data) throws -> ReadState {
        do {
            var state = try data.withUnsafeBytes { try StateJSONReader.decode($0.bindMemory(to: UInt8.self)) }
            // Feed items whose guid is no URI were saved under unscoped ids before they were scoped by their
            // feed (`FeedStoryID`): their marks wait for the scoped stories as version-1 marks do.
            state.moveToLegacy(where: FeedStoryID.isUnscopedLocal)
            return state
        } catch is StateJSONReader.Malformed {
            // Valid JSON of another shape (`[]`, `null`, stories in a list) is told apart from damaged bytes:
            // the file is someone else's, or was edited by hand, not cut short.
            if (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) != nil {
                throw DecodeError(description: "valid JSON, but not laid out as a state file")
            }
            throw DecodeError(description: "not valid JSON")
        }
    }
}
