import Foundation

/// One message as threading sees it.
public struct ThreadInput: Sendable, Equatable {
    /// Normalised Message-ID; nil when the message has none (it then stands alone, or under its parents).
    public var id: String?
    /// Ancestors oldest first, the direct parent last (References, then In-Reply-To).
    public var parents: [String]
    /// For ordering replies: earlier first; nil sorts by input order among equals.
    public var date: Date?

    public init(id: String?, parents: [String], date: Date?) {
        self.id = id
        self.parents = parents
        self.date = date
    }
}
