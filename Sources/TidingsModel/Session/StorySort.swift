/// The order of the story list: load order (path), or one of the orders `s` and `S` cycle through.
public enum StorySort: String, CaseIterable, Codable, Sendable {
    /// The order the loader found the files in: by path, as the folder lists them.
    case path
    case newest
    case comments
    case unread
    case title

    /// The next order in the cycle (`s`), or the previous one (`S`), wrapping round.
    public func cycled(forward: Bool) -> StorySort {
        let all = Self.allCases
        let index = all.firstIndex(of: self)!
        return all[(index + (forward ? 1 : all.count - 1)) % all.count]
    }
}
