import Foundation

/// The JSON encoding of `ReadState` described in docs/STATE.md.
public enum ReadStateCoding {
    public static let version = 1

    /// Why a state file's contents cannot be used.
    public struct DecodeError: Error, Equatable, CustomStringConvertible {
        public var description: String
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
            var comments: [CommentID] = []
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
                    comments.append(id)
                    index = end
                }
            }
            result[id] = ReadState.StoryMarks(isRead: isRead, readComments: CommentIDSet(presorted: comments))
        }
        return ReadState(stories: result.filter { !$0.value.isEmpty })
    }
}
