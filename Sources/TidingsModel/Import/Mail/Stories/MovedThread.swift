/// A mail thread known by another id since its missing first message arrived (`MailThreads.formerID`, kept
/// as its `legacyID`): the same story, whose marks, place and undo steps may be under the old id.
enum MovedThread {
    static func wasKnown(_ legacyID: String?, as former: String?) -> Bool {
        guard let former, ClientMarks.applies(to: former) else { return false }
        return legacyID == former
    }
}

extension StorySummary {
    /// Whether this is the thread once known as `former`.
    public func wasKnown(as former: String?) -> Bool { MovedThread.wasKnown(legacyID, as: former) }

    /// Whether it may have been known by another id (its marks may wait under it).
    public var mayHaveMoved: Bool { legacyID.map(ClientMarks.applies) ?? false }
}

extension Story {
    /// Whether this is the thread once known as `former`.
    public func wasKnown(as former: String?) -> Bool { MovedThread.wasKnown(legacyID, as: former) }
}
