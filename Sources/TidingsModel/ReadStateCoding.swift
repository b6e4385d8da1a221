import Foundation

/// The JSON encoding of `ReadState` described in docs/STATE.md.
public enum ReadStateCoding {
    public static let version = 1

    /// Why a state file's contents cannot be used.
    public struct DecodeError: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    public static func encode(_ state: ReadState) -> Data {
        var out = "{\"version\":\(version),\"stories\":{"
        var first = true
        for (id, marks) in state.stories.sorted(by: { $0.key < $1.key }) {
            if !first { out += "," }
            first = false
            out += "\n"
            JSONText.appendString(id, to: &out)
            out += ":{\"read\":\(marks.isRead)"
            if !marks.readComments.isEmpty {
                out += ",\"comments\":\""
                for comment in marks.readComments.sorted() { out += comment.description }
                out += "\""
            }
            out += "}"
        }
        out += "\n}}\n"
        return Data(out.utf8)
    }

    public static func decode(_ data: Data) throws -> ReadState {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw DecodeError(description: "not valid JSON")
        }
        guard let root = object as? [String: Any] else { throw DecodeError(description: "not a JSON object") }
        guard let version = root["version"] as? Int else { throw DecodeError(description: "no version field") }
        guard version == Self.version else {
            throw DecodeError(description: "version \(version) is not understood by this build (it reads \(Self.version))")
        }
        guard let stories = root["stories"] as? [String: Any] else {
            throw DecodeError(description: "no stories object")
        }
        var result: [String: ReadState.StoryMarks] = [:]
        result.reserveCapacity(stories.count)
        for (id, value) in stories {
            guard let entry = value as? [String: Any] else { throw DecodeError(description: "story \(id) is not an object") }
            let isRead = entry["read"] as? Bool ?? false
            var comments = Set<CommentID>()
            if let packed = entry["comments"] {
                guard let text = packed as? String, text.utf8.count % CommentID.characterCount == 0 else {
                    throw DecodeError(description: "story \(id) has a malformed comments field")
                }
                comments.reserveCapacity(text.utf8.count / CommentID.characterCount)
                var index = text.utf8.startIndex
                while index != text.utf8.endIndex {
                    let end = text.utf8.index(index, offsetBy: CommentID.characterCount)
                    guard let id = CommentID(Substring(text.utf8[index..<end])) else {
                        throw DecodeError(description: "story \(id) has a malformed comment id")
                    }
                    comments.insert(id)
                    index = end
                }
            }
            result[id] = ReadState.StoryMarks(isRead: isRead, readComments: comments)
        }
        return ReadState(stories: result.filter { !$0.value.isEmpty })
    }
}
