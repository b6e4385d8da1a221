import Foundation

/// A query's filters made ready to decide each list entry quickly: the moments of `since:` and `before:`
/// worked out once, authors and categories as needles. Deciding 100,000 entries reads no file.
public struct EntryFilter: Sendable {
    private enum Check: Sendable {
        case unread, new
        case author(SearchNeedle)
        case category(SearchNeedle)
        case format(Set<String>)
        case since(Date?), before(Date?)
        case comments(StoryQuery.Comparison, Int)
    }

    private let required: [Check]
    private let excluded: [Check]
    private let now: Date

    public init(_ query: StoryQuery, now: Date, timeZone: TimeZone) {
        func check(_ filter: StoryQuery.Filter) -> Check {
            switch filter {
            case .unread: return .unread
            case .new: return .new
            case .author(let name): return .author(SearchNeedle(name))
            case .category(let name): return .category(SearchNeedle(name))
            case .format(let names): return .format(names)
            case .since(let date): return .since(date.moment(now: now, timeZone: timeZone))
            case .before(let date): return .before(date.moment(now: now, timeZone: timeZone))
            case .comments(let comparison, let number): return .comments(comparison, number)
            }
        }
        required = query.filters.map(check)
        excluded = query.excludedFilters.map(check)
        self.now = now
    }

    public var isEmpty: Bool { required.isEmpty && excluded.isEmpty }
    /// Whether `admits` looks at the story's read mark (`unread`): it costs a lookup by id, so callers pass
    /// it only then.
    public var needsReadMark: Bool {
        (required + excluded).contains { if case .unread = $0 { return true } else { return false } }
    }

    /// Whether the entry passes every filter; `storyRead` is the story's own read mark.
    public func admits(_ entry: StoryEntry, storyRead: Bool) -> Bool {
        for check in required where !holds(check, entry, storyRead) { return false }
        for check in excluded where holds(check, entry, storyRead) { return false }
        return true
    }

    private func holds(_ check: Check, _ entry: StoryEntry, _ storyRead: Bool) -> Bool {
        let summary = entry.summary
        switch check {
        case .unread: return !storyRead || entry.unreadComments > 0
        // What the list's "12 new" counts: unread comments, in a story opened before or not.
        case .new: return entry.unreadComments > 0
        case .author(let needle): return summary.author.map { needle.occurs(in: $0) } ?? false
        case .category(let needle): return summary.category.map { needle.occurs(in: $0) } ?? false
        case .format(let names): return names.contains(StoryQuery.formatName(of: summary))
        case .since(let moment): return moment.flatMap { moment in entry.keys.postedDate(now: now).map { $0 >= moment } } ?? false
        case .before(let moment): return moment.flatMap { moment in entry.keys.postedDate(now: now).map { $0 < moment } } ?? false
        case .comments(let comparison, let number):
            return comparison.holds(summary.listedCommentCount, number)
        }
    }
}
