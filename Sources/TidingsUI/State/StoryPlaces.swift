import TidingsModel

/// The place (folds and selected comment) of each story visited, by story id, the most recent last, so
/// going back to a story finds it as it was left. Only the last `SavedSession.storiesKept` are kept.
struct StoryPlaces: Sendable {
    private var byID: [String: StoryPlace] = [:]
    /// Story ids, least recently left first.
    private var order: [String] = []

    func place(of id: String) -> StoryPlace? { byID[id] }

    /// Keeps a story's place as the most recent.
    mutating func remember(_ place: StoryPlace) {
        if byID.updateValue(place, forKey: place.id) != nil { order.removeAll { $0 == place.id } }
        order.append(place.id)
        while order.count > SavedSession.storiesKept { byID[order.removeFirst()] = nil }
    }

    /// A story now known by another id (a mail thread whose id moved, `MailThreads.formerID`) keeps its
    /// place under the new one.
    mutating func rename(_ old: String, to new: String) {
        guard var place = byID.removeValue(forKey: old) else { return }
        order.removeAll { $0 == old }
        place.id = new
        remember(place)
    }

    /// Every place kept, least recent first.
    var all: [StoryPlace] { order.compactMap { byID[$0] } }
}

/// What the last session ended on, waited for until the story arrives from the loader.
struct PendingRestore: Sendable {
    var storyID: String
    /// Its file, when the session says (the story may be listed from two).
    var path: String? = nil
    var focus: Focus
    /// Its comments marked unread during the last visit (`SavedSession.unread`).
    var unread: [String] = []
}
