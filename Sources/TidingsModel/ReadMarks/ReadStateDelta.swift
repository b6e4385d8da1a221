/// What one command changed in the read marks, exactly: the changes it made, in order, and the changes
/// that take them back. `UndoStep` keeps the same for the actions `u` takes back.
public struct ReadStateDelta: Sendable, Equatable {
    /// The command's stable name (`toggle-read`).
    public var command: String
    public var changes: [ReadState.Change]

    public init(command: String, changes: [ReadState.Change]) {
        self.command = command
        self.changes = changes
    }

    /// The changes that restore the marks as they were before the command, newest first. A version-1
    /// entry taken over is not given back: the marks it held stay under the new id.
    public var undo: [ReadState.Change] {
        changes.reversed().compactMap { change in
            switch change {
            case .story(let id, let read): return .story(id, read: !read)
            case .comments(let id, let ids, let read): return .comments(id, ids, read: !read)
            case .client, .released, .legacyAdopted, .undoAdded, .undoTaken, .undoRenamed: return nil
            }
        }
    }
}

extension ReadState {
    /// Applies changes as this instance's own (recorded in the journal, so they are saved).
    public mutating func perform(_ changes: [Change]) {
        for change in changes {
            switch change {
            case .story(let id, let read): setStory(id, read: read)
            case .comments(let id, let ids, let read): setComments(ids, in: id, read: read)
            case .client, .released, .legacyAdopted, .undoAdded, .undoTaken, .undoRenamed: break
            }
        }
    }
}
