import Foundation

/// An item's date from the fields feeds give it, in order of preference: RSS `pubDate` (RFC 822), then
/// `dc:date`, Atom `published`, Atom `updated` (ISO 8601). Each is tried in both forms, since feeds mix
/// them up. A date that reads in neither form is kept as text, shown as written.
enum FeedDates {
    static func date(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        if let first = text.utf8.first, first.isDigit, text.utf8.count >= 10,
           let iso = ServiceDates.iso8601(text) { return iso }
        return RFC822Date.parse(text) ?? ServiceDates.iso8601(text)
    }

    /// The first of the texts that reads as a date, else the first non-empty text as written.
    static func pick(_ candidates: [String?]) -> (date: Date?, text: String?) {
        var written: String?
        for case let candidate? in candidates {
            if let date = date(candidate) { return (date, nil) }
            let trimmed = candidate.trimmingCharacters(in: .whitespacesAndNewlines)
            if written == nil, !trimmed.isEmpty { written = trimmed }
        }
        return (nil, written)
    }
}
