import Foundation

/// A file to load, and whether the user named it (then its name does not decide whether it is a story)
/// rather than it being found in a folder.
public struct ListedFile: Sendable, Equatable {
    public var path: String
    public var named: Bool
    public init(path: String, named: Bool) {
        self.path = path
        self.named = named
    }
}
