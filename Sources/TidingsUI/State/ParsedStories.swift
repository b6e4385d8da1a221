import TidingsModel

/// The most recently parsed stories, by list position (checked against the story id, in case the list
/// position was reused).
struct ParsedStories: Sendable {
    let capacity: Int
    private var stories: [Int: Story] = [:]
    private var order: [Int] = []

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func story(at index: Int, id: String) -> Story? {
        guard let story = stories[index], story.id == id else { return nil }
        return story
    }

    /// Forgets the stories at `index` and after (list entries replaced there).
    mutating func removeAll(from index: Int) {
        order.removeAll { $0 >= index }
        stories = stories.filter { $0.key < index }
    }

    /// Forgets the story at `index` (its file changed: it is parsed again when shown).
    mutating func forget(_ index: Int) {
        guard stories.removeValue(forKey: index) != nil else { return }
        order.removeAll { $0 == index }
    }

    mutating func insert(_ story: Story, at index: Int) {
        if stories.updateValue(story, forKey: index) == nil { order.append(index) }
        if order.count > capacity { stories[order.removeFirst()] = nil }
    }
}
