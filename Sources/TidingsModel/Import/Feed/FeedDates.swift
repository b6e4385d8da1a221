import Foundation

/// An item's date from the fields feeds give it, in order of preference: RSS `pubDate` (RFC 822), then
/// `dc:date`, Atom `published`, Atom `updated` (ISO 8601). Each is tried in both forms, since feeds mix
/// them up. A date that reads in neither form is kept as text, shown as written.
enum FeedDates {
    static func date(_ text: String) -> Date? {
        let text = FeedText.trimmed(text)
        guard !text.isEmpty else { return nil }
        if let first = text.utf8.first, first.isDigit, text.utf8.count >= 10,
           let iso = ServiceDates.iso8601(text) { return iso }
        return RFC822Date.parse(text) ?? ServiceDates.iso8601(text)
    }

    /// The first of the texts that reads as a date, else the first non-empty text as written.
    static func pick(_ first: String?, _ second: String?, _ third: String?, _ fourth: String?) -> (date: Date?, text: String?) {
        var written: String?
        func read(_ candidate: String?) -> Date? {
            guard let candidate else { return nil }
            if let date = date(candidate) { return date }
            if written == nil {
                let trimmed = FeedText.trimmed(candidate)
                if !trimmed.isEmpty { written = trimmed }
            }
            return nil
        }
        if let date = read(first) ?? read(second) ?? read(third) ?? read(fourth) { return (date, nil) }
        return (nil, written)
    }
}
