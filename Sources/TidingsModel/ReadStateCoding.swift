import Foundation

/// The JSON encoding of `ReadState` described in docs/STATE.md.
public enum ReadStateCoding {
    public static let version = 1

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
        out.reserveCapacity(state.stories.count * 40)
        out.append(contentsOf: "{\"version\":\(version),\"stories\":{".utf8)
        var first = true
        for (id, marks) in state.stories.sorted(by: { $0.key < $1.key }) {
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
        out.append(contentsOf: "\n}}\n".utf8)
        return Data(out)
    }

    public static func decode(_ data: Data) throws -> ReadState {
        do {
            return try data.withUnsafeBytes { try StateJSONReader.decode($0.bindMemory(to: UInt8.self)) }
        } catch is StateJSONReader.Malformed {
            throw DecodeError(description: "not valid JSON")
        }
    }
}
