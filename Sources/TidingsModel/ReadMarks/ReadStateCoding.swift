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
            out.append(contentsOf: (marks.isRead ? ":{\"read\":true" : ":{\"read\":false").utf8)
            if !marks.readComments.isEmpty {
                out.append(contentsOf: ",\"comments\":\"".utf8)
                var position = out.count
                out.append(contentsOf: repeatElement(0, count: marks.readComments.count * CommentID.characterCount))
                for comment in marks.readComments {
                    Base64URL.append(comment.value, characters: CommentID.characterCount, to: &out, at: position)
                    position += CommentID.characterCount
                }
                out.append(0x22)
            }
            out.append(0x7D)
        }
        out.append(contentsOf: "\n}".utf8)
    }

    public static func decode(_ data: Data) throws -> ReadState {
        do {
            return try data.withUnsafeBytes { try StateJSONReader.decode($0.bindMemory(to: UInt8.self)) }
        } catch is StateJSONReader.Malformed {
            throw DecodeError(description: "not valid JSON")
        }
    }
}
